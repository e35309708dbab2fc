import { describe, expect, it } from 'vitest';
import { deriveCards, dueCount, lessonDue, liveCards, ratingOf, type Scheduler } from '../../src/progress/cards.js';
import { applyOutcome, applyReview } from '../../src/progress/records.js';
import { loadScheduler } from '../../src/progress/schedule.js';
import { emptyProgress, type Progress, type ReviewCard } from '../../src/progress/types.js';
import { answered, seen } from './helpers/outcomes.js';

const T0 = new Date('2026-12-02T09:00:00Z');
const DAY = 86_400_000;
const later = (days: number) => new Date(T0.getTime() + days * DAY);

/** A lesson as progress sees it: step ids and types. */
const lesson = (id: string, steps: [string, string][]) => ({ id, steps: steps.map(([sid, type]) => ({ id: sid, type })) });

describe('the rating an outcome earns', () => {
  it('wrong at the first try or skipped: Again; right after a retry or after the hint: Hard; right at the first try: Good', () => {
    expect(ratingOf({ status: 'wrong', firstTry: false })).toBe('again');
    expect(ratingOf({ status: 'skipped', firstTry: false })).toBe('again');
    expect(ratingOf({ status: 'right', firstTry: false })).toBe('hard');
    expect(ratingOf({ status: 'right', firstTry: true, hinted: true })).toBe('hard');
    expect(ratingOf({ status: 'right', firstTry: true })).toBe('good');
  });
});

describe('cards in the progress data', () => {
  it('a settled question gets a card rated by how it went; an explanation gets none', async () => {
    const s = await loadScheduler();
    const p = emptyProgress();
    applyOutcome(p, 'day1', seen('intro'), T0, 0, s);
    applyOutcome(p, 'day1', answered('q1', 'A Pod'), T0, 0, s);
    applyOutcome(p, 'day1', answered('q2', 'A VM', false), T0, 0, s);
    const cards = p.lessons.get('day1')!.cards;
    expect([...cards.keys()]).toEqual(['q1', 'q2']);
    expect(Date.parse(cards.get('q2')!.due)).toBeLessThan(Date.parse(cards.get('q1')!.due));
    expect(dueCount(p, later(1), ['day1'])).toBe(1);
    expect(dueCount(p, T0, ['day1'])).toBe(0);
  });

  it('without the scheduler (a test store), steps are kept and no card is made', () => {
    const p = emptyProgress();
    applyOutcome(p, 'day1', answered('q1', 'A Pod'), T0, 0);
    expect(p.lessons.get('day1')!.cards.size).toBe(0);
  });

  it('questions settled before cards existed get cards derived from their records, scheduled from when they settled', async () => {
    const s = await loadScheduler();
    const p = emptyProgress();
    applyOutcome(p, 'day1', seen('intro'), T0, 0);
    applyOutcome(p, 'day1', answered('q1', 'A Pod'), T0, 0);
    applyOutcome(p, 'day1', answered('q2', 'A VM', false), T0, 0);
    expect(deriveCards(p, s)).toEqual(new Set(['day1']));
    const cards = p.lessons.get('day1')!.cards;
    expect(cards.get('q2')).toEqual(s.first('choice', 'again', T0));
    expect(cards.get('q1')).toEqual(s.first('choice', 'good', T0));
    expect(deriveCards(p, s)).toEqual(new Set());
    // The first save with the scheduler at hand derives the others' too, and says it changed them.
    const q = emptyProgress();
    applyOutcome(q, 'day1', answered('q1', 'A Pod'), T0, 0);
    applyOutcome(q, 'day3', seen('intro'), T0, 0);
    expect(applyOutcome(q, 'day2', answered('q9', 'Yes'), later(1), 0, s)).toEqual(new Set(['day1', 'day2']));
    expect(q.lessons.get('day1')!.cards.has('q1')).toBe(true);
    expect(applyOutcome(q, 'day2', answered('q8', 'No'), later(1), 0, s)).toEqual(new Set(['day2']));
  });

  it('a save with the scheduler still derives what became cardless since the last one: a question settled without it, a card of another type', async () => {
    const s = await loadScheduler();
    const p = emptyProgress();
    applyOutcome(p, 'day1', answered('q1', 'A Pod'), T0, 0, s);
    // Nothing to derive: every question has its card.
    expect(applyOutcome(p, 'day3', answered('q3', 'A Pod'), T0, 0, s)).toEqual(new Set(['day3']));
    applyOutcome(p, 'day2', answered('q2', 'A VM'), T0, 0);
    expect(applyOutcome(p, 'day3', answered('q4', 'A Pod'), T0, 0, s)).toEqual(new Set(['day2', 'day3']));
    expect(p.lessons.get('day2')!.cards.get('q2')).toEqual(s.first('choice', 'good', T0));
    applyReview(p, 'day1', 'q1', { ...s.first('choice', 'good', T0), type: 'manifest' });
    expect(deriveCards(p, s)).toEqual(new Set(['day1']));
    expect(p.lessons.get('day1')!.cards.get('q1')?.type).toBe('choice');
    // Deriving with the lessons leaves an outgrown record without a card; deriving without them gives it one, as before.
    expect(deriveCards(p, s, [lesson('day1', [['q1', 'text']])])).toEqual(new Set(['day1']));
    expect(deriveCards(p, s)).toEqual(new Set(['day1']));
  });

  it('a card of a step that is gone or changed type is left out and dropped, never asked stale', async () => {
    const s = await loadScheduler();
    const p = emptyProgress();
    for (const id of ['kept', 'gone', 'retyped']) applyOutcome(p, 'day1', answered(id, 'x', false), T0, 0, s);
    const now = lesson('day1', [
      ['kept', 'choice'],
      ['retyped', 'manifest'],
      ['new', 'text'],
    ]);
    const record = p.lessons.get('day1')!;
    expect(liveCards(record, now).map(([id]) => id)).toEqual(['kept']);
    expect(lessonDue(record, later(2), now)).toEqual({ due: 1, cards: 1 });
    // Without the lesson loaded (a lesson start counting other lessons' cards), every card counts.
    expect(lessonDue(record, later(2)).due).toBe(3);
    expect(dueCount(p, later(2), [now])).toBe(1);
    expect(deriveCards(p, s, [now])).toEqual(new Set(['day1']));
    expect([...record.cards.keys()]).toEqual(['kept']);
    // The retyped step's old record does not bring its card back.
    expect(deriveCards(p, s, [now])).toEqual(new Set());
  });

  it('the next due time is the earliest card not due yet', async () => {
    const s = await loadScheduler();
    const p = emptyProgress();
    applyOutcome(p, 'day1', answered('missed', 'x', false), T0, 0, s);
    applyOutcome(p, 'day1', answered('right', 'x'), T0, 0, s);
    const record = p.lessons.get('day1')!;
    expect(lessonDue(record, T0)).toEqual({ due: 0, cards: 2, next: record.cards.get('missed')!.due });
    expect(lessonDue(record, later(1))).toEqual({ due: 1, cards: 2, next: record.cards.get('right')!.due });
  });

  it('a review moves the card and leaves the lesson alone; a reset lesson is not brought back', () => {
    const fake: Scheduler = {
      first: (type, _r, at): ReviewCard => ({
        type,
        due: at.toISOString(),
        stability: 1,
        difficulty: 5,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 1,
        lapses: 0,
        state: 'review',
      }),
      next: (card, _r, at) => ({ ...card, due: new Date(at.getTime() + 5 * DAY).toISOString(), reps: card.reps + 1 }),
    };
    const p: Progress = emptyProgress();
    applyOutcome(p, 'day1', answered('q1', 'x'), T0, 0, fake);
    const updated = p.lessons.get('day1')!.updated;
    const moved = fake.next(p.lessons.get('day1')!.cards.get('q1')!, 'good', later(1));
    expect(applyReview(p, 'day1', 'q1', moved)).toBe(true);
    expect(p.lessons.get('day1')!.cards.get('q1')).toEqual(moved);
    expect(p.lessons.get('day1')!.updated).toBe(updated);
    expect(applyReview(p, 'day2', 'q1', moved)).toBe(false);
    expect(p.lessons.has('day2')).toBe(false);
  });
});
