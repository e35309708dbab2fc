import { describe, expect, it } from 'vitest';
import { embeddedOrigin } from '../../src/lesson/embedded-text.js';
import { nodeAt, parseYaml } from '../../src/lesson/yaml-source.js';

function originOf(text: string, path: (string | number)[]) {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return embeddedOrigin(text, nodeAt(parsed.parsed.doc, path));
}

describe('where text embedded in a lesson file is', () => {
  it('a literal block: line L of the text is L lines after the "|", past the indentation', () => {
    const text = 'steps:\n  - context: |\n      a: 1\n\n      b:\n        c: 2\n    other: x\n';
    const at = originOf(text, ['steps', 0, 'context']);
    expect(at({ line: 1, col: 1 })).toEqual({ line: 3, col: 7 });
    expect(at({ line: 4, col: 3 })).toEqual({ line: 6, col: 9 });
    // Past the last line (the end of the text): the end of the last line.
    expect(at({ line: 5, col: 1 })).toEqual({ line: 6, col: 13 });
  });

  it('a chomped block (|-) works the same', () => {
    const at = originOf('context: |-\n  a: 1\n  b: 2\n', ['context']);
    expect(at({ line: 2, col: 4 })).toEqual({ line: 3, col: 6 });
  });

  it('quoted, plain or folded text: the start of the value', () => {
    expect(originOf('context: "a: 1\\nb: 2"\n', ['context'])({ line: 2, col: 1 })).toEqual({ line: 1, col: 10 });
    expect(originOf('context: >\n  a: 1\n  b: 2\n', ['context'])({ line: 2, col: 1 })).toEqual({ line: 1, col: 10 });
  });
});
