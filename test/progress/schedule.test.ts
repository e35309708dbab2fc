/**
 * FSRS through ts-fsrs, as kube-learn sets it up: days, not minutes, between
 * reviews; the same answers give the same schedule. Time is set, never read.
 */
import { describe, expect, it } from 'vitest';
import { isDue, type Rating } from '../../src/progress/cards.js';
import { loadScheduler } from '../../src/progress/schedule.js';
import type { ReviewCard } from '../../src/progress/types.js';

const DAY = 86_400_000;
const T0 = new Date('2026-12-02T09:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const daysUntil = (card: ReviewCard, from: Date) => (Date.parse(card.due) - from.getTime()) / DAY;

describe('the FSRS schedule', () => {
  it('a question missed today is due within a day, and not before its time', async () => {
    const s = await loadScheduler();
    const card = s.first('choice', 'again', T0);
    expect(daysUntil(card, T0)).toBeGreaterThan(0);
    expect(daysUntil(card, T0)).toBeLessThanOrEqual(1);
    expect(isDue(card, T0)).toBe(false);
    expect(isDue(card, new Date(Date.parse(card.due) - 1))).toBe(false);
    expect(isDue(card, new Date(card.due))).toBe(true);
    expect(card).toMatchObject({ type: 'choice', reps: 1, lapses: 0, lastReview: T0.toISOString() });
  });

  it('a question answered Good several times is due weeks later, each interval longer than the last', async () => {
    const s = await loadScheduler();
    let card = s.first('text', 'good', T0);
    const intervals = [daysUntil(card, T0)];
    for (let i = 0; i < 3; i++) {
      const when = new Date(card.due);
      card = s.next(card, 'good', when);
      intervals.push(daysUntil(card, when));
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1]!);
    expect(intervals.at(-1)).toBeGreaterThanOrEqual(21);
    expect(card.reps).toBe(4);
  });

  it('rates Good over Hard over Again: the better the answer, the later the next review', async () => {
    const s = await loadScheduler();
    const due = (r: Rating) => daysUntil(s.first('choice', r, T0), T0);
    expect(due('again')).toBeLessThan(due('hard'));
    expect(due('hard')).toBeLessThan(due('good'));
  });

  it('a lapse after weeks of Good brings the question back within days, and counts the lapse', async () => {
    const s = await loadScheduler();
    let card = s.first('choice', 'good', T0);
    for (let i = 0; i < 3; i++) card = s.next(card, 'good', new Date(card.due));
    const when = new Date(card.due);
    const lapsed = s.next(card, 'again', when);
    expect(daysUntil(lapsed, when)).toBeLessThan(card.scheduledDays / 4);
    expect(lapsed.lapses).toBe(1);
  });

  it('gives the same schedule for the same answers at the same times (no fuzz)', async () => {
    const s = await loadScheduler();
    const run = () => s.next(s.first('multi', 'hard', T0), 'good', at(3));
    expect(run()).toEqual(run());
  });
});
