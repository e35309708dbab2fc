/** Checking answers against a question step, and the right answer in words. */
import type { ChoiceStep, CommandStep, MultiStep, QuestionStep, TextStep } from '../lesson/schema.js';

/** Trimmed, inner whitespace collapsed, case ignored, Unicode composed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function correctIndices(step: ChoiceStep | MultiStep): number[] {
  return step.choices.flatMap((c, i) => (c.correct ? [i] : []));
}

export function isRightChoice(step: ChoiceStep, index: number): boolean {
  return step.choices[index]?.correct === true;
}

/** Right when exactly the correct options are chosen (order and repeats do not matter). */
export function isRightMulti(step: MultiStep, indices: readonly number[]): boolean {
  const chosen = new Set(indices);
  return step.choices.every((c, i) => c.correct === chosen.has(i)) && [...chosen].every((i) => i in step.choices);
}

export function isRightText(step: TextStep, answer: string): boolean {
  const given = normalizeText(answer);
  if (step.accept.some((a) => normalizeText(a) === given)) return true;
  return step.accept_pattern !== undefined && new RegExp(`^(?:${step.accept_pattern})$`, 'iu').test(given);
}

/**
 * A command read the way kubectl reads it (src/kubectl/), and what differs,
 * one line each. The reader loads only when a command is first judged.
 */
export async function judgeCommandAnswer(step: CommandStep, answer: string): Promise<{ right: boolean; feedback?: string }> {
  const { judgeCommand } = await import('../kubectl/index.js');
  const { right, feedback } = judgeCommand(step.expect, step.allow ?? [], answer);
  if (feedback.length === 0) return { right };
  return { right, feedback: feedback.length === 1 ? feedback[0]! : feedback.map((line) => `- ${line}`).join('\n') };
}

/** The right answers as the learner sees them, for revealing; none for a manifest (its solution is a block). */
export function rightAnswers(step: QuestionStep): string[] {
  switch (step.type) {
    case 'choice':
    case 'multi':
      return correctIndices(step).map((i) => step.choices[i]!.text);
    case 'text':
      return step.accept.slice(0, 1);
    case 'command':
      return step.expect.slice(0, 1);
    case 'manifest':
      return [];
  }
}
