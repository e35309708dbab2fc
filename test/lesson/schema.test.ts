import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lesson, lessonJsonSchema } from '../../src/lesson/schema.js';

describe('the lesson schema', () => {
  it('is what schema/lesson.schema.json holds (run `npm run schema` after changing it)', () => {
    const onDisk = JSON.parse(readFileSync('schema/lesson.schema.json', 'utf8'));
    expect(onDisk).toEqual(lessonJsonSchema());
  });

  it('gives editors every step type and refuses unknown fields', () => {
    const json = lessonJsonSchema() as {
      properties: { steps: { items: { oneOf: Array<{ properties: { type: { const: string } }; additionalProperties: boolean }> } } };
    };
    const variants = json.properties.steps.items.oneOf;
    expect(variants.map((v) => v.properties.type.const)).toEqual(['explain', 'choice', 'multi', 'text', 'command', 'manifest']);
    expect(variants.every((v) => v.additionalProperties === false)).toBe(true);
  });

  it('refuses a lesson in a newer format with a message saying so', () => {
    const result = lesson.safeParse({
      format: 2,
      id: 'x',
      title: 't',
      summary: 's',
      steps: [{ id: 'a', type: 'explain', title: 'A', body: 'b' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/needs a newer kube-learn/);
  });
});
