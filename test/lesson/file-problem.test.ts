import { describe, expect, it } from 'vitest';
import { formatFileProblem } from '../../src/lesson/file-problem.js';

describe('formatFileProblem', () => {
  it('neutralises the file name too: a name is text from outside', () => {
    const file = 'lessons/\u001b]0;owned\u0007\u009b2J.yaml';
    expect(formatFileProblem({ file, line: 3, col: 5, message: 'bad' })).toBe('lessons/␛]0;owned␇<U+009B>2J.yaml:3:5: bad');
  });

  it('marks a warning as such', () => {
    expect(formatFileProblem({ file: 'a.yaml', line: 1, col: 1, message: 'hmm', severity: 'warning' })).toBe('a.yaml:1:1: warning: hmm');
  });
});
