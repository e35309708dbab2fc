/** Some right options out of several: answered by their indices, stored as the options' texts in written order. */
import type { MultiStep } from '../../lesson/schema.js';
import { afterword, revealAnswers, settle } from '../settle.js';
import type { StepKind } from '../step-kind.js';
import { rightOptions, whys } from './choice.js';

/** Right when exactly the correct options are chosen (order and repeats do not matter). */
export function isRightMulti(step: MultiStep, indices: readonly number[]): boolean {
  const chosen = new Set(indices);
  return step.choices.every((c, i) => c.correct === chosen.has(i)) && [...chosen].every((i) => i in step.choices);
}

export const multi: StepKind<MultiStep> = {
  async walk(p, step) {
    const options = step.choices.map((c) => c.text);
    const { outcome, last } = await settle<number[]>(p, step, {
      text: step.question,
      ask: (q) => p.chooseSome(q, options),
      judge: async (chosen) =>
        chosen.length === 0
          ? { invalid: 'Choose at least one option.' }
          : chosen.every((i) => i in options)
            ? { right: isRightMulti(step, chosen) }
            : { invalid: 'There is no such option.' },
      record: (chosen) => [...new Set(chosen)].sort((a, b) => a - b).map((i) => options[i]!),
      reveal: revealAnswers(p, rightOptions(step)),
    });
    return { outcome, afterword: afterword(step, whys(step, last ?? [], outcome.revealed)) };
  },
  question: (step) => step.question,
  rightAnswers: rightOptions,
};
