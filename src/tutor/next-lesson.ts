/**
 * After the summary, what comes next: `next` names a lesson by id (offered,
 * or its command shown) or, in older lesson files, is a sentence (shown as
 * it is).
 */
import { lessonLabel, type CourseLesson } from '../lesson/course.js';
import type { Prompter } from './prompter.js';

export interface NextOptions<L> {
  /** The lessons a learner can start; `next` is looked up among them by id. */
  lessons: readonly L[];
  /** Ask whether to start it now (interactive); otherwise only name the command. */
  ask: boolean;
  /** The command that starts a lesson, as the learner would type it. */
  command: (lessonId: string) => string;
}

/** Returns the lesson to start now, when the learner said yes. */
export async function offerNext<L extends CourseLesson>(
  prompter: Prompter,
  next: string | undefined,
  opts: NextOptions<L>,
): Promise<L | undefined> {
  if (!next) return undefined;
  const lesson = opts.lessons.find((l) => l.id === next);
  if (!lesson) {
    await prompter.show(`Next: ${next}`, 'note');
    return undefined;
  }
  const command = opts.command(lesson.id);
  if (!opts.ask) {
    // Unquoted: a script or a screen reader takes the command as it is.
    await prompter.show(`Next: ${command}`, 'note');
    return undefined;
  }
  if (await prompter.confirm(`Next: ${lessonLabel(lesson)}. Start it now?`, true)) return lesson;
  await prompter.show(`To start it later, run \`${command}\``, 'note');
  return undefined;
}
