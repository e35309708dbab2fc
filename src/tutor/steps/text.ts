/** A short typed answer, judged against `accept` (normalised) or `accept_pattern`; stored trimmed. */
import type { TextStep } from '../../lesson/schema.js';
import { normalizeText } from '../../text/normalize.js';
import { afterword, revealAnswers, settle } from '../settle.js';
import type { StepKind } from '../step-kind.js';

export function isRightText(step: TextStep, answer: string): boolean {
  const given = normalizeText(answer);
  if (step.accept.some((a) => normalizeText(a) === given)) return true;
  return step.accept_pattern !== undefined && new RegExp(`^(?:${step.accept_pattern})$`, 'iu').test(given);
}

export const text: StepKind<TextStep> = {
  async walk(p, step) {
    const { outcome } = await settle<string>(p, step, {
      text: step.question,
      ask: (q) => p.askText(q),
      judge: async (answer) => (answer.trim() === '' ? { invalid: 'Type an answer.' } : { right: isRightText(step, answer) }),
      record: (answer) => answer.trim(),
      reveal: revealAnswers(p, text.rightAnswers(step)),
    });
    return { outcome, afterword: afterword(step) };
  },
  question: (step) => step.question,
  rightAnswers: (step) => step.accept.slice(0, 1),
};
