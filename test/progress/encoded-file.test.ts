/**
 * A save encodes again only the lessons its change touched: whatever the
 * changes, the bytes must be those a full encode of the same progress gives.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StepOutcome } from '../../src/lesson/outcome.js';
import type { Scheduler } from '../../src/progress/cards.js';
import { encodeFile, sameBytes, type EncodedFile } from '../../src/progress/encoded-file.js';
import { encode } from '../../src/progress/format.js';
import { applyDraft, applyFinished, applyOutcome, applyReset, applyReview, applyTries } from '../../src/progress/records.js';
import { loadScheduler } from '../../src/progress/schedule.js';
import { emptyProgress, type Progress } from '../../src/progress/types.js';
import { fcOptions } from '../helpers/fuzz.js';
import { growth } from '../helpers/growth.js';
import { card, id, iso, progress } from '../helpers/progress-arbitraries.js';
import { answered, seen } from './helpers/outcomes.js';

let scheduler: Scheduler;
beforeAll(async () => {
  scheduler = await loadScheduler();
});

const bytesOf = (file: EncodedFile) => Buffer.concat(file.parts);

const outcome: fc.Arbitrary<StepOutcome> = fc.oneof(
  id.map(seen),
  fc.tuple(id, fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 })), fc.boolean()).map(([s, a, first]) => answered(s, a, first)),
);

/** A change as the store makes one, on one lesson; returns the lessons it says it touched. */
type Edit = (p: Progress) => ReadonlySet<string>;
const edit: fc.Arbitrary<Edit> = fc.oneof(
  // With the scheduler, a settled question also gives cards to other lessons' questions that have none.
  fc.tuple(id, outcome, iso, fc.boolean()).map(
    ([lesson, o, at, withScheduler]) =>
      (p: Progress) =>
        applyOutcome(p, lesson, o, new Date(at), 1000, withScheduler ? scheduler : undefined),
  ),
  fc.tuple(id, id, fc.string(), iso).map(([lesson, step, answer, at]) => (p: Progress) => {
    applyDraft(p, lesson, step, answer, new Date(at));
    return new Set([lesson]);
  }),
  fc.tuple(id, id, fc.array(fc.string(), { maxLength: 2 }), iso).map(([lesson, step, picks, at]) => (p: Progress) => {
    applyTries(p, lesson, step, { attempts: picks.length, picks }, new Date(at));
    return new Set([lesson]);
  }),
  fc.tuple(id, iso).map(([lesson, at]) => (p: Progress) => {
    applyFinished(p, lesson, new Date(at));
    return new Set([lesson]);
  }),
  fc.tuple(id, id, card).map(
    ([lesson, step, c]) =>
      (p: Progress) =>
        new Set(applyReview(p, lesson, step, c) ? [lesson] : []),
  ),
  id.map((lesson) => (p: Progress) => {
    applyReset(p, lesson);
    return new Set([lesson]);
  }),
);

describe('the progress file encoded lesson by lesson', () => {
  it('is, after any changes, byte for byte the full encoding of the progress', () => {
    fc.assert(
      fc.property(progress, fc.array(edit, { minLength: 1, maxLength: 8 }), (p, edits) => {
        let file = encodeFile(p);
        expect(bytesOf(file).toString('utf8')).toBe(encode(p));
        for (const change of edits) {
          file = encodeFile(p, file.entries, change(p));
          const full = Buffer.from(encode(p), 'utf8');
          expect(bytesOf(file).toString('utf8')).toBe(full.toString('utf8'));
          expect(file.size).toBe(full.length);
          expect(sameBytes(file, full)).toBe(true);
        }
      }),
      fcOptions({ numRuns: 200 }),
    );
  });

  it('takes an unchanged lesson from before, and encodes every lesson when the change does not say which it touched', () => {
    const p = emptyProgress();
    applyOutcome(p, 'day1', seen('intro'), new Date(0), 0);
    applyOutcome(p, 'day2', seen('intro'), new Date(0), 0);
    const before = encodeFile(p);
    applyOutcome(p, 'day2', seen('next'), new Date(0), 0);
    const after = encodeFile(p, before.entries, new Set(['day2']));
    expect(after.entries.get('day1')).toBe(before.entries.get('day1'));
    expect(after.entries.get('day2')).not.toBe(before.entries.get('day2'));
    const all = encodeFile(p, after.entries, undefined);
    expect(all.entries.get('day1')).not.toBe(after.entries.get('day1'));
    expect(bytesOf(all).equals(bytesOf(after))).toBe(true);
  });

  it('tells bytes that differ anywhere from its own, in content or in length', () => {
    const p = emptyProgress();
    applyOutcome(p, 'day1', answered('q1', 'A Pod'), new Date(0), 0);
    applyOutcome(p, 'day2', seen('intro'), new Date(0), 0);
    const file = encodeFile(p);
    const bytes = bytesOf(file);
    expect(sameBytes(file, bytes)).toBe(true);
    for (const at of [0, bytes.indexOf('A Pod'), bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at]! + 1) % 256;
      expect(sameBytes(file, changed), `byte ${at}`).toBe(false);
    }
    expect(sameBytes(file, bytes.subarray(0, bytes.length - 1))).toBe(false);
    expect(sameBytes(file, Buffer.concat([bytes, Buffer.from('\n')]))).toBe(false);
  });

  it('costs about the same to save a change to one lesson with few other lessons in the file as with many', () => {
    const lesson = (p: Progress, id: string) => {
      for (let i = 0; i < 40; i++) applyOutcome(p, id, answered(`q${i}`, `answer ${i}`), new Date(0), 1000, scheduler);
    };
    const make = (others: number) => {
      const p = emptyProgress();
      for (let i = 0; i < others; i++) lesson(p, `day${i}`);
      lesson(p, 'open');
      return { p, before: encodeFile(p).entries };
    };
    const touched = new Set(['open']);
    // Linear in the file, as a full encode is, gives about 2 per doubling.
    expect(growth(({ p, before }) => encodeFile(p, before, touched), make, 8)).toBeLessThan(1.4);
  });
});
