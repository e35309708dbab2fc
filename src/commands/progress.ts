/** `kube-learn progress [lesson] [--json]`: the score, the missed questions and the time spent. */
import { SCORE_WORDS, scoreBreakdown } from '../lesson/score.js';
import { findLesson, loadCatalog } from '../lesson/catalog.js';
import { formatDuration, progressBar } from '../progress/summary.js';
import { lessonReport, orphanReport, progressReport, type LessonReport } from '../progress/lesson-report.js';
import { ProgressStore } from '../progress/store.js';
import { jsonForTerminal } from '../text/json.js';
import { neutralize } from '../text/sanitize.js';
import { day, dueWhen, plural } from '../text/words.js';
import { now } from '../clock.js';
import { withDerivedCards } from '../progress/schedule.js';
import { wrap } from '../text/width.js';
import { stdout } from '../terminal/stdout.js';

export interface ProgressOptions {
  json?: boolean;
  lessons?: string;
}

export async function progress(lessonId: string | undefined, opts: ProgressOptions = {}): Promise<number> {
  const at = now();
  const store = ProgressStore.fromEnv();
  const { progress: loaded, notice } = await store.load();
  if (notice) process.stderr.write(`kube-learn: ${neutralize(notice)}\n`);

  let reports: LessonReport[];
  if (lessonId === undefined) {
    const { lessons } = await loadCatalog({ lessonsDir: opts.lessons });
    reports = progressReport(await withDerivedCards(loaded, lessons), lessons, at);
  } else {
    const catalog = await loadCatalog({ lessonsDir: opts.lessons });
    const saved = await withDerivedCards(loaded, catalog.lessons);
    // A lesson removed since still has its saved progress to show.
    const orphan = orphanReport(saved, lessonId, at);
    const lesson = catalog.lessons.find((l) => l.id === lessonId);
    if (lesson) reports = [lessonReport(saved, lesson, at)];
    else if (orphan) reports = [orphan];
    else reports = [lessonReport(saved, await findLesson(lessonId, { lessonsDir: opts.lessons }), at)];
  }

  if (opts.json) {
    stdout.write(`${jsonForTerminal({ file: store.path, lessons: reports }, 2)}\n`);
    return 0;
  }
  if (reports.length === 0) {
    stdout.write('No progress saved yet. kube-learn list shows the lessons.\n');
    return 0;
  }
  const width = Math.max(40, Math.min(stdout.stream().columns || 80, 100));
  stdout.write(`${reports.map((r) => reportLines(r, width, at).join('\n')).join('\n\n')}\n`);
  return 0;
}

/** "Review: 2 questions due now", "Next review: in 3 days (2026-12-05)"; none for a lesson without cards. */
function reviewLine(r: LessonReport, at: Date): string | undefined {
  const { due, next } = r.review;
  if (due > 0) return `  Review: ${plural(due, 'question')} due now${next ? `, the next ${dueWhen(next, at)}` : ''}`;
  return next ? `  Next review: ${dueWhen(next, at)}` : undefined;
}

function reportLines(r: LessonReport, width: number, at: Date): string[] {
  const lines = [neutralize(r.title === null ? `${r.id}  (no longer among the lessons)` : `${r.id}  ${r.title}`)];
  const { settled, total } = r.steps;
  if (total === null) lines.push(`  Steps settled: ${settled}`);
  else if (settled === 0) lines.push(`  Not started (${total} steps)`);
  else lines.push(`  Steps: ${settled}/${total}  ${progressBar(settled, total)}${r.complete ? '  done' : ''}`);
  if (settled === 0) return lines;
  const { answered, questions, byScore } = r.score;
  const of = questions === null || questions === answered ? '' : ` (${questions} in the lesson)`;
  lines.push(`  Questions: ${answered} answered${of}: ${scoreBreakdown(byScore)}`);
  const when = r.finished ? `finished ${day(r.finished)}` : r.started ? `started ${day(r.started)}` : '';
  lines.push(`  Time spent: ${formatDuration(r.timeSpentMs)}${when ? `, ${when}` : ''}`);
  const review = reviewLine(r, at);
  if (review) lines.push(review);
  if (r.missed.length > 0) {
    lines.push('  Not right at the first try:');
    for (const m of r.missed)
      lines.push(...wrap(`${neutralize(m.question ?? m.stepId).replace(/\s+/g, ' ')} (${SCORE_WORDS[m.how]})`, width, '    - ', '      '));
  }
  if (!r.complete && r.title !== null) lines.push(`  Continue with: kube-learn ${r.id}`);
  return lines;
}
