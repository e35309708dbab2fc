import { describe, expect, it } from 'vitest';
import type { TextStep } from '../../../src/lesson/schema.js';
import { isRightText } from '../../../src/tutor/steps/text.js';
import { growth } from '../../helpers/growth.js';

const text: TextStep = {
  id: 'q',
  type: 'text',
  question: 'Which image?',
  accept: ['nginx:1.30'],
  accept_pattern: 'nginx:1\\.30(\\.\\d+)?',
};

describe('text answers', () => {
  it('accept what `accept` lists, after normalisation', async () => {
    expect(await isRightText(text, '  NGINX:1.30 ')).toBe(true);
  });

  it('accept what the anchored `accept_pattern` matches, and nothing around it', async () => {
    expect(await isRightText(text, 'nginx:1.30.3')).toBe(true);
    expect(await isRightText(text, 'nginx:1.30.3-alpine')).toBe(false);
    expect(await isRightText(text, 'my-nginx:1.30')).toBe(false);
  });
});

describe('a pattern that backtracks in most engines', () => {
  // Before (Node's engine): ^(.*)*latest$ on a 31-38 character answer took 104-118 s.
  const nested: TextStep = { ...text, accept: ['nginx:latest'], accept_pattern: '(.*)*latest' };

  it('is matched in time that grows linearly with the answer', async () => {
    expect(await isRightText(nested, 'nginx:latest')).toBe(true);
    expect(await isRightText(nested, `${'a'.repeat(40)}latesx`)).toBe(false);
    const { compilePattern } = await import('../../../src/text/pattern.js');
    const compiled = compilePattern(nested.accept_pattern!, { whole: true, ignoreCase: true });
    if (!compiled.ok) throw new Error(compiled.error);
    expect(
      growth(
        (answer: string) => compiled.pattern.test(answer),
        (n) => `${'a'.repeat(n)}latesx`,
        20_000,
      ),
    ).toBeLessThan(3);
  });
});
