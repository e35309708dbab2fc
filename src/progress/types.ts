/**
 * The progress data in memory. See ./format.ts for how it is written.
 */
import type { StepStatus } from '../lesson/outcome.js';

/** The newest progress format this build reads and the one it writes. */
export const FORMAT_VERSION = 1;

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
}

export interface Draft {
  answer: string;
  savedAt: string;
}

/** Maps, not plain objects: ids come from files, and `__proto__` is a valid id-shaped key. */
export interface Progress {
  lessons: Map<string, LessonRecord>;
}

export function emptyProgress(): Progress {
  return { lessons: new Map() };
}
