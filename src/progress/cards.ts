/**
 * The review schedule, as data: a card per settled question (an FSRS card,
 * kept in the lesson's record), the rating an outcome earns, and which cards
 * are due. Nothing here loads the scheduler (./schedule.ts wraps ts-fsrs):
 * a due count reads the stored `due` times, so a lesson start can show it
 * without paying for the scheduler. Cards are made and moved through a
 * `Scheduler` handed in.
 */
import { isQuestion, stillApplies, type StepShape } from '../lesson/score.js';
import { plural } from '../text/words.js';
import type { LessonShape } from './records.js';
import type { LessonRecord, Progress, ReviewCard } from './types.js';

/** The FSRS ratings kube-learn gives; `Easy` is never earned by a quiz. */
export type Rating = 'again' | 'hard' | 'good';

/** What a rating is read from: a stored step record or a fresh outcome fits. */
export interface Rated {
  status: string;
  firstTry: boolean;
  hinted?: boolean;
}

/**
 * Wrong at the first try, or skipped: Again. Right after a retry, or right
 * after the hint: Hard (remembered, with effort). Right at the first try: Good.
 */
export function ratingOf(o: Rated): Rating {
  if (o.status !== 'right') return 'again';
  return o.firstTry && o.hinted !== true ? 'good' : 'hard';
}

/** What moves cards on the schedule: ts-fsrs behind ./schedule.ts, or any stand-in. */
export interface Scheduler {
  /** The card of a question of `type` that settled for the first time at `at`, rated `rating`. */
  first(type: string, rating: Rating, at: Date): ReviewCard;
  /** `card` after a review at `at`, rated `rating`. */
  next(card: ReviewCard, rating: Rating, at: Date): ReviewCard;
}

/** "3 questions are due for review", "1 question is due for review": the line at a lesson start, the course map and a review's end. */
export function dueLine(count: number): string {
  return `${plural(count, 'question')} ${count === 1 ? 'is' : 'are'} due for review`;
}

export function isDue(card: ReviewCard, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}

/**
 * The cards of a lesson that still apply to it as it is now: a card of a
 * step that is gone, or whose type changed (the rule of a saved answer,
 * ../lesson/score.ts), is left out, never asked with a stale answer.
 * Without the lesson (not loaded), every card counts.
 */
export function liveCards(record: LessonRecord | undefined, lesson?: LessonShape): [string, ReviewCard][] {
  if (!record) return [];
  const cards = [...record.cards];
  if (!lesson) return cards;
  const steps = new Map<string, StepShape>(lesson.steps.map((s) => [s.id, s]));
  return cards.filter(([stepId, card]) => {
    const step = steps.get(stepId);
    return step !== undefined && isQuestion(step) && stillApplies(step, card);
  });
}

/** Per lesson: how many cards are due now and when the next one falls due after now. */
export interface LessonDue {
  due: number;
  cards: number;
  /** The earliest due time of a card not due yet (ISO); none when every card is due or there are none. */
  next?: string;
}

export function lessonDue(record: LessonRecord | undefined, now: Date, lesson?: LessonShape): LessonDue {
  let due = 0;
  let next: string | undefined;
  const cards = liveCards(record, lesson);
  for (const [, card] of cards) {
    if (isDue(card, now)) due++;
    else if (next === undefined || Date.parse(card.due) < Date.parse(next)) next = card.due;
  }
  return next === undefined ? { due, cards: cards.length } : { due, cards: cards.length, next };
}

/**
 * The number of questions due now across `lessons` (ids, or loaded lessons
 * whose cards are then checked against them): what the due line says.
 */
export function dueCount(progress: Progress, now: Date, lessons: readonly (string | LessonShape)[]): number {
  let total = 0;
  for (const l of lessons) {
    const lesson = typeof l === 'string' ? undefined : l;
    total += lessonDue(progress.lessons.get(typeof l === 'string' ? l : l.id), now, lesson).due;
  }
  return total;
}

/** dueCount from the cards' due times alone (ms since the epoch, by lesson id), for `lessons`. */
export function dueAmong(times: ReadonlyMap<string, readonly number[]>, lessons: readonly string[], now: Date): number {
  const at = now.getTime();
  let total = 0;
  for (const id of lessons) for (const t of times.get(id) ?? []) if (t <= at) total++;
  return total;
}

/** Across the lessons as they are now: the questions due, and when the next one not due yet falls due. */
export function courseDue(progress: Progress, lessons: readonly LessonShape[], now: Date): { due: number; next?: string } {
  let due = 0;
  let next: string | undefined;
  for (const lesson of lessons) {
    const d = lessonDue(progress.lessons.get(lesson.id), now, lesson);
    due += d.due;
    if (d.next !== undefined && (next === undefined || Date.parse(d.next) < Date.parse(next))) next = d.next;
  }
  return next === undefined ? { due } : { due, next };
}

/** Whether some settled question has no card yet (a file from before cards): only then does deriving need the scheduler. */
export function lacksCards(progress: Progress): boolean {
  for (const record of progress.lessons.values()) if (lessonLacksCards(record)) return true;
  return false;
}

/** lacksCards for one lesson's record. */
export function lessonLacksCards(record: LessonRecord): boolean {
  for (const [stepId, r] of record.steps) if (isQuestion(r) && record.cards.get(stepId)?.type !== r.type) return true;
  return false;
}

/**
 * Progress known to hold a card for every settled question, as deriving
 * without the lessons leaves it: deriving it again would change nothing.
 * Every question a learner settles is saved with the scheduler, which
 * derives cards across the whole file; remembering that it was done keeps a
 * save's cost to its own lesson instead of a walk over every lesson's steps.
 * Whatever can take a card from a settled question, or settle one without
 * a card, forgets it (forgetCardsComplete).
 */
const cardsComplete = new WeakSet<Progress>();

export function forgetCardsComplete(progress: Progress): void {
  cardsComplete.delete(progress);
}

/**
 * Gives every settled question a card: those settled before cards existed
 * (a progress file of format 2 or older) get one derived from their record,
 * rated as it went and scheduled from when it settled; a card left from a
 * step of another type is made anew. With `lessons`, cards of their steps
 * that are gone or changed type are dropped. Returns the ids of the lessons
 * it changed.
 */
export function deriveCards(progress: Progress, scheduler: Scheduler, lessons?: readonly LessonShape[]): Set<string> {
  const changed = new Set<string>();
  if (!lessons && cardsComplete.has(progress)) return changed;
  const byId = lessons && new Map(lessons.map((l) => [l.id, l]));
  for (const [lessonId, record] of progress.lessons) {
    const lesson = byId?.get(lessonId);
    const steps = lesson && new Map<string, StepShape>(lesson.steps.map((s) => [s.id, s]));
    for (const [stepId, r] of record.steps) {
      if (!isQuestion(r)) continue;
      // A record the lesson has outgrown is walked again, and its card made then.
      if (steps && !stillApplies(steps.get(stepId) ?? { id: stepId, type: 'gone' }, r)) continue;
      const card = record.cards.get(stepId);
      if (card && card.type === r.type) continue;
      record.cards.set(stepId, scheduler.first(r.type, ratingOf(r), new Date(r.settledAt)));
      changed.add(lessonId);
    }
    if (!lesson) continue;
    const live = new Set(liveCards(record, lesson).map(([stepId]) => stepId));
    for (const stepId of record.cards.keys()) {
      if (live.has(stepId)) continue;
      record.cards.delete(stepId);
      changed.add(lessonId);
    }
  }
  // With the lessons, records a lesson outgrew keep no card, which deriving without them would make.
  if (lessons) cardsComplete.delete(progress);
  else cardsComplete.add(progress);
  return changed;
}
