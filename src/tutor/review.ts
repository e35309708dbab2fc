/**
 * A review session (`kube-learn review`): the due questions, asked through
 * the same step modules and front ends as a lesson (options shuffled, hints,
 * the whys, honest marks), one answer each: a review asks what the learner
 * remembers and does not teach again, so the right answer and the
 * explanation come after that one answer. Each answer is rated and handed
 * to `onAnswered` (which saves it) before the next question, so quitting
 * loses nothing answered.
 */
import type { StepOutcome } from '../lesson/outcome.js';
import { SCORE_WORDS } from '../lesson/score.js';
import { lessonLabel } from '../lesson/course.js';
import type { QuestionStep } from '../lesson/schema.js';
import { dueLine, ratingOf, type Rating } from '../progress/cards.js';
import type { ReviewCard } from '../progress/types.js';
import { dueWhen, plural } from '../text/words.js';
import { loadCheckManifest, type CheckManifest } from './manifest-step.js';
import type { Prompter } from './prompter.js';
import type { ReviewItem } from './review-plan.js';
import { kindOf } from './step-kinds.js';

export interface ReviewOptions {
  /** Rates one answer and saves it; returns the card as moved. Awaited before the next question. */
  onAnswered: (item: ReviewItem, outcome: StepOutcome, rating: Rating) => Promise<ReviewCard>;
  /** The learner's id: seeds the order of options, afresh for each review of a question. */
  learner?: string;
  checkManifest?: CheckManifest;
}

/** How one answer went, in the words of ../lesson/score.ts. */
export type ReviewMark = 'right' | 'right-after-hint' | 'missed' | 'skipped';

export interface Reviewed {
  lessonId: string;
  stepId: string;
  /** The question's first line (a manifest task's). */
  question: string;
  mark: ReviewMark;
  rating: Rating;
  /** When the question is next due (ISO time). */
  due: string;
}

const MARK_WORDS: Readonly<Record<ReviewMark, string>> = {
  right: 'right',
  'right-after-hint': 'right after the hint',
  missed: SCORE_WORDS.missed,
  skipped: SCORE_WORDS.skipped,
};

function markOf(o: StepOutcome): ReviewMark {
  if (o.status === 'right') return o.hinted ? 'right-after-hint' : 'right';
  return o.status === 'skipped' ? 'skipped' : 'missed';
}

/** Asks each item once, in the order given. Quitting throws `Cancelled('quit')` once every answer so far is saved. */
export async function runReview(items: readonly ReviewItem[], prompter: Prompter, opts: ReviewOptions): Promise<Reviewed[]> {
  const reviewed: Reviewed[] = [];
  const check = opts.checkManifest ?? loadCheckManifest;
  for (const [i, item] of items.entries()) {
    const { lesson, step, card } = item;
    await prompter.position({ label: 'Review', number: i + 1, total: items.length, title: lessonLabel(lesson) });
    const { outcome, afterword } = await kindOf(step).walk(prompter, step, {
      check,
      // A new order at each review of the question: where the right option was is nothing to remember.
      seed: opts.learner === undefined ? undefined : `${opts.learner}:${lesson.id}:review-${card.reps}`,
      once: true,
    });
    const rating = ratingOf(outcome);
    const moved = await opts.onAnswered(item, outcome, rating);
    reviewed.push({
      lessonId: lesson.id,
      stepId: step.id,
      question: questionLine(step),
      mark: markOf(outcome),
      rating,
      due: moved.due,
    });
    for (const text of afterword) await prompter.show(text);
  }
  return reviewed;
}

/** Where the learner stands once the session is over: questions still due now (past the cap), and when the next one falls due. */
export interface AfterReview {
  due: number;
  next?: string;
}

/** What was reviewed, how each went and when it comes back; then what is left or when the next review is. */
export function reviewSummary(reviewed: readonly Reviewed[], after: AfterReview, now: Date, command: string): string[] {
  const right = reviewed.filter((r) => r.mark === 'right' || r.mark === 'right-after-hint').length;
  const lines = [`${plural(reviewed.length, 'question')} reviewed, ${right} right.`];
  if (reviewed.length > 0)
    lines.push(reviewed.map((r) => `- ${r.question} (${r.lessonId}): ${MARK_WORDS[r.mark]}; back ${dueWhen(r.due, now)}`).join('\n'));
  if (after.due > 0) lines.push(`${dueLine(after.due)}: ${command}`);
  else if (after.next !== undefined) lines.push(`Next review: ${dueWhen(after.next, now)}.`);
  return lines;
}

export async function showReviewSummary(prompter: Prompter, lines: readonly string[]): Promise<void> {
  await prompter.show('Review done', 'heading');
  for (const line of lines) await prompter.show(line);
}

/** A question as a list names it: its first line (a manifest task's), marked when there is more. */
export function questionLine(step: QuestionStep): string {
  const text = (kindOf(step).question(step) ?? step.id).trim();
  const line = text.split('\n')[0]!.trim();
  return line === text ? line : `${line} …`;
}
