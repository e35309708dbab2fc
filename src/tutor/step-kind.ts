/**
 * What the engine needs of a step type: one module per type under ./steps/
 * (how it is asked, judged, revealed, stored and summed up), found through
 * the table in ./step-kinds.ts. A new type that reuses an answer shape (a
 * choice, a line of text, a manifest) is its schema, one module here and one
 * line in the table: the front ends, the store and the summary stay as they are.
 */
import type { EarlierTries, StepOutcome } from '../lesson/outcome.js';
import type { Step } from '../lesson/schema.js';
import type { CheckManifest } from './manifest-step.js';
import type { Prompter } from './prompter.js';

/** What the engine hands every step: the manifest checker, and the draft kept for this step. */
export interface WalkContext {
  check: CheckManifest;
  /** The last manifest checked at this step in an earlier run: the editor starts from it. */
  draft?: string;
  /** Keeps each manifest as it is checked, so quitting loses no writing. */
  saveDraft?: (stepId: string, answer: string) => void | Promise<void>;
  /** Seeds the order of options (learner id and lesson id); none keeps the written order. */
  seed?: string;
  /** Wrong tries at this step from an earlier run: they still count. */
  earlier?: EarlierTries;
  /** Keeps each wrong try before the learner is asked again, so quitting does not reset the count. */
  saveTries?: (stepId: string, tries: EarlierTries) => void | Promise<void>;
  /** Shows the last explanation before this step again (reading only); none when there is none. */
  reread?: () => Promise<void>;
  /**
   * A review (../review.ts): one answer, then the right one is shown. A
   * review asks what the learner remembers; it does not teach again.
   */
  once?: boolean;
}

export interface Settled {
  outcome: StepOutcome;
  /** What to show once the outcome is reported: the `why`s and the explanation. */
  afterword: string[];
}

export interface StepKind<S extends Step> {
  /** Walks the step until it is settled: asked, judged, perhaps revealed, and recorded in the outcome. */
  walk(p: Prompter, step: S, ctx: WalkContext): Promise<Settled>;
  /** The question as the summary lists it; none for an explanation. */
  question(step: S): string | undefined;
  /** The right answers as the learner sees them; none where there is no one-line answer (a manifest's solution is a block). */
  rightAnswers(step: S): string[];
}
