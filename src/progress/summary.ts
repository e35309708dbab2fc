/**
 * What a learner's record of one lesson amounts to, against the lesson as it
 * is now: steps that are gone do not count, steps that are new are to do.
 * Used by the resume line, `kube-learn list` and `kube-learn progress`; what
 * counts is decided in ../lesson/score.ts.
 */
import { scoreBreakdown, stillApplies, tally, type Tally } from '../lesson/score.js';
import { plural } from '../text/words.js';
import type { LessonShape } from './records.js';
import type { LessonRecord, Progress } from './types.js';

/** A lesson's tally (../lesson/score.ts) with where the learner stands in it. */
export interface LessonSummary extends Tally {
  lessonId: string;
  complete: boolean;
  started?: string;
  finished?: string;
  /** Time spent on the lesson's settled steps (idle time capped per step). */
  timeSpentMs: number;
}

export function summarize(lesson: LessonShape, record: LessonRecord | undefined): LessonSummary {
  const steps = record?.steps;
  const t = tally(lesson.steps, (id) => steps?.get(id));
  let timeSpentMs = 0;
  for (const step of lesson.steps) {
    const r = steps?.get(step.id);
    if (stillApplies(step, r)) timeSpentMs += r.spentMs;
  }
  const s: LessonSummary = { lessonId: lesson.id, ...t, complete: t.total > 0 && t.settled === t.total, timeSpentMs };
  if (record) {
    s.started = record.started;
    if (record.finished !== undefined) s.finished = record.finished;
  }
  return s;
}

/** The summary of `lessonId` in `progress`; a lesson never started is all to do. */
export function progressSummary(progress: Progress, lesson: LessonShape): LessonSummary {
  return summarize(lesson, progress.lessons.get(lesson.id));
}

/** "Resuming day4 at step 7 of 22: 5 questions answered: 3 right at the first try, 1 right after a retry, 1 missed". */
export function resumeLine(s: LessonSummary): string {
  const at = `Resuming ${s.lessonId} at step ${(s.nextIndex ?? s.total - 1) + 1} of ${s.total}`;
  if (s.answered === 0) return `${at}: no questions answered yet`;
  return `${at}: ${plural(s.answered, 'question')} answered: ${scoreBreakdown(s.byScore)}`;
}

/** `███░░░`: settled steps out of all. Never full before the end, never empty once begun. */
export function progressBar(settled: number, total: number, width = 6): string {
  let filled = total > 0 ? Math.round((settled / total) * width) : 0;
  if (settled > 0) filled = Math.max(filled, 1);
  if (settled < total) filled = Math.min(filled, width - 1);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** The `kube-learn list` column: `7/22  ██░░░░`, the count padded to `countWidth` so bars line up. */
export function progressColumn(s: LessonSummary, countWidth = 0): string {
  return `${`${s.settled}/${s.total}`.padEnd(countWidth)}  ${progressBar(s.settled, s.total)}`;
}

/** "under a minute", "12 min", "1 h 5 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
