/**
 * Lint for a lesson's manifest exercises, which only the checker can judge:
 * the solution must pass the step's own checks (a learner who copies it must
 * not be told it is wrong), and the starter must not (the learner would have
 * nothing to do). The rustlings rule: every exercise starts broken and can be fixed.
 */
import type { RuleViolation } from '../lesson/rules.js';
import type { Lesson } from '../lesson/schema.js';
import { checkManifest } from './check.js';

export async function exerciseRules(lesson: Lesson): Promise<RuleViolation[]> {
  const out: RuleViolation[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    if (step.type !== 'manifest') continue;
    const failing = (await checkManifest(step.solution, { checks: step.checks, context: step.context })).filter(
      (p) => p.severity === 'error',
    );
    if (failing.length > 0) {
      const first = failing[0]!;
      out.push({
        path: ['steps', i, 'solution'],
        message: `the solution fails its own checks (${failing.length} problem${failing.length === 1 ? '' : 's'}; first, at its line ${first.line}: ${first.message})`,
      });
    }
    const started = await checkManifest(step.starter ?? '', { checks: step.checks, context: step.context });
    if (!started.some((p) => p.severity === 'error')) {
      out.push({
        path: ['steps', i, ...(step.starter === undefined ? [] : ['starter'])],
        message: 'the starter already passes every check: the learner would have nothing to fix',
      });
    }
  }
  return out;
}
