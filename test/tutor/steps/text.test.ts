import { describe, expect, it } from 'vitest';
import type { TextStep } from '../../../src/lesson/schema.js';
import { isRightText } from '../../../src/tutor/steps/text.js';

const text: TextStep = {
  id: 'q',
  type: 'text',
  question: 'Which image?',
  accept: ['nginx:1.30'],
  accept_pattern: 'nginx:1\\.30(\\.\\d+)?',
};

describe('text answers', () => {
  it('accept what `accept` lists, after normalisation', () => {
    expect(isRightText(text, '  NGINX:1.30 ')).toBe(true);
  });

  it('accept what the anchored `accept_pattern` matches, and nothing around it', () => {
    expect(isRightText(text, 'nginx:1.30.3')).toBe(true);
    expect(isRightText(text, 'nginx:1.30.3-alpine')).toBe(false);
    expect(isRightText(text, 'my-nginx:1.30')).toBe(false);
  });
});
