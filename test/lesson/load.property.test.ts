// Random and mutated YAML into the loader: it never throws, and every problem
// it reports has a file, a line and a column inside the text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isError, loadLessonText } from '../../src/lesson/load.js';
import { applyMutation, mutations } from '../helpers/fuzz.js';

const good = readFileSync('test/fixtures/lessons/good/intro.yaml', 'utf8');

/** Small edits of a valid lesson. */
const mutation = mutations({
  maxDelete: 20,
  insert: fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom(':', '- ', '\t', '&a ', '*a', '!tag ', '---\n', '"', '[', '{', '\n  ', '\u001b[2J', 'correct: true\n'),
  ),
});

function expectWellFormed(text: string): void {
  const result = loadLessonText(text, 'fuzz.yaml');
  const lines = text.split('\n');
  const lineCount = lines.length;
  // Warnings leave the lesson usable; any other problem means no lesson.
  expect(result.lesson === undefined).toBe(result.problems.some(isError));
  for (const p of result.problems) {
    expect(p.file).toBe('fuzz.yaml');
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(lineCount);
    expect(p.col).toBeGreaterThanOrEqual(1);
    expect(p.col, `${p.line}:${p.col} ${p.message}`).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
    expect(p.message.length).toBeGreaterThan(0);
    expect(p.message).not.toContain('\n');
  }
}

describe('the loader under random input (fast-check; a failure prints its seed)', () => {
  it('handles mutated lessons', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => expectWellFormed(ms.reduce(applyMutation, good))),
      { numRuns: 400 },
    );
  });

  it('handles arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), expectWellFormed), { numRuns: 300 });
  });

  it('handles arbitrary JSON-shaped values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => expectWellFormed(JSON.stringify(value))),
      { numRuns: 300 },
    );
  });
});
