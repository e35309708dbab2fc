/** A short typed answer, judged against `accept` (normalised) or `accept_pattern`; stored trimmed. */
import type { TextStep } from '../../lesson/schema.js';
import { normalizeText } from '../../text/normalize.js';
import { askLine } from '../settle.js';
import type { StepKind } from '../step-kind.js';

/** Async: the pattern engine (src/text/pattern.ts, linear time) is loaded on the first answer that needs it. */
export async function isRightText(step: TextStep, answer: string): Promise<boolean> {
  const given = normalizeText(answer);
  if (step.accept.some((a) => normalizeText(a) === given)) return true;
  if (step.accept_pattern === undefined) return false;
  const { compilePattern } = await import('../../text/pattern.js');
  const compiled = compilePattern(step.accept_pattern, { whole: true, ignoreCase: true });
  return compiled.ok && compiled.pattern.test(given);
}

export const text: StepKind<TextStep> = {
  walk: (p, step, ctx) =>
    askLine(
      p,
      step,
      {
        empty: 'Type an answer.',
        judge: async (answer) => ({ right: await isRightText(step, answer) }),
        rightAnswers: text.rightAnswers(step),
      },
      ctx,
    ),
  question: (step) => step.question,
  rightAnswers: (step) => step.accept.slice(0, 1),
};
