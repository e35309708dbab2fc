/**
 * Which questions a review asks, and in what order: the due ones across the
 * lessons, most overdue first within a lesson, interleaved so that no two
 * come from the same lesson in a row while another lesson has one due
 * (mixing topics is what makes retrieval practice stick), and capped.
 */
import type { Lesson, QuestionStep } from '../lesson/schema.js';
import { isDue, liveCards } from '../progress/cards.js';
import type { Progress, ReviewCard } from '../progress/types.js';

/** The cap of one session unless `--limit` says otherwise. */
export const DEFAULT_REVIEW_LIMIT = 20;

export interface ReviewItem {
  lesson: Lesson;
  step: QuestionStep;
  card: ReviewCard;
}

/** The due questions of each lesson (in the order given), those of a lesson oldest due first; stale cards never (../progress/cards.ts). */
export function dueItems(progress: Progress, lessons: readonly Lesson[], now: Date): ReviewItem[] {
  return lessons.flatMap((lesson) => {
    const steps = new Map(lesson.steps.map((s) => [s.id, s]));
    return liveCards(progress.lessons.get(lesson.id), lesson)
      .filter(([, card]) => isDue(card, now))
      .sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due))
      .map(([stepId, card]) => ({ lesson, step: steps.get(stepId) as QuestionStep, card }));
  });
}

/**
 * At most `limit` items, each time from the lesson with the most still to
 * ask other than the one just asked (ties: the one whose next item is the
 * most overdue, then the earlier lesson). Always picking the fullest lesson
 * spreads a big lesson out, so a repeat comes only when nothing else is left.
 */
export function interleave(items: readonly ReviewItem[], limit: number): ReviewItem[] {
  const queues = new Map<string, ReviewItem[]>();
  for (const item of items) {
    const queue = queues.get(item.lesson.id);
    if (queue) queue.push(item);
    else queues.set(item.lesson.id, [item]);
  }
  const out: ReviewItem[] = [];
  let last: string | undefined;
  while (out.length < limit) {
    let pick: [string, ReviewItem[]] | undefined;
    for (const entry of queues) {
      const [id, queue] = entry;
      if (queue.length === 0 || (id === last && [...queues].some(([other, q]) => other !== id && q.length > 0))) continue;
      if (!pick || before(queue, pick[1])) pick = entry;
    }
    if (!pick) break;
    out.push(pick[1].shift()!);
    last = pick[0];
  }
  return out;
}

function before(a: readonly ReviewItem[], b: readonly ReviewItem[]): boolean {
  if (a.length !== b.length) return a.length > b.length;
  return Date.parse(a[0]!.card.due) < Date.parse(b[0]!.card.due);
}

/** What `review` asks now: the due questions, interleaved, at most `limit`. */
export function planReview(progress: Progress, lessons: readonly Lesson[], now: Date, limit = DEFAULT_REVIEW_LIMIT): ReviewItem[] {
  return interleave(dueItems(progress, lessons, now), limit);
}
