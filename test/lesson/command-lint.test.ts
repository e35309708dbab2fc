/**
 * Lint reads a command question's `expect` and `allow` with the reader that
 * judges answers, and points at the word at fault: file:line:col.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, loadLessonText } from '../../src/lesson/load.js';

function lesson(expectLines: string[], allow?: string): string {
  return [
    'id: cmd',
    'title: Commands',
    'summary: A command question.',
    'steps:',
    '  - id: q',
    '    type: command',
    '    question: Which command?',
    '    expect:',
    ...expectLines.map((l) => `      - ${l}`),
    ...(allow === undefined ? [] : [`    allow: ${allow}`]),
  ].join('\n');
}

const problems = (text: string) => loadLessonText(text, 'c.yaml').problems.map(formatProblem);

describe('lint of command questions', () => {
  it('passes commands kubectl would read, in any of its forms', () => {
    expect(
      problems(lesson(['kubectl get pods -n learn-lab -l app=web', 'k get po -nlearn-lab --selector=app=web'], '[-o, --watch, -w]')),
    ).toEqual([]);
  });

  it('points at an unknown flag inside a plain value', () => {
    expect(problems(lesson(['kubectl get pods --namspace learn-lab']))).toEqual([
      'c.yaml:9:26: unknown flag `--namspace` (did you mean `--namespace`?)',
    ]);
  });

  it('points past the opening quote of a quoted value', () => {
    expect(problems(lesson(['"kubectl logs web --follw"']))).toEqual(['c.yaml:9:27: unknown flag `--follw` (did you mean `--follow`?)']);
  });

  it('points at an unknown command and an unknown resource type', () => {
    expect(problems(lesson(['kubectl gte pods', "'kubectl get pdos'"]))).toEqual([
      'c.yaml:9:17: unknown command `gte` (did you mean `get`?)',
      'c.yaml:10:22: unknown resource type `pdos` (did you mean `pods`?)',
    ]);
  });

  it('rejects a pipe and anything that is not kubectl', () => {
    expect(problems(lesson(['kubectl get pods | grep web', 'docker ps']))).toEqual([
      'c.yaml:9:26: a pipe `|` sends the output to another program; give just one kubectl command',
      'c.yaml:10:9: start the command with `kubectl`, not `docker`',
    ]);
  });

  it('rejects an allow entry that is no flag of the expected command', () => {
    expect(problems(lesson(['kubectl logs web'], '[-f, --watch, wide]'))).toEqual([
      'c.yaml:10:17: `kubectl logs` has no flag `--watch`',
      'c.yaml:10:26: allow lists flags such as `-o` or `--watch`; `wide` is not one',
    ]);
  });

  it('points at the start of a value whose source differs from its text (an escape)', () => {
    expect(problems(lesson(['"kubectl get\\u0020pods --bad"']))).toEqual(['c.yaml:9:9: unknown flag `--bad`']);
  });
});
