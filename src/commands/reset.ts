/** `kube-learn reset <lesson> [--yes]`: forget one lesson's progress, after asking. */
import { Cancelled, UsageError } from '../errors.js';
import { findLesson } from '../lesson/catalog.js';
import { ProgressStore } from '../progress/store.js';
import { neutralize } from '../text/sanitize.js';
import { plural } from '../text/words.js';
import { stdout } from '../terminal/stdout.js';

export interface ResetOptions {
  yes?: boolean;
}

async function confirmInTerminal(message: string): Promise<boolean> {
  const { confirm } = await import('../terminal/inquirer-prompts.js');
  try {
    return await confirm({ message, default: false });
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') throw new Cancelled('signal');
    throw error;
  }
}

export async function reset(lessonId: string, opts: ResetOptions = {}): Promise<number> {
  const store = ProgressStore.fromEnv(process.env, {
    lock: { onWait: (holder) => process.stderr.write(`kube-learn: waiting for another kube-learn (${holder})…\n`) },
  });
  const { progress, notice } = await store.load();
  if (notice) process.stderr.write(`kube-learn: ${neutralize(notice)}\n`);
  const record = progress.lessons.get(lessonId);
  if (!record) {
    // Unknown ids get the usual error with a suggestion; a known lesson simply has nothing to forget.
    await findLesson(lessonId);
    stdout.write(`${neutralize(lessonId)} has no saved progress; nothing to reset.\n`);
    return 0;
  }
  if (!opts.yes) {
    if (!process.stdin.isTTY || !stdout.isTerminal) {
      throw new UsageError(`reset asks for a confirmation, and there is no terminal to ask in: pass --yes to reset ${lessonId} anyway`);
    }
    const steps = record.steps.size;
    const ok = await confirmInTerminal(`Forget your progress in ${neutralize(lessonId)} (${plural(steps, 'step')} done)?`);
    if (!ok) {
      stdout.write(`Kept your progress in ${neutralize(lessonId)}.\n`);
      return 0;
    }
  }
  await store.reset(lessonId);
  stdout.write(`Reset ${neutralize(lessonId)}: kube-learn ${neutralize(lessonId)} starts it from the beginning.\n`);
  return 0;
}
