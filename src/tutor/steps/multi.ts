/** Some right options out of several: shown in the learner's order, stored as the options' texts in written order. */
import type { MultiStep } from '../../lesson/schema.js';
import { plural } from '../../text/words.js';
import { afterword, revealAnswers, settle } from '../settle.js';
import type { StepKind } from '../step-kind.js';
import { rightOptions, shownOptions, whys, wrongWhys } from './choice.js';

/** Right when exactly the correct options are chosen (order and repeats do not matter). */
export function isRightMulti(step: MultiStep, indices: readonly number[]): boolean {
  const chosen = new Set(indices);
  return step.choices.every((c, i) => c.correct === chosen.has(i)) && [...chosen].every((i) => i in step.choices);
}

/** The whys of the wrong picks, and how many right options are missing (never which). */
export function multiWhyWrong(step: MultiStep, chosen: readonly number[]): string | undefined {
  const lines = wrongWhys(step, [...new Set(chosen)]).map((w) => `- ${w}`);
  const missing = step.choices.filter((c, i) => c.correct && !chosen.includes(i)).length;
  if (missing > 0) lines.push(`- ${plural(missing, 'right option')} not chosen.`);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

export const multi: StepKind<MultiStep> = {
  async walk(p, step, ctx) {
    const shown = shownOptions(step, ctx.seed);
    const { outcome, picks } = await settle<number[]>(
      p,
      step,
      {
        text: step.question,
        ask: (q) => shown.some(p, q, shown.options),
        judge: async (chosen) =>
          chosen.length === 0
            ? { invalid: 'Choose at least one option.' }
            : chosen.every((i) => step.choices[i] !== undefined)
              ? { right: isRightMulti(step, chosen) }
              : { invalid: 'There is no such option.' },
        record: (chosen) => [...new Set(chosen)].sort((a, b) => a - b).map((i) => step.choices[i]!.text),
        whyWrong: (chosen) => multiWhyWrong(step, chosen),
        reveal: revealAnswers(p, rightOptions(step)),
      },
      ctx,
    );
    return { outcome, afterword: afterword(step, whys(step, picks, outcome.revealed)) };
  },
  question: (step) => step.question,
  rightAnswers: rightOptions,
};
