/**
 * What the progress store adds to a review (`kube-learn review`): the
 * learner's cards, with those of questions settled before cards existed
 * derived and those that no longer apply dropped (saved at once, unless it
 * is a dry run), and a function that moves one card and saves it, so that
 * quitting at any moment keeps every answer given.
 */
import { now as clockNow } from '../clock.js';
import { applyReview, type LessonShape } from './records.js';
import { deriveCards, type Rating, type Scheduler } from './cards.js';
import { loadScheduler } from './schedule.js';
import { ProgressStore } from './store.js';
import type { Progress, ReviewCard } from './types.js';

export interface ReviewSessionOptions {
  /** Read only: nothing is written, not even derived cards. */
  dryRun: boolean;
  /** One-line notices about the progress file (moved aside, waiting for a lock), for stderr. */
  warn: (line: string) => void;
  store?: ProgressStore;
  scheduler?: Scheduler;
  now?: () => Date;
}

export interface ReviewSession {
  /** The learner's progress with every card in place, kept up to date with each answer. */
  progress: Progress;
  /** Moves the card of one question by `rating`, saves it, and returns it. */
  answered: (lessonId: string, stepId: string, card: ReviewCard, rating: Rating) => Promise<ReviewCard>;
}

export async function openReviewSession(lessons: readonly LessonShape[], opts: ReviewSessionOptions): Promise<ReviewSession> {
  const store =
    opts.store ??
    ProgressStore.fromEnv(process.env, { lock: { onWait: (holder) => opts.warn(`waiting for another kube-learn (${holder})…`) } });
  const now = opts.now ?? (() => clockNow());
  // Fail before the learner answers anything that could not be kept.
  if (!opts.dryRun) await store.ensureWritable();
  const loaded = await store.load();
  if (loaded.notice) opts.warn(loaded.notice);
  const scheduler = opts.scheduler ?? (await loadScheduler());
  const progress = loaded.progress;
  // Derived here for this session, and in the file as it is at the save (another kube-learn may have saved meanwhile).
  if (deriveCards(progress, scheduler, lessons).size > 0 && !opts.dryRun) {
    const { notice } = await store.update((p) => deriveCards(p, scheduler, lessons));
    if (notice) opts.warn(notice);
  }
  return {
    progress,
    answered: async (lessonId, stepId, card, rating) => {
      const moved = scheduler.next(card, rating, now());
      const { notice } = await store.update((p) => applyReview(p, lessonId, stepId, moved) && new Set([lessonId]));
      if (notice) opts.warn(notice);
      applyReview(progress, lessonId, stepId, moved);
      return moved;
    },
  };
}
