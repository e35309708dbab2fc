/**
 * What a settled step counts for, in one place: the engine, the resume line,
 * `list`, `progress` and the end-of-lesson summary all ask here, so they
 * cannot disagree. A saved answer is matched to a step by id and applies
 * only while the step keeps its type (an edited lesson may turn a choice
 * into a manifest: the old answer means nothing for the new question).
 */
import type { StepStatus } from './outcome.js';

/** A step as scoring sees it; a loaded lesson's steps fit. */
export interface StepShape {
  id: string;
  type: string;
}

/** A settled step, saved or just walked; a StepOutcome and a stored record fit. */
export interface SettledShape {
  type: string;
  status: StepStatus;
  firstTry: boolean;
  stepId?: string;
}

/** How a settled question went. Only `right-first-try` counts in the score. */
export type Score = 'right-first-try' | 'right-after-retry' | 'missed' | 'skipped';

export const SCORES: readonly Score[] = ['right-first-try', 'right-after-retry', 'missed', 'skipped'];

/** The one vocabulary every score the learner reads uses: resume line, summary, `progress`, `list`. */
export const SCORE_WORDS: Readonly<Record<Score, string>> = {
  'right-first-try': 'right at the first try',
  'right-after-retry': 'right after a retry',
  missed: 'missed',
  skipped: 'skipped',
};

/** "3 right at the first try, 1 right after a retry, 1 missed": the non-zero counts, in SCORES order. */
export function scoreBreakdown(byScore: Readonly<Record<Score, number>>): string {
  const parts = SCORES.filter((s) => byScore[s] > 0).map((s) => `${byScore[s]} ${SCORE_WORDS[s]}`);
  return parts.length > 0 ? parts.join(', ') : 'none answered yet';
}

/** Every step but an explanation asks something. */
export function isQuestion(step: { type: string }): boolean {
  return step.type !== 'explain';
}

/** Whether an answer saved for `step` (by its id), or a review card made from one, still applies to it. */
export function stillApplies<T extends { type: string; stepId?: string }>(step: StepShape, saved: T | undefined): saved is T {
  return saved !== undefined && saved.type === step.type && (saved.stepId === undefined || saved.stepId === step.id);
}

export function scoreOf(settled: SettledShape): Score {
  if (settled.status === 'right') return settled.firstTry ? 'right-first-try' : 'right-after-retry';
  return settled.status === 'skipped' ? 'skipped' : 'missed';
}

/** Right at the first try: what the score counts. */
export function countsAsRight(settled: SettledShape): boolean {
  return scoreOf(settled) === 'right-first-try';
}

export interface Tally {
  /** Steps in the lesson as it is now. */
  total: number;
  /** Of those, the ones with an answer that still applies. */
  settled: number;
  /** Questions in the lesson. */
  questions: number;
  /** Questions settled. */
  answered: number;
  /** Questions right at the first try: the score. */
  right: number;
  /** Settled questions by how they went. */
  byScore: Record<Score, number>;
  /** Ids of settled questions not right at the first try, in lesson order. */
  missed: string[];
  /** Index of the first step not settled; undefined when every step is. */
  nextIndex: number | undefined;
}

/** The lesson's steps against what was saved for them (looked up by step id). */
export function tally<T extends SettledShape>(steps: readonly StepShape[], saved: (stepId: string) => T | undefined): Tally {
  const t: Tally = {
    total: steps.length,
    settled: 0,
    questions: 0,
    answered: 0,
    right: 0,
    byScore: { 'right-first-try': 0, 'right-after-retry': 0, missed: 0, skipped: 0 },
    missed: [],
    nextIndex: undefined,
  };
  steps.forEach((step, i) => {
    const question = isQuestion(step);
    if (question) t.questions++;
    const s = saved(step.id);
    if (!stillApplies(step, s)) {
      t.nextIndex ??= i;
      return;
    }
    t.settled++;
    if (!question) return;
    t.answered++;
    const score = scoreOf(s);
    t.byScore[score]++;
    if (score === 'right-first-try') t.right++;
    else t.missed.push(step.id);
  });
  return t;
}
