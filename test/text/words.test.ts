import { describe, expect, it } from 'vitest';
import { day } from '../../src/text/words.js';

describe('day', () => {
  it("is the calendar day in the learner's time zone, as the en-CA locale writes it", () => {
    // Every 7 hours over three years: every hour of the day, month ends, leap day, DST changes.
    const start = Date.parse('2023-12-30T00:00:00Z');
    for (let t = start; t < start + 3 * 366 * 86_400_000; t += 7 * 3_600_000) {
      const iso = new Date(t).toISOString();
      expect(day(iso)).toBe(new Date(iso).toLocaleDateString('en-CA'));
    }
  });

  it('reads a time with an offset as the instant it names', () => {
    expect(day('2026-03-01T00:30:00+14:00')).toBe(new Date('2026-02-28T10:30:00Z').toLocaleDateString('en-CA'));
  });
});
