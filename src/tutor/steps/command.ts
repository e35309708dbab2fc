/** A command typed at a shell: one line, judged against `expect`, stored trimmed. */
import type { CommandStep } from '../../lesson/schema.js';
import { normalizeText } from '../../text/normalize.js';
import { afterword, revealAnswers, settle } from '../settle.js';
import type { StepKind } from '../step-kind.js';

/** Until the kubectl reader judges commands, an expected command is matched as text. */
export function isRightCommand(step: CommandStep, answer: string): boolean {
  const given = normalizeText(answer);
  return step.expect.some((a) => normalizeText(a) === given);
}

export const command: StepKind<CommandStep> = {
  async walk(p, step) {
    const { outcome } = await settle<string>(p, step, {
      text: step.question,
      ask: (q) => p.askText(q),
      judge: async (answer) => (answer.trim() === '' ? { invalid: 'Type a command.' } : { right: isRightCommand(step, answer) }),
      record: (answer) => answer.trim(),
      reveal: revealAnswers(p, command.rightAnswers(step)),
    });
    return { outcome, afterword: afterword(step) };
  },
  question: (step) => step.question,
  rightAnswers: (step) => step.expect.slice(0, 1),
};
