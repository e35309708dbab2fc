/**
 * The scheduler: FSRS through the ts-fsrs package (MIT, no dependencies),
 * loaded only when a card is made or moved, never before a lesson's first
 * prompt (scripts/build.mjs bundles it into a file of its own).
 *
 * Short-term (minutes-apart) learning steps are off: kube-learn is opened a
 * few times a week, not every ten minutes, so every interval is in days
 * (a miss is due a day later). Fuzz is off too: the same answers on the same
 * day give the same schedule, which tests and instructors can predict.
 */
import type { Card, Grade } from 'ts-fsrs';
import { deriveCards, lacksCards, type Rating, type Scheduler } from './cards.js';
import type { LessonShape } from './records.js';
import { CARD_STATES, type Progress, type ReviewCard } from './types.js';

type Fsrs = typeof import('ts-fsrs');

let loaded: Promise<Scheduler> | undefined;

/** The FSRS scheduler, loaded on first use. */
export function loadScheduler(): Promise<Scheduler> {
  loaded ??= import('ts-fsrs').then(fsrsScheduler);
  return loaded;
}

/**
 * `progress` with a card for every settled question, derived in memory
 * (not saved) for a report: the scheduler loads only when some card is missing.
 */
export async function withDerivedCards(progress: Progress, lessons?: readonly LessonShape[]): Promise<Progress> {
  if (lacksCards(progress)) deriveCards(progress, await loadScheduler(), lessons);
  return progress;
}

export function fsrsScheduler(lib: Fsrs): Scheduler {
  const f = lib.fsrs(lib.generatorParameters({ enable_short_term: false, enable_fuzz: false }));
  const grades: Record<Rating, Grade> = { again: lib.Rating.Again, hard: lib.Rating.Hard, good: lib.Rating.Good };
  return {
    first: (type, rating, at) => toStored(type, f.next(lib.createEmptyCard(at), at, grades[rating]).card),
    next: (card, rating, at) => toStored(card.type, f.next(toFsrs(card), at, grades[rating]).card),
  };
}

function toStored(type: string, c: Card): ReviewCard {
  const card: ReviewCard = {
    type,
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: CARD_STATES[c.state] ?? 'review',
  };
  if (c.last_review) card.lastReview = c.last_review.toISOString();
  return card;
}

function toFsrs(c: ReviewCard): Card {
  const card: Card = {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    // Deprecated in ts-fsrs 5 and not read by its scheduler: it works from last_review.
    elapsed_days: 0,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: CARD_STATES.indexOf(c.state),
  };
  if (c.lastReview !== undefined) card.last_review = new Date(c.lastReview);
  return card;
}
