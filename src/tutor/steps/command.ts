/** A command typed at a shell: one line, read the way kubectl reads it (src/kubectl/), stored trimmed. */
import type { CommandStep } from '../../lesson/schema.js';
import { askLine } from '../settle.js';
import type { StepKind } from '../step-kind.js';

/**
 * Right or not, and what differs, one line each. The reader loads only when
 * a command is first judged, never before a lesson's first prompt.
 */
export async function judgeCommandAnswer(step: CommandStep, answer: string): Promise<{ right: boolean; feedback?: string }> {
  const { judgeCommand } = await import('../../kubectl/index.js');
  const { right, feedback } = judgeCommand(step.expect, step.allow ?? [], answer);
  if (feedback.length === 0) return { right };
  return { right, feedback: feedback.length === 1 ? feedback[0]! : feedback.map((line) => `- ${line}`).join('\n') };
}

export const command: StepKind<CommandStep> = {
  walk: (p, step, ctx) =>
    askLine(
      p,
      step,
      { empty: 'Type a command.', judge: (answer) => judgeCommandAnswer(step, answer), rightAnswers: command.rightAnswers(step) },
      ctx,
    ),
  question: (step) => step.question,
  rightAnswers: (step) => step.expect.slice(0, 1),
};
