/**
 * The listener a lesson run hands the tutor: each settled step is saved at
 * once, with the time spent on it, so that quitting at any moment loses only
 * the step in front of the learner.
 */
import type { StepOutcome } from '../lesson/outcome.js';
import type { ProgressStore } from './store.js';

export interface RecorderOptions {
  /** Milliseconds; replaceable for tests. */
  clock?: () => number;
  /** A step counts at most this long, so a learner who walked away does not inflate the time spent. */
  idleCapMs?: number;
  /** One-line notices from the store (a file gone corrupt mid-lesson and moved aside). */
  onNotice?: (line: string) => void;
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
    const { notice } = await store.record(lessonId, outcome, spent);
    if (notice) options.onNotice?.(notice);
  };
}
