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

/** Async: the pattern engine (src/text/pattern.ts, linear time) is loaded on the first answer that needs it. */
export async function isRightText(step: TextStep, answer: string): Promise<boolean> {
  const given = normalizeText(answer);
  if (step.accept.some((a) => normalizeText(a) === given)) return true;
  if (step.accept_pattern === undefined) return false;
  const { compilePattern } = await import('../text/pattern.js');
  const compiled = compilePattern(step.accept_pattern, { whole: true, ignoreCase: true });
  return compiled.ok && compiled.pattern.test(given);
}

/** Until the kubectl reader judges commands, an expected command is matched as text. */
export function isRightCommand(step: CommandStep, answer: string): boolean {
  const given = normalizeText(answer);
  return step.expect.some((a) => normalizeText(a) === given);
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
