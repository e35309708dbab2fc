/**
 * The review walk with a scripted learner and a set clock: which questions
 * are due, in what order, how many, how each answer is rated, and the
 * summary. The scheduler is the real one (FSRS); no real time is read.
 */
import { describe, expect, it } from 'vitest';
import { Cancelled } from '../../src/errors.js';
import type { StepOutcome } from '../../src/lesson/outcome.js';
import { lesson as lessonSchema, type Lesson } from '../../src/lesson/schema.js';
import type { Rating } from '../../src/progress/cards.js';
import { applyOutcome, applyReview } from '../../src/progress/records.js';
import { loadScheduler } from '../../src/progress/schedule.js';
import { emptyProgress, type Progress } from '../../src/progress/types.js';
import type { ManifestProblem } from '../../src/tutor/manifest-step.js';
import { dueItems, interleave, planReview, type ReviewItem } from '../../src/tutor/review-plan.js';
import { reviewSummary, runReview, type Reviewed } from '../../src/tutor/review.js';
import { hint, quit, ScriptedPrompter, skip, type Action } from '../helpers/scripted-prompter.js';
import { RIGHT, tutorLesson } from './lesson-fixture.js';

const DAY = 86_400_000;
const T0 = new Date('2026-12-02T09:00:00Z');
const later = (days: number) => new Date(T0.getTime() + days * DAY);

async function fakeCheck(text: string): Promise<ManifestProblem[]> {
  return /name: web\b/.test(text) ? [] : [{ line: 3, col: 1, path: 'metadata.name', message: 'required', severity: 'error' }];
}

/** The tiny lesson under another id: a second lesson with due questions. */
function otherLesson(): Lesson {
  return lessonSchema.parse({ ...tutorLesson(), id: 'other', title: 'Another lesson' });
}

const outcome = (
  stepId: string,
  type: StepOutcome['type'],
  status: 'right' | 'wrong' | 'skipped',
  firstTry = status === 'right',
): StepOutcome => ({
  stepId,
  type,
  status,
  attempts: status === 'skipped' ? 0 : firstTry ? 1 : 2,
  firstTry,
  revealed: status !== 'right',
});

/** tiny: q-image missed, q-pod right, q-cli skipped, first-pod right after a retry; other: q-image and q-cli missed, the rest right. All at T0. */
async function progressAtT0(): Promise<Progress> {
  const s = await loadScheduler();
  const p = emptyProgress();
  const settle = (lessonId: string, o: StepOutcome) => applyOutcome(p, lessonId, o, T0, 1000, s);
  settle('tiny', outcome('q-image', 'choice', 'wrong'));
  settle('tiny', outcome('q-pod', 'multi', 'right'));
  settle('tiny', outcome('q-cli', 'text', 'skipped'));
  settle('tiny', outcome('first-pod', 'manifest', 'right', false));
  settle('other', outcome('q-image', 'choice', 'wrong'));
  settle('other', outcome('q-pod', 'multi', 'right'));
  settle('other', outcome('q-cli', 'text', 'wrong'));
  settle('other', outcome('first-pod', 'manifest', 'right'));
  return p;
}

const ids = (items: readonly ReviewItem[]) => items.map((i) => `${i.lesson.id}/${i.step.id}`);

describe('which questions a review asks', () => {
  it('none before their time; the missed and skipped ones a day later; the ones right after a retry two days later; the rest later still', async () => {
    const p = await progressAtT0();
    const lessons = [tutorLesson(), otherLesson()];
    expect(dueItems(p, lessons, T0)).toEqual([]);
    expect(dueItems(p, lessons, new Date(later(1).getTime() - 1))).toEqual([]);
    expect(ids(dueItems(p, lessons, later(1)))).toEqual(['tiny/q-image', 'tiny/q-cli', 'other/q-image', 'other/q-cli']);
    expect(ids(dueItems(p, lessons, later(2)))).toContain('tiny/first-pod');
    expect(ids(dueItems(p, lessons, later(2)))).not.toContain('tiny/q-pod');
    expect(ids(dueItems(p, lessons, later(3)))).toContain('tiny/q-pod');
  });

  it('interleaves the lessons: never two from one lesson in a row while another has one due', async () => {
    const p = await progressAtT0();
    const plan = planReview(p, [tutorLesson(), otherLesson()], later(2));
    expect(ids(plan)).toEqual(['tiny/q-image', 'other/q-image', 'tiny/q-cli', 'other/q-cli', 'tiny/first-pod']);
  });

  it('spreads a big lesson out, repeating it only once nothing else is left', () => {
    const a = tutorLesson();
    const b = otherLesson();
    const card = (due: string) => ({
      type: 'choice',
      due,
      stability: 1,
      difficulty: 5,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 'review' as const,
    });
    const item = (lesson: Lesson, n: number): ReviewItem => ({
      lesson,
      step: lesson.steps[1] as ReviewItem['step'],
      card: card(later(n).toISOString()),
    });
    const items = [item(a, 0), item(a, 1), item(a, 2), item(a, 3), item(b, 4)];
    const order = interleave(items, 20);
    expect(order.map((i) => i.lesson.id)).toEqual(['tiny', 'other', 'tiny', 'tiny', 'tiny']);
    expect(order.filter((i) => i.lesson.id === 'tiny').map((i) => i.card.due)).toEqual([0, 1, 2, 3].map((n) => later(n).toISOString()));
  });

  it('caps a session, keeping the interleaving', async () => {
    const p = await progressAtT0();
    const lessons = [tutorLesson(), otherLesson()];
    expect(ids(planReview(p, lessons, later(2), 3))).toEqual(['tiny/q-image', 'other/q-image', 'tiny/q-cli']);
    expect(planReview(p, lessons, later(2), 0)).toEqual([]);
    expect(planReview(p, lessons, later(365))).toHaveLength(8);
  });

  it('leaves out a question whose step changed type or is gone', async () => {
    const p = await progressAtT0();
    const changed = lessonSchema.parse({
      ...tutorLesson(),
      steps: tutorLesson().steps.flatMap((s) =>
        s.id === 'q-cli'
          ? []
          : s.id === 'q-image'
            ? [{ id: 'q-image', type: 'text' as const, question: 'Name it.', accept: ['image'] }]
            : [s],
      ),
    });
    expect(ids(dueItems(p, [changed], later(2)))).toEqual(['tiny/first-pod']);
  });
});

/** Runs a review of `items` with the real scheduler at `now`, saving into `p` as the command does. */
async function review(p: Progress, items: readonly ReviewItem[], script: Action[], now: Date) {
  const s = await loadScheduler();
  const prompter = new ScriptedPrompter(script);
  const ratings: [string, Rating][] = [];
  let reviewed: Reviewed[] | undefined;
  let error: unknown;
  try {
    reviewed = await runReview(items, prompter, {
      checkManifest: fakeCheck,
      onAnswered: async (item, _outcome, rating) => {
        ratings.push([`${item.lesson.id}/${item.step.id}`, rating]);
        const card = s.next(item.card, rating, now);
        applyReview(p, item.lesson.id, item.step.id, card);
        return card;
      },
    });
  } catch (e) {
    error = e;
  }
  return { prompter, ratings, reviewed, error };
}

describe('a review session', () => {
  it('asks each due question once, rates the answer, shows the right answer and the explanation after it', async () => {
    const p = await progressAtT0();
    const now = later(2);
    const plan = planReview(p, [tutorLesson(), otherLesson()], now);
    // tiny/q-image right; other/q-image wrong (one answer only); tiny/q-cli right (asking for a hint it does not have);
    // other/q-cli skipped; the manifest right after its hint.
    const { prompter, ratings, reviewed, error } = await review(
      p,
      plan,
      [RIGHT['q-image'], 0, hint, 'kubectl', skip, hint, RIGHT['first-pod']],
      now,
    );
    expect(error).toBeUndefined();
    expect(prompter.remaining).toBe(0);
    expect(ratings).toEqual([
      ['tiny/q-image', 'good'],
      ['other/q-image', 'again'],
      ['tiny/q-cli', 'good'],
      ['other/q-cli', 'again'],
      ['tiny/first-pod', 'hard'],
    ]);
    // Five questions, seven prompts: a hint asks the same question again, still the first (and only) answer.
    expect(prompter.asked.map((a) => `${a.question.stepId}:${a.question.attempt}`)).toEqual([
      'q-image:1',
      'q-image:1',
      'q-cli:1',
      'q-cli:1',
      'q-cli:1',
      'first-pod:1',
      'first-pod:1',
    ]);
    const positions = prompter.events.flatMap((e) => (e.kind === 'position' ? [e.position] : []));
    expect(positions.map((x) => `${x.label} ${x.number} of ${x.total}: ${x.title}`)[1]).toBe('Review 2 of 5: other, Another lesson');
    // The wrong answer: marked, the right one shown, then the why and the explanation; no second try.
    const shown = prompter.shown;
    const miss = shown.indexOf('Not quite. The answer: A read-only template');
    expect(miss).toBeGreaterThan(-1);
    expect(shown.slice(miss, miss + 3).join('\n')).toContain('Images are read-only templates.');
    expect(shown).not.toContain('Not quite. Try once more.');
    // The manifest starts from the step's starter.
    expect(prompter.asked.find((a) => a.type === 'lines')?.initial).toBe('apiVersion: v1\nkind: Pod\n');
    // Saved: the cards moved; a miss comes back sooner than a right answer.
    const due = (lesson: string, step: string) => Date.parse(p.lessons.get(lesson)!.cards.get(step)!.due);
    expect(due('other', 'q-image')).toBeLessThan(due('tiny', 'q-image'));
    expect(reviewed!.map((r) => r.mark)).toEqual(['right', 'missed', 'right', 'skipped', 'right-after-hint']);
  });

  it('shows the options shuffled, seeded by the learner, and a new order at the next review', async () => {
    const p = await progressAtT0();
    const plan = planReview(p, [tutorLesson()], later(2), 1);
    const s = await loadScheduler();
    const orders: (readonly string[] | undefined)[] = [];
    for (const reps of [1, 2, 3, 4, 5, 6]) {
      const prompter = new ScriptedPrompter([0]);
      await runReview([{ ...plan[0]!, card: { ...plan[0]!.card, reps } }], prompter, {
        learner: 'feedc0de',
        onAnswered: async (item, _o, r) => s.next(item.card, r, later(2)),
      });
      orders.push(prompter.asked[0]!.options);
    }
    expect(new Set(orders.map((o) => o!.join('|'))).size).toBeGreaterThan(1);
  });

  it('quitting keeps every answer given before it', async () => {
    const p = await progressAtT0();
    const now = later(2);
    const plan = planReview(p, [tutorLesson(), otherLesson()], now);
    const { ratings, error } = await review(p, plan, [RIGHT['q-image'], quit], now);
    expect(error).toBeInstanceOf(Cancelled);
    expect((error as Cancelled).reason).toBe('quit');
    expect(ratings).toEqual([['tiny/q-image', 'good']]);
    expect(ids(planReview(p, [tutorLesson(), otherLesson()], now))).toEqual([
      'tiny/q-cli',
      'other/q-image',
      'tiny/first-pod',
      'other/q-cli',
    ]);
  });

  it('ends with what was reviewed and when each comes back, then when the next review is', async () => {
    const p = await progressAtT0();
    const now = later(2);
    const plan = planReview(p, [tutorLesson(), otherLesson()], now, 2);
    const { reviewed } = await review(p, plan, [RIGHT['q-image'], 0], now);
    const lines = reviewSummary(reviewed!, { due: 3 }, now, 'kube-learn review');
    expect(lines[0]).toBe('2 questions reviewed, 1 right.');
    expect(lines[1]).toMatch(
      /^- What is an image\? \(tiny\): right; back in \d+ days \(\d{4}-\d\d-\d\d\)\n- What is an image\? \(other\): missed; back within a day \(/,
    );
    expect(lines[2]).toBe('3 questions are due for review: kube-learn review');
    expect(reviewSummary(reviewed!, { due: 0, next: later(3).toISOString() }, now, 'kube-learn review')[2]).toMatch(
      /^Next review: within a day \(/,
    );
    expect(reviewSummary([], { due: 0 }, now, 'kube-learn review')).toEqual(['0 questions reviewed, 0 right.']);
  });
});
