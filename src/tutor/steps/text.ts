/** A short typed answer, judged against `accept` (normalised) or `accept_pattern`; stored trimmed. */
import type { TextStep } from '../../lesson/schema.js';
import { normalizeText } from '../../text/normalize.js';
import { askLine } from '../settle.js';
import type { StepKind } from '../step-kind.js';

export function isRightText(step: TextStep, answer: string): boolean {
  const given = normalizeText(answer);
  if (step.accept.some((a) => normalizeText(a) === given)) return true;
  return step.accept_pattern !== undefined && new RegExp(`^(?:${step.accept_pattern})$`, 'iu').test(given);
}

export const text: StepKind<TextStep> = {
  walk: (p, step, ctx) =>
    askLine(
      p,
      step,
      { empty: 'Type an answer.', judge: (answer) => ({ right: isRightText(step, answer) }), rightAnswers: text.rightAnswers(step) },
      ctx,
    ),
  question: (step) => step.question,
  rightAnswers: (step) => step.accept.slice(0, 1),
};
