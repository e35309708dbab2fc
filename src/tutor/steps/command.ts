/** A command typed at a shell: one line, judged against `expect`, stored trimmed. */
import type { CommandStep } from '../../lesson/schema.js';
import { normalizeText } from '../../text/normalize.js';
import { askLine } from '../settle.js';
import type { StepKind } from '../step-kind.js';

/** Until the kubectl reader judges commands, an expected command is matched as text. */
export function isRightCommand(step: CommandStep, answer: string): boolean {
  const given = normalizeText(answer);
  return step.expect.some((a) => normalizeText(a) === given);
}

export const command: StepKind<CommandStep> = {
  walk: (p, step) => askLine(p, step, { empty: 'Type a command.', judge: (answer) => ({ right: isRightCommand(step, answer) }), rightAnswers: command.rightAnswers(step) }),
  question: (step) => step.question,
  rightAnswers: (step) => step.expect.slice(0, 1),
};
