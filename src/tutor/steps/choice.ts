/**
 * One right option out of several: shown in the learner's order
 * (../option-order.ts), answered by its place in that order, stored as the
 * option's text (never its position, which differs between learners).
 */
import type { ChoiceStep, MultiStep } from '../../lesson/schema.js';
import { optionOrder } from '../option-order.js';
import type { Prompter, Question, Reply } from '../prompter.js';
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

/** The `why` of every option picked along the way (stored texts), and of the right ones when they were shown. */
export function whys(step: ChoiceStep | MultiStep, picks: readonly (string | readonly string[])[], revealed: boolean): string | undefined {
  const picked = new Set(picks.flatMap((p) => (typeof p === 'string' ? [p] : p)));
  const items = step.choices
    .filter((c) => c.why && (picked.has(c.text) || (revealed && c.correct)))
    .map((c) => `- "${c.text}" is ${c.correct ? 'right' : 'wrong'}: ${c.why}`);
  return items.length > 0 ? items.join('\n') : undefined;
}

/** The `why`s of the wrong options among `chosen` (written indices). */
export function wrongWhys(step: ChoiceStep | MultiStep, chosen: readonly number[]): string[] {
  return chosen.flatMap((i) => {
    const c = step.choices[i];
    return c && !c.correct && c.why ? [`"${c.text}": ${c.why}`] : [];
  });
}

/** The options in the learner's order, and a reply mapped back to written indices (-1 for no such option). */
export function shownOptions(step: ChoiceStep | MultiStep, seed: string | undefined) {
  const order = optionOrder(step, seed);
  const written = (shown: number): number => order[shown] ?? -1;
  return {
    options: order.map((i) => step.choices[i]!.text),
    one: async (p: Prompter, q: Question, options: readonly string[]): Promise<Reply<number>> => {
      const r = await p.chooseOne(q, options);
      return r.kind === 'answer' ? { kind: 'answer', value: written(r.value) } : r;
    },
    some: async (p: Prompter, q: Question, options: readonly string[]): Promise<Reply<number[]>> => {
      const r = await p.chooseSome(q, options);
      return r.kind === 'answer' ? { kind: 'answer', value: r.value.map(written) } : r;
    },
  };
}

export const choice: StepKind<ChoiceStep> = {
  async walk(p, step, ctx) {
    const shown = shownOptions(step, ctx.seed);
    const { outcome, picks } = await settle<number>(
      p,
      step,
      {
        text: step.question,
        ask: (q) => shown.one(p, q, shown.options),
        judge: async (i) => (step.choices[i] !== undefined ? { right: isRightChoice(step, i) } : { invalid: 'There is no such option.' }),
        record: (i) => step.choices[i]!.text,
        whyWrong: (i) => wrongWhys(step, [i])[0],
        reveal: revealAnswers(p, rightOptions(step)),
      },
      ctx,
    );
    return { outcome, afterword: afterword(step, whys(step, picks, outcome.revealed)) };
  },
  question: (step) => step.question,
  rightAnswers: rightOptions,
};
