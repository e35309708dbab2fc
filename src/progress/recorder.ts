/**
 * The listener a lesson run hands the tutor: each settled step is saved at
 * once, with the time spent on it (and, for a question, its review card), so
 * that quitting at any moment loses only the step in front of the learner.
 */
import type { StepOutcome } from '../lesson/outcome.js';
import { isQuestion } from '../lesson/score.js';
import type { Scheduler } from './cards.js';
import { loadScheduler } from './schedule.js';
import type { ProgressStore } from './store.js';

export interface RecorderOptions {
  /** Milliseconds; replaceable for tests. */
  clock?: () => number;
  /** A step counts at most this long, so a learner who walked away does not inflate the time spent. */
  idleCapMs?: number;
  /** One-line notices from the store (a file gone corrupt mid-lesson and moved aside). */
  onNotice?: (line: string) => void;
  /** Makes and moves review cards; by default FSRS (./schedule.ts), loaded with the first settled question. */
  scheduler?: () => Promise<Scheduler>;
}

export function settleRecorder(
  store: ProgressStore,
  lessonId: string,
  options: RecorderOptions = {},
): (outcome: StepOutcome) => Promise<void> {
  const clock = options.clock ?? Date.now;
  const cap = options.idleCapMs ?? 10 * 60_000;
  let mark = clock();
  return async (outcome) => {
    const now = clock();
    const spent = Math.min(Math.max(0, now - mark), cap);
    mark = now;
    // The scheduler loads with the first settled question (an explanation has no card), never before the first prompt.
    const scheduler = isQuestion(outcome) ? await (options.scheduler ?? loadScheduler)() : undefined;
    const { notice } = await store.record(lessonId, outcome, spent, scheduler);
    if (notice) options.onNotice?.(notice);
  };
}
