/**
 * `kube-learn` alone: the course map. In a terminal the learner picks a
 * lesson with the arrows and Enter starts it; in plain mode (--plain, a
 * pipe, ACCESSIBLE) the map is printed with a line saying what to run.
 */
import { loadCatalog } from '../lesson/catalog.js';
import { formatFileProblem } from '../lesson/file-problem.js';
import type { Lesson } from '../lesson/schema.js';
import { loadCourse, type CourseView } from '../progress/course.js';
import { colorLevel, palette } from '../terminal/colors.js';
import { mapHeading, mapLines, pickFromMap } from '../terminal/course-map.js';
import { wantsPlain } from '../terminal/mode.js';
import { dueLine } from '../progress/cards.js';
import { neutralize } from '../text/sanitize.js';
import { resumeCommand, reviewCommand, start } from './start.js';
import { stdout } from '../terminal/stdout.js';
import { writeStderr } from '../run.js';

export interface CourseOptions {
  plain?: boolean;
  lessons?: string;
}

/** "Start with: kube-learn day1", "Continue with: kube-learn day4", or that all is done. */
export function courseHint(view: CourseView<Lesson>, command: (lessonId: string) => string): string {
  if (view.current === undefined) return 'Every lesson is done. See how it went with: kube-learn progress';
  const at = command(view.entries[view.current]!.lesson.id);
  return view.begun ? `Continue with: ${at}` : `Start with: ${at}`;
}

export async function courseMap(opts: CourseOptions = {}): Promise<number> {
  const catalog = await loadCatalog({ lessonsDir: opts.lessons });
  for (const problem of catalog.problems) writeStderr(`kube-learn: skipped ${formatFileProblem(problem)}\n`);
  const { view, due, warning } = await loadCourse(catalog.lessons);
  // The reason a progress file could not be read can quote its bytes (JSON.parse's message): never raw.
  if (warning) writeStderr(`kube-learn: ${neutralize(warning)}\n`);
  if (view.entries.length === 0) {
    stdout.write('No lessons found.\n');
    return 0;
  }
  const command = (id: string) => resumeCommand(id, opts);
  const plain = wantsPlain(opts);
  const colors = await palette(
    colorLevel(process.env, { plain, colorDepth: stdout.isTerminal ? stdout.stream().getColorDepth() : undefined }),
  );
  const dueNote = due > 0 ? [`${dueLine(due)}: ${reviewCommand(opts)}`] : [];
  if (plain) {
    const lines = [
      mapHeading(view),
      '',
      ...mapLines(view, view.current, { colors, marker: '> ' }),
      '',
      courseHint(view, command),
      ...dueNote,
    ];
    stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  // Above the map, which redraws only itself.
  if (dueNote.length > 0) stdout.write(`${neutralize(dueNote[0]!)}\n\n`);
  const picked = await pickFromMap(view, { input: process.stdin, output: stdout.stream(), colors });
  if (picked === undefined) return 0;
  return start(view.entries[picked]!.lesson.id, { lessons: opts.lessons });
}
