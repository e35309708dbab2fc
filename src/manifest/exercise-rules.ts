/**
 * Lint for a lesson's manifest exercises, which only the checker can judge:
 * the solution must pass the step's own checks (a learner who copies it must
 * not be told it is wrong), and the starter must not (the learner would have
 * nothing to do). The rustlings rule: every exercise starts broken and can be fixed.
 *
 * A pack repeats itself (the same starter in every exercise, a solution
 * copied from lesson to lesson): each distinct text, checks and context is
 * judged once per run.
 */
import type { RuleViolation } from '../lesson/rules.js';
import type { Lesson } from '../lesson/schema.js';
import { checkManifest, type CheckOptions, type ManifestProblem } from './check.js';

const verdicts = new Map<string, ManifestProblem[]>();

async function judged(text: string, opts: CheckOptions): Promise<ManifestProblem[]> {
  const key = JSON.stringify([text, opts.checks, opts.context]);
  let problems = verdicts.get(key);
  if (!problems) {
    problems = await checkManifest(text, opts);
    verdicts.set(key, problems);
  }
  return problems;
}

export async function exerciseRules(lesson: Lesson): Promise<RuleViolation[]> {
  const out: RuleViolation[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    if (step.type !== 'manifest') continue;
    const opts = { checks: step.checks, context: step.context };
    const failing = (await judged(step.solution, opts)).filter((p) => p.severity === 'error');
    if (failing.length > 0) {
      const first = failing[0]!;
      out.push({
        path: ['steps', i, 'solution'],
        message: `the solution fails its own checks (${failing.length} problem${failing.length === 1 ? '' : 's'}; first, at its line ${first.line}: ${first.message})`,
      });
    }
    const started = await judged(step.starter ?? '', opts);
    if (!started.some((p) => p.severity === 'error')) {
      out.push({
        path: ['steps', i, ...(step.starter === undefined ? [] : ['starter'])],
        message: 'the starter already passes every check: the learner would have nothing to fix',
      });
    }
  }
  return out;
}
