/** StepOutcomes as the tutor reports them, for tests. */
import type { StepOutcome } from '../../../src/lesson/outcome.js';

export function seen(stepId: string): StepOutcome {
  return { stepId, type: 'explain', status: 'seen', attempts: 0, firstTry: false, revealed: false };
}

export function answered(stepId: string, answer: string | string[], firstTry = true): StepOutcome {
  return {
    stepId,
    type: Array.isArray(answer) ? 'multi' : 'choice',
    status: firstTry ? 'right' : 'wrong',
    attempts: firstTry ? 1 : 2,
    firstTry,
    revealed: !firstTry,
    answer,
  };
}
