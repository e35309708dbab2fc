/**
 * Between the tutor's StepOutcome and the stored StepRecord, and the edits a
 * settled step, a finished lesson or a reset make to the progress data.
 */
import type { EarlierTries, StepOutcome } from '../lesson/outcome.js';
import { isQuestion, stillApplies, type StepShape } from '../lesson/score.js';
import { deriveCards, forgetCardsComplete, ratingOf, type Scheduler } from './cards.js';
import type { LessonRecord, Progress, ReviewCard, StepRecord } from './types.js';

/** The steps of a lesson as far as progress cares; a loaded Lesson fits. */
export interface LessonShape {
  id: string;
  title?: string;
  steps: readonly StepShape[];
}

export function toRecord(o: StepOutcome, settledAt: Date, spentMs: number): StepRecord {
  const r: StepRecord = {
    type: o.type,
    status: o.status,
    attempts: o.attempts,
    firstTry: o.firstTry,
    revealed: o.revealed,
    settledAt: settledAt.toISOString(),
    spentMs: Math.max(0, Math.round(spentMs)),
  };
  if (o.answer !== undefined) r.answer = Array.isArray(o.answer) ? [...o.answer] : o.answer;
  return r;
}

export function toOutcome(stepId: string, r: StepRecord): StepOutcome {
  const o: StepOutcome = {
    stepId,
    type: r.type as StepOutcome['type'],
    status: r.status,
    attempts: r.attempts,
    firstTry: r.firstTry,
    revealed: r.revealed,
  };
  if (r.answer !== undefined) o.answer = Array.isArray(r.answer) ? [...r.answer] : r.answer;
  return o;
}

/**
 * The settled steps to hand the tutor as `previous`. With the lesson given,
 * records of steps that are gone, or whose type changed (the old answer means
 * nothing for the new question), are left out, so those steps are walked.
 */
export function previousOutcomes(progress: Progress, lessonId: string, lesson?: LessonShape): ReadonlyMap<string, StepOutcome> {
  const out = new Map<string, StepOutcome>();
  const record = progress.lessons.get(lessonId);
  if (!record) return out;
  const steps = lesson ? new Map(lesson.steps.map((s) => [s.id, s])) : undefined;
  for (const [stepId, r] of record.steps) {
    const step = steps?.get(stepId);
    if (steps && !(step && stillApplies(step, r))) continue;
    out.set(stepId, toOutcome(stepId, r));
  }
  return out;
}

function lessonRecord(progress: Progress, lessonId: string, at: Date): LessonRecord {
  let record = progress.lessons.get(lessonId);
  if (!record) {
    record = {
      started: at.toISOString(),
      updated: at.toISOString(),
      steps: new Map(),
      drafts: new Map(),
      tries: new Map(),
      cards: new Map(),
    };
    progress.lessons.set(lessonId, record);
  }
  return record;
}

/**
 * A settled step, kept. With the scheduler, a question also gets its review
 * card, rated by how it went, and questions settled before cards existed get
 * theirs (./cards.ts): the first save that has the scheduler at hand does it.
 * Returns the ids of the lessons changed: this one, and those given cards.
 */
export function applyOutcome(
  progress: Progress,
  lessonId: string,
  o: StepOutcome,
  at: Date,
  spentMs: number,
  scheduler?: Scheduler,
): ReadonlySet<string> {
  const record = lessonRecord(progress, lessonId, at);
  record.steps.set(o.stepId, toRecord(o, at, spentMs));
  if (scheduler && isQuestion(o)) record.cards.set(o.stepId, scheduler.first(o.type, ratingOf(o), at));
  else record.cards.delete(o.stepId);
  if (!scheduler && isQuestion(o)) forgetCardsComplete(progress);
  const changed = scheduler ? deriveCards(progress, scheduler) : new Set<string>();
  record.drafts.delete(o.stepId);
  record.tries.delete(o.stepId);
  record.updated = at.toISOString();
  return changed.add(lessonId);
}

export function applyDraft(progress: Progress, lessonId: string, stepId: string, answer: string, at: Date): void {
  const record = lessonRecord(progress, lessonId, at);
  record.drafts.set(stepId, { answer, savedAt: at.toISOString() });
  record.updated = at.toISOString();
}

/**
 * What a lesson's record keeps in `pick` for steps not settled yet, by step
 * id: those of settled steps, or (given the lesson) of steps it no longer
 * has, left out.
 */
function unsettled<K, T>(
  progress: Progress,
  lessonId: string,
  lesson: LessonShape | undefined,
  pick: (record: LessonRecord) => ReadonlyMap<string, K>,
  value: (kept: K) => T,
): ReadonlyMap<string, T> {
  const out = new Map<string, T>();
  const record = progress.lessons.get(lessonId);
  if (!record) return out;
  const ids = lesson ? new Set(lesson.steps.map((s) => s.id)) : undefined;
  for (const [stepId, kept] of pick(record)) {
    if ((ids && !ids.has(stepId)) || record.steps.has(stepId)) continue;
    out.set(stepId, value(kept));
  }
  return out;
}

/** The unsettled answers to start from, by step id (those of settled or vanished steps left out). */
export function draftAnswers(progress: Progress, lessonId: string, lesson?: LessonShape): ReadonlyMap<string, string> {
  return unsettled(
    progress,
    lessonId,
    lesson,
    (r) => r.drafts,
    (d) => d.answer,
  );
}

/** A wrong try at a step not settled yet: the count and the picks so far replace what was kept. */
export function applyTries(progress: Progress, lessonId: string, stepId: string, tries: EarlierTries, at: Date): void {
  const record = lessonRecord(progress, lessonId, at);
  record.tries.set(stepId, {
    attempts: tries.attempts,
    picks: tries.picks.map((p) => (typeof p === 'string' ? p : [...p])),
    savedAt: at.toISOString(),
  });
  record.updated = at.toISOString();
}

/** The wrong tries at unsettled steps, by step id (those of settled or vanished steps left out). */
export function earlierTries(progress: Progress, lessonId: string, lesson?: LessonShape): ReadonlyMap<string, EarlierTries> {
  return unsettled(
    progress,
    lessonId,
    lesson,
    (r) => r.tries,
    (t) => ({ attempts: t.attempts, picks: t.picks }),
  );
}

/**
 * A reviewed question's card, moved on the schedule. Not when the lesson's
 * progress was reset meanwhile (by another kube-learn): a review never brings
 * back what was forgotten on purpose. Reviews do not touch `updated`, which
 * says which lesson the learner was last working through.
 */
export function applyReview(progress: Progress, lessonId: string, stepId: string, card: ReviewCard): boolean {
  const record = progress.lessons.get(lessonId);
  if (!record?.steps.has(stepId)) return false;
  record.cards.set(stepId, card);
  // A card of another type than its step's is made anew by the next derivation.
  forgetCardsComplete(progress);
  return true;
}

export function applyFinished(progress: Progress, lessonId: string, at: Date): void {
  const record = lessonRecord(progress, lessonId, at);
  record.finished = at.toISOString();
  record.updated = at.toISOString();
}

/** False when there was nothing to clear. */
export function applyReset(progress: Progress, lessonId: string): boolean {
  return progress.lessons.delete(lessonId);
}
