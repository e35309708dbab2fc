/**
 * The progress data in memory. See ./format.ts for how it is written.
 */
import type { StepStatus } from '../lesson/outcome.js';

/** The newest progress format this build reads and the one it writes. */
export const FORMAT_VERSION = 4;

/** One settled step, as stored. */
export interface StepRecord {
  type: string;
  status: StepStatus;
  attempts: number;
  firstTry: boolean;
  revealed: boolean;
  /** The learner's last answer: option texts, the text typed, the manifest written. */
  answer?: string | string[];
  settledAt: string;
  /** Time spent on the step, capped so that a learner who walked away does not count. */
  spentMs: number;
}

export interface LessonRecord {
  started: string;
  updated: string;
  finished?: string;
  /** Keyed by step id, never by position, so an edited lesson keeps its learner's work. */
  steps: Map<string, StepRecord>;
  /**
   * Answers to steps not settled yet (a manifest checked and found wrong, then
   * the learner quit), so the next run starts from them. Removed on settling.
   */
  drafts: Map<string, Draft>;
  /**
   * The wrong tries at steps not settled yet, saved as they happen, so that
   * quitting and resuming keeps the count ("right at the first try" cannot be
   * earned by quitting). Removed on settling.
   */
  tries: Map<string, Tries>;
  /**
   * The review schedule of each settled question (./cards.ts), by step id.
   * Made when the question settles, or derived from its record on first use.
   */
  cards: Map<string, ReviewCard>;
}

/** Where a card stands in FSRS's model of memory (ts-fsrs's `State`, by name so the file reads without it). */
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/** A question's place in the review schedule: an FSRS card (ts-fsrs's `Card`), as stored. */
export interface ReviewCard {
  /** The step's type when the card was made: a card applies only while the step keeps it, as a saved answer does (../lesson/score.ts). */
  type: string;
  /** When the question is next due (ISO time): what due counts read, without the scheduler. */
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  /** Times rated, the first settling included. */
  reps: number;
  /** Times forgotten after being learnt. */
  lapses: number;
  state: CardState;
  lastReview?: string;
}

export interface Tries {
  /** Answers checked so far. */
  attempts: number;
  /** Each answer as stored (option texts, the text typed), oldest first. */
  picks: (string | string[])[];
  savedAt: string;
}

export interface Draft {
  answer: string;
  savedAt: string;
}

/** Maps, not plain objects: ids come from files, and `__proto__` is a valid id-shaped key. */
export interface Progress {
  /** A random id for this learner: seeds the order of each question's options, so it is the same on every run. */
  learner?: string;
  lessons: Map<string, LessonRecord>;
}

export function emptyProgress(): Progress {
  return { lessons: new Map() };
}
