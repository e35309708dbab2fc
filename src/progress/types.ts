/**
 * The progress data in memory. See ./format.ts for how it is written.
 */
import type { StepStatus } from '../lesson/outcome.js';

/** The newest progress format this build reads and the one it writes. */
export const FORMAT_VERSION = 2;

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
