/**
 * The tutor engine: walks a lesson's steps against a Prompter, each by its
 * type's module (./step-kinds.ts), and reports each settled step. No
 * terminal here: the front ends (src/terminal/) implement the Prompter.
 */
import type { EarlierTries, LessonResult, StepOutcome } from '../lesson/outcome.js';
import type { Lesson } from '../lesson/schema.js';
import { stillApplies, tally } from '../lesson/score.js';
import { loadCheckManifest, type CheckManifest } from './manifest-step.js';
import type { Prompter } from './prompter.js';
import { lessonResult } from './result.js';
import { kindOf } from './step-kinds.js';

export interface RunOptions {
  /** Outcomes saved earlier, by step id: those steps are not walked again, and count in the score. */
  previous?: ReadonlyMap<string, StepOutcome>;
  /** Called with each step once it is settled, before the lesson goes on (awaited). */
  onSettled?: (outcome: StepOutcome) => void | Promise<void>;
  /** The manifest checker; by default src/manifest/check.ts, loaded when first needed. */
  checkManifest?: CheckManifest;
  /** The last manifest checked at an unsettled step, by step id: the editor starts from it. */
  drafts?: ReadonlyMap<string, string>;
  /** Called with each manifest checked (before the verdict), so a quit loses no writing. */
  onDraft?: (stepId: string, answer: string) => void | Promise<void>;
  /** The learner's id: options are shown in an order seeded from it (../tutor/option-order.ts); none keeps the written order. */
  learner?: string;
  /** Wrong tries at unsettled steps from an earlier run, by step id: they still count. */
  tries?: ReadonlyMap<string, EarlierTries>;
  /** Called with each wrong try before the learner is asked again (awaited), so quitting keeps it. */
  onTry?: (stepId: string, tries: EarlierTries) => void | Promise<void>;
}

/**
 * The earlier outcomes that still apply (../lesson/score.ts): a step whose
 * id is gone, or whose type changed since, is walked again.
 */
export function applicableOutcomes(lesson: Lesson, previous?: ReadonlyMap<string, StepOutcome>): Map<string, StepOutcome> {
  const settled = new Map<string, StepOutcome>();
  for (const step of lesson.steps) {
    const outcome = previous?.get(step.id);
    if (stillApplies(step, outcome)) settled.set(step.id, outcome);
  }
  return settled;
}

/** Shows an explanation again: its title and body, no pause (the question is asked again right after). */
function rereader(prompter: Prompter, step: Lesson['steps'][number] | undefined): (() => Promise<void>) | undefined {
  if (step?.type !== 'explain') return undefined;
  return async () => {
    await prompter.show(step.title, 'heading');
    await prompter.show(step.body);
  };
}

/** The 0-based index of the first step not settled yet; the number of steps when all are. */
export function resumeIndex(lesson: Lesson, previous?: ReadonlyMap<string, StepOutcome>): number {
  return tally(lesson.steps, (id) => previous?.get(id)).nextIndex ?? lesson.steps.length;
}

/**
 * Walks the lesson from its first unsettled step to the end. Quitting throws
 * `Cancelled('quit')` once every settled step has been reported; the front
 * ends throw `Cancelled` for signals and end of input.
 */
export async function runLesson(lesson: Lesson, prompter: Prompter, opts: RunOptions = {}): Promise<LessonResult> {
  const settled = applicableOutcomes(lesson, opts.previous);
  const check = opts.checkManifest ?? loadCheckManifest;
  if (settled.size === 0) await prompter.show(lesson.title, 'heading');
  const total = lesson.steps.length;
  for (const [i, step] of lesson.steps.entries()) {
    if (settled.has(step.id)) continue;
    // An explanation shows its title as a heading right after the position line.
    await prompter.position({ number: i + 1, total, title: step.type === 'explain' ? undefined : step.title });
    const { outcome, afterword } = await kindOf(step).walk(prompter, step, {
      check,
      draft: opts.drafts?.get(step.id),
      saveDraft: opts.onDraft,
      seed: opts.learner === undefined ? undefined : `${opts.learner}:${lesson.id}`,
      earlier: opts.tries?.get(step.id),
      saveTries: opts.onTry,
      reread: rereader(
        prompter,
        lesson.steps.slice(0, i).findLast((s) => s.type === 'explain'),
      ),
    });
    settled.set(step.id, outcome);
    await opts.onSettled?.(outcome);
    for (const text of afterword) await prompter.show(text);
  }
  return lessonResult(lesson, settled);
}
