/**
 * A lesson file from a stranger can hold thousands of problems. Locating each
 * one must not search the file again: the cost of loading grows with the
 * file, not with its square. Measured as a ratio (four times the input
 * must take less than eight times as long; the square would take sixteen),
 * never as an absolute time, and the best of three runs, so a busy machine
 * does not fail it.
 */
import { describe, expect, it } from 'vitest';
import { loadLessonText } from '../../src/lesson/load.js';

function unknownFields(n: number): string {
  const lines = ['id: wide', 'title: Wide', 'summary: Many unknown fields.', 'steps:', '  - id: a', '    type: explain', '    title: A', '    body: B'];
  for (let i = 0; i < n; i++) lines.push(`    extra${i}: x`);
  return `${lines.join('\n')}\n`;
}

function repeatedKeys(n: number): string {
  return `${['id: dup', 'title: Dup', 'summary: One key set many times.', 'steps: []'].join('\n')}\n${'title: again\n'.repeat(n)}`;
}

function timed(text: string): number {
  const start = process.hrtime.bigint();
  const result = loadLessonText(text, 'wide.yaml');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  expect(result.problems.length).toBeGreaterThan(1000);
  return ms;
}

/** How much longer the large input takes than the small one, best of three runs each after a warm-up. */
function growth(small: string, large: string): number {
  timed(small);
  const best = (text: string) => Math.min(timed(text), timed(text), timed(text));
  return best(large) / best(small);
}

// Each test loads a few 100 KB files nine times over: more than the default 5 s on a busy machine.
describe('loading a file with thousands of problems', { timeout: 30_000 }, () => {
  it('reports each unknown field where it is, in time that grows linearly', () => {
    const large = unknownFields(6000);
    expect(growth(unknownFields(1500), large)).toBeLessThan(8);
    const last = loadLessonText(large, 'wide.yaml').problems.at(-1)!;
    expect(`${last.line}:${last.col}`).toBe(`${8 + 6000}:5`);
  });

  it('reports each repeated key where it is, in time that grows linearly', () => {
    const large = repeatedKeys(6000);
    expect(growth(repeatedKeys(1500), large)).toBeLessThan(8);
    const problems = loadLessonText(large, 'dup.yaml').problems;
    expect(problems).toHaveLength(6000);
    expect(problems.at(-1)).toEqual({ file: 'dup.yaml', line: 6004, col: 1, message: '"title" is set twice in this mapping (first on line 2); each key may appear only once (remove one of the two, or merge them)' });
  });
});
