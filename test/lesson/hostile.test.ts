// Lesson files from strangers: refused fast, with one line naming the cause.
import { describe, expect, it } from 'vitest';
import { formatFileProblem, loadLessonText } from '../../src/lesson/load.js';

function problemsOf(text: string): string[] {
  const result = loadLessonText(text, 'h.yaml');
  expect(result.lesson).toBeUndefined();
  return result.problems.map(formatFileProblem);
}

describe('hostile lesson files', () => {
  it('refuses an alias bomb ("billion laughs") as too many aliases', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    // The verdict is the proof it was not expanded: resolving stops with this
    // error once more than MAX_ALIASES aliases have been expanded. (No clock:
    // speed targets live in the bench.)
    expect(problemsOf(`${levels.join('\n')}\n`)).toEqual([expect.stringMatching(/^h\.yaml:1:1: too many aliases/)]);
  });

  it('refuses a deeply nested document, naming the nesting', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(problemsOf(`id: x\nsteps: ${deep}\n`)).toEqual([expect.stringMatching(/^h\.yaml:2:\d+: nested more than 64 levels deep$/)]);
  });

  it('survives nesting deep enough to exhaust a recursive parser', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const problems = problemsOf(`steps: ${deep}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^h\.yaml:\d+:\d+: (document is nested too deeply|nested more than 64 levels deep)$/);
  });

  it('places block nesting past the limit at the first node too deep, and repeated keys under it still first', () => {
    // Level n is key a<n> on line n + 1, indented 2n: the mapping at depth 65 starts at a65.
    const nested = Array.from({ length: 70 }, (_, n) => `${'  '.repeat(n)}a${n}:${n === 69 ? ' end' : ''}`).join('\n');
    expect(problemsOf(`${nested}\n`)).toEqual(['h.yaml:66:131: nested more than 64 levels deep']);
    const repeated = `${nested}\n${'  '.repeat(69)}a69: again\n`;
    expect(problemsOf(repeated)).toEqual([
      expect.stringMatching(/^h\.yaml:71:139: "a69" is set twice in this mapping \(first on line 70\)/),
    ]);
  });

  it('refuses custom tags', () => {
    expect(problemsOf('id: !!js/function "function(){}"\ntitle: !custom x\n')).toEqual([
      'h.yaml:1:5: custom tags are not allowed',
      'h.yaml:2:8: custom tags are not allowed',
    ]);
  });

  it('refuses a file over the size limit', () => {
    const big = `id: big\ntitle: ${'x'.repeat(1024 * 1024)}\n`;
    expect(problemsOf(big)).toEqual(['h.yaml:1:1: file is larger than the 1 MiB limit']);
  });

  it('never lets terminal escapes through an error message', () => {
    const [line] = problemsOf(
      'id: x\ntitle: t\nsummary: s\nsteps:\n  - id: a\n    type: explain\n    title: A\n    body: B\n    "\\e]8;;http://evil\\a": 1\n',
    );
    expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(line).toContain('\u241b]8;;http://evil\u2407');
  });
});

describe('positions after broken lines', () => {
  it('stay inside the text (the parser-fed line counter drifted: 2:20 on a 4-column line)', () => {
    const text = '  a: 1\nb: 1\n  c: 2\n    d: x\n';
    const lines = text.split('\n');
    for (const p of loadLessonText(text, 'd.yaml').problems) {
      expect(p.col, `${p.line}:${p.col} ${p.message}`).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
    }
  });
});
