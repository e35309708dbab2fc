/**
 * `kube-learn review [--limit N] [--dry-run [--json]] [--plain] [--lessons DIR]`:
 * the questions due for review, across the lessons, asked once each in the
 * front end a lesson uses (src/tutor/review.ts), each answer saved as it is
 * given. --dry-run says what is due without asking or writing anything.
 */
import { now } from '../clock.js';
import { Cancelled, UsageError } from '../errors.js';
import { loadCatalog } from '../lesson/catalog.js';
import { formatFileProblem } from '../lesson/file-problem.js';
import { courseDue, dueLine } from '../progress/cards.js';
import { openReviewSession } from '../progress/review-session.js';
import { wantsPlain } from '../terminal/mode.js';
import { jsonForTerminal } from '../text/json.js';
import { neutralize } from '../text/sanitize.js';
import { dueWhen } from '../text/words.js';
import { DEFAULT_REVIEW_LIMIT, planReview, type ReviewItem } from '../tutor/review-plan.js';
import { questionLine, reviewSummary, runReview, showReviewSummary } from '../tutor/review.js';
import { frontEnd, onTerminationSignals, reviewCommand } from './start.js';
import { Stop } from '../stop.js';
import { stdout } from '../terminal/stdout.js';

export interface ReviewOptions {
  plain?: boolean;
  lessons?: string;
  /** As typed: a whole number >= 1. */
  limit?: string;
  dryRun?: boolean;
  json?: boolean;
}

export function parseLimit(given: string | undefined): number {
  if (given === undefined) return DEFAULT_REVIEW_LIMIT;
  if (!/^\s*\d+\s*$/.test(given) || Number(given) < 1 || !Number.isSafeInteger(Number(given))) {
    throw new UsageError(`--limit takes a whole number of questions, 1 or more; got "${neutralize(given)}"`);
  }
  return Number(given);
}

const warn = (line: string) => void process.stderr.write(`kube-learn: ${neutralize(line)}\n`);

export async function review(opts: ReviewOptions = {}): Promise<number> {
  const limit = parseLimit(opts.limit);
  if (opts.json && !opts.dryRun) throw new UsageError('--json goes with --dry-run: kube-learn review --dry-run --json');
  const at = now();
  const catalog = await loadCatalog({ lessonsDir: opts.lessons });
  for (const problem of catalog.problems) process.stderr.write(`kube-learn: skipped ${formatFileProblem(problem)}\n`);
  const session = await openReviewSession(catalog.lessons, { dryRun: opts.dryRun === true, warn, now });
  const plan = planReview(session.progress, catalog.lessons, at, limit);
  const standing = courseDue(session.progress, catalog.lessons, at);
  const command = reviewCommand(opts);
  if (opts.dryRun) return dryRun(plan, standing, at, limit, opts.json === true);
  if (plan.length === 0) {
    stdout.write(`${nothingDue(standing.next, at)}\n`);
    return 0;
  }

  const stop = new Stop();
  const release = onTerminationSignals(() => stop.abort());
  try {
    const prompter = await frontEnd(wantsPlain(opts), stop.signal);
    try {
      const asking = plan.length < standing.due ? `; this review asks ${plan.length} of them` : '';
      await prompter.show(`${dueLine(standing.due)}${asking}.`, 'note');
      const reviewed = await runReview(plan, prompter, {
        learner: session.progress.learner,
        onAnswered: (item, _outcome, rating) => session.answered(item.lesson.id, item.step.id, item.card, rating),
      });
      const after = courseDue(session.progress, catalog.lessons, at);
      await showReviewSummary(prompter, reviewSummary(reviewed, after, at, command));
      return 0;
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
      const onward = `Your answers so far are saved. To go on, run: ${command}`;
      if (error.reason === 'quit') {
        await prompter.show(`Stopped. ${onward}`, 'note');
        return 0;
      }
      if (error.reason === 'eof') {
        process.stderr.write(`kube-learn: end of input. ${onward}\n`);
        return 0;
      }
      throw new Cancelled('signal', `Interrupted. ${onward}`);
    } finally {
      prompter.close();
    }
  } finally {
    release();
  }
}

function nothingDue(next: string | undefined, at: Date): string {
  if (next === undefined) return 'No questions to review yet: the questions of the lessons you take come back here.';
  return `No questions are due for review. The next one is due ${dueWhen(next, at)}.`;
}

/** What a review would ask now, and when the next question falls due after those. */
function dryRun(plan: readonly ReviewItem[], standing: { due: number; next?: string }, at: Date, limit: number, json: boolean): number {
  const questions = plan.map(({ lesson, step, card }) => ({
    lesson: lesson.id,
    step: step.id,
    type: step.type,
    question: questionLine(step),
    due: card.due,
  }));
  if (json) {
    const doc = { now: at.toISOString(), due: standing.due, limit, questions, next: standing.next ?? null };
    stdout.write(`${jsonForTerminal(doc, 2)}\n`);
    return 0;
  }
  if (plan.length === 0) {
    stdout.write(`${nothingDue(standing.next, at)}\n`);
    return 0;
  }
  const asking = plan.length < standing.due ? ` (a review asks ${plan.length} of them at a time)` : '';
  const lines = [`${dueLine(standing.due)}${asking}:`, ...questions.map((q) => `- ${q.lesson}: ${q.question}`)];
  stdout.write(`${neutralize(lines.join('\n'))}\n`);
  return 0;
}
