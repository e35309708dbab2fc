/**
 * What the tutor reports about each settled step, and what the progress store
 * persists. Below both (the engine produces them, the store keeps them), so
 * neither imports the other. Keep these shapes stable: saved progress files
 * hold them.
 */
import type { StepType } from './schema.js';

export const STEP_STATUSES = ['right', 'wrong', 'skipped', 'seen'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface StepOutcome {
  stepId: string;
  type: StepType;
  /** `seen` is for explain steps; questions end `right`, `wrong` or `skipped`. */
  status: StepStatus;
  /** Answers checked (hints, invalid input and skipping are not attempts). */
  attempts: number;
  /** Right at the first attempt: this is what the score counts. */
  firstTry: boolean;
  /** The right answer or the solution was shown to the learner. */
  revealed: boolean;
  /** The last answer: choice text(s), text, or manifest text. */
  answer?: string | string[];
  /** Right at the first try, after asking for the hint: not as sure as right unaided (its review card rates it Hard). Not stored. */
  hinted?: true;
}

/** The wrong tries at a step not settled yet, kept so that quitting does not reset them. */
export interface EarlierTries {
  attempts: number;
  /** Each answer as stored (option texts, the text typed), oldest first. */
  picks: readonly (string | readonly string[])[];
}

export interface MissedQuestion {
  stepId: string;
  /** The question, or the task of a manifest step. */
  question: string;
  /** The right answer(s) as the learner would see them: the right choices, or the first accepted text; none for a manifest. */
  rightAnswers: string[];
  explanation?: string;
  /** How it went: right after a retry, missed or skipped (the words: SCORE_WORDS in ./score.ts). */
  how?: 'right-after-retry' | 'missed' | 'skipped';
}

export interface HeldMisconception {
  number: number;
  claim: string;
  correction: string;
}

export interface LessonResult {
  lessonId: string;
  title: string;
  /** Questions right at the first try, out of all questions of the lesson. */
  score: { right: number; questions: number };
  /** Answered questions by how they went (./score.ts). */
  byScore?: Record<'right-first-try' | 'right-after-retry' | 'missed' | 'skipped', number>;
  /** Questions not right at the first try, in lesson order. */
  missed: MissedQuestion[];
  /** The lesson's misconceptions that missed questions point at (`corrects`). */
  misconceptions: HeldMisconception[];
  next?: string;
  /** One outcome per settled step of the current lesson, in lesson order. */
  outcomes: StepOutcome[];
}
