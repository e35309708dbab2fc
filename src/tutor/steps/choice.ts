/** One right option out of several: asked as a list, answered by its index, stored as the option's text. */
import type { ChoiceStep, MultiStep } from '../../lesson/schema.js';
import { afterword, revealAnswers, settle } from '../settle.js';
import type { StepKind } from '../step-kind.js';

export function correctIndices(step: ChoiceStep | MultiStep): number[] {
  return step.choices.flatMap((c, i) => (c.correct ? [i] : []));
}

export function isRightChoice(step: ChoiceStep, index: number): boolean {
  return step.choices[index]?.correct === true;
}

/** The texts of the right options. */
export function rightOptions(step: ChoiceStep | MultiStep): string[] {
  return correctIndices(step).map((i) => step.choices[i]!.text);
}

/** The `why` of the options the learner chose, and of the right ones when they were shown. */
export function whys(step: ChoiceStep | MultiStep, chosen: readonly number[], revealed: boolean): string | undefined {
  const items = step.choices
    .map((c, i) => ({ ...c, i }))
    .filter((c) => c.why && (chosen.includes(c.i) || (revealed && c.correct)))
    .map((c) => `- "${c.text}" is ${c.correct ? 'right' : 'wrong'}: ${c.why}`);
  return items.length > 0 ? items.join('\n') : undefined;
}

export const choice: StepKind<ChoiceStep> = {
  async walk(p, step) {
    const options = step.choices.map((c) => c.text);
    const { outcome, last } = await settle<number>(p, step, {
      text: step.question,
      ask: (q) => p.chooseOne(q, options),
      judge: async (i) => (i in options ? { right: isRightChoice(step, i) } : { invalid: 'There is no such option.' }),
      record: (i) => options[i]!,
      reveal: revealAnswers(p, rightOptions(step)),
    });
    return { outcome, afterword: afterword(step, whys(step, last === undefined ? [] : [last], outcome.revealed)) };
  },
  question: (step) => step.question,
  rightAnswers: rightOptions,
};
