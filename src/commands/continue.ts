/**
 * `kube-learn continue`: the lesson the course map would highlight (the
 * most recently used unfinished one, else the first not started), started
 * as `kube-learn <lesson>` would. One rule for both, so `continue` and the
 * map never disagree about where the learner is.
 */
import { loadCatalog } from '../lesson/catalog.js';
import { lessonLabel } from '../lesson/course.js';
import { loadCourse } from '../progress/course.js';
import { start, type StartOptions } from './start.js';
import { stdout } from '../terminal/stdout.js';
import { writeStderr } from '../run.js';
import { neutralize } from '../text/sanitize.js';

export async function continueCourse(opts: Pick<StartOptions, 'plain' | 'lessons'> = {}): Promise<number> {
  const catalog = await loadCatalog({ lessonsDir: opts.lessons });
  const { view, warning } = await loadCourse(catalog.lessons);
  // The reason a progress file could not be read can quote its bytes (JSON.parse's message): never raw.
  if (warning) writeStderr(`kube-learn: ${neutralize(warning)}\n`);
  if (view.current === undefined) {
    const none = view.entries.length === 0 ? 'No lessons found.' : 'Every lesson is done. See how it went with: kube-learn progress';
    stdout.write(`${none}\n`);
    return 0;
  }
  const entry = view.entries[view.current]!;
  // A lesson begun says where it resumes itself; a new one gets a line saying which it is.
  const note = entry.state === 'new' ? `Starting ${lessonLabel(entry.lesson)}.` : undefined;
  return start(entry.lesson.id, { ...opts, ...(note && { note }) });
}
