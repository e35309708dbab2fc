/**
 * The lint rules that keep a question honest, each on a small fixture at the
 * exact line and column an author would jump to.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem, loadLessonFile } from '../../src/lesson/load.js';

const fixture = (name: string) => `test/fixtures/lessons/lint/${name}.yaml`;

async function problems(name: string): Promise<string[]> {
  return (await loadLessonFile(fixture(name))).problems.map(formatProblem);
}

describe('lint rules in the loader', () => {
  it('reports schema problems and rule problems of a file in one round, in file order', async () => {
    expect(await problems('all-at-once')).toEqual([
      `${fixture('all-at-once')}:5:5: missing required field "question" (at steps[0].question)`,
      `${fixture('all-at-once')}:16:9: step id "two" is used twice in this lesson`,
    ]);
  });

  it('refuses a wrong option without a why', async () => {
    const result = await loadLessonFile(fixture('no-why'));
    expect(result.lesson).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      `${fixture('no-why')}:11:9: option "Its own kernel" is wrong but has no "why": say what a learner who picks it has misunderstood`,
    ]);
  });

  it('refuses a hint that contains a right option or an expected command', async () => {
    expect(await problems('hint-answer')).toEqual([
      `${fixture('hint-answer')}:8:11: the hint gives the answer away: it contains "The node's kernel"`,
      `${fixture('hint-answer')}:17:11: the hint gives the answer away: it contains "kubectl logs web"`,
    ]);
  });

  it('warns, and still loads, when order or length gives the answer away', async () => {
    const result = await loadLessonFile(fixture('guessable'));
    expect(result.lesson?.id).toBe('guessable');
    expect(result.problems.map(formatProblem)).toEqual([
      `${fixture('guessable')}:9:14: warning: shuffle: false keeps a right option first, where a learner who always picks 1 finds it`,
      `${fixture('guessable')}:21:15: warning: this right option is by far the longest (70 characters, the longest wrong one 6): its length gives it away`,
    ]);
  });

  it('checks accepted answers against accept_pattern, and that the pattern compiles', async () => {
    expect(await problems('pattern')).toEqual([
      `${fixture('pattern')}:8:26: "nginx:latest" is accepted but does not match accept_pattern; one of them is wrong`,
      `${fixture('pattern')}:14:21: "nginx(" is not a valid regular expression (RE2 syntax): missing closing ) at \`nginx(\``,
    ]);
  });

  it('refuses a pattern the linear-time engine cannot run: a backreference, lookaround', async () => {
    const result = await loadLessonFile(fixture('pattern-engine'));
    expect(result.lesson).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      `${fixture('pattern-engine')}:9:21: "(\\w+) \\1" uses a backreference or lookaround, which kube-learn's patterns cannot run (RE2 syntax, matched in linear time): invalid escape sequence at \`\\1\``,
      `${fixture('pattern-engine')}:16:18: "^nginx(?!:latest)" uses a backreference or lookaround, which kube-learn's patterns cannot run (RE2 syntax, matched in linear time): invalid or unsupported Perl syntax at \`(?!\``,
    ]);
  });
});
