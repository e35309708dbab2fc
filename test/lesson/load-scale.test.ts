/**
 * A lesson file from a stranger can hold thousands of problems. Locating each
 * one must not search the file again: the cost of loading grows with the
 * file, not with its square. Measured as a ratio of CPU time (doubling
 * the input must less than triple it; see test/helpers/growth.ts), never as
 * an absolute time.
 */
import { describe, expect, it } from 'vitest';
import { loadLessonText } from '../../src/lesson/load.js';
import { growth } from '../helpers/growth.js';

function unknownFields(n: number): string {
  const lines = [
    'id: wide',
    'title: Wide',
    'summary: Many unknown fields.',
    'steps:',
    '  - id: a',
    '    type: explain',
    '    title: A',
    '    body: B',
  ];
  for (let i = 0; i < n; i++) lines.push(`    extra${i}: x`);
  return `${lines.join('\n')}\n`;
}

function repeatedKeys(n: number): string {
  return `${['id: dup', 'title: Dup', 'summary: One key set many times.', 'steps: []'].join('\n')}\n${'title: again\n'.repeat(n)}`;
}

const load = (text: string) => loadLessonText(text, 'wide.yaml');

// Seconds of CPU in all; more than the default 5 s of wall time on a busy machine.
describe('loading a file with thousands of problems', { timeout: 30_000 }, () => {
  it('reports each unknown field where it is, in time that grows linearly', () => {
    expect(growth(load, unknownFields, 3000)).toBeLessThan(3);
    const last = loadLessonText(unknownFields(6000), 'wide.yaml').problems.at(-1)!;
    expect(`${last.line}:${last.col}`).toBe(`${8 + 6000}:5`);
  });

  it('reports each repeated key where it is, in time that grows linearly', () => {
    expect(growth(load, repeatedKeys, 3000)).toBeLessThan(3);
    const problems = loadLessonText(repeatedKeys(6000), 'dup.yaml').problems;
    expect(problems).toHaveLength(6000);
    expect(problems.at(-1)).toEqual({
      file: 'dup.yaml',
      line: 6004,
      col: 1,
      message:
        '"title" is set twice in this mapping (first on line 2); each key may appear only once (remove one of the two, or merge them)',
    });
  });
});
