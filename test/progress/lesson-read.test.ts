/**
 * A lesson start reads its lesson's line of the progress file, not the
 * whole file: what it reads must be what reading the whole file gives, and
 * anything it is unsure of must send it to the whole read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lacksCards } from '../../src/progress/cards.js';
import { decode, encode } from '../../src/progress/format.js';
import { readLesson as readBytes } from '../../src/progress/lesson-read.js';
import type { Progress } from '../../src/progress/types.js';
import { fcOptions, mutations, mutantsTaken } from '../helpers/fuzz.js';
import { id, progress } from '../helpers/progress-arbitraries.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'progress');
const fixture = (version: number) => readFileSync(join(fixtures, `v${version}.json`), 'utf8');

function whole(text: string): Progress {
  const d = decode(text);
  if (d.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(d)}`);
  return d.progress;
}

/** What the start needs, from progress read whole: the other lessons' cards' due times. */
function dueOfOthers(p: Progress, lessonId: string): Map<string, number[]> {
  const due = new Map<string, number[]>();
  for (const [other, record] of p.lessons) {
    if (other !== lessonId)
      due.set(
        other,
        [...record.cards.values()].map((c) => Date.parse(c.due)),
      );
  }
  return due;
}

/** The reader works on the file's bytes. */
const readLesson = (text: string, lessonId: string) => readBytes(Buffer.from(text), lessonId);

const v4 = fixture(4);

describe('reading one lesson of the progress file', () => {
  it('gives what reading the whole file gives: the learner, the lesson, and the due times of the other lessons', () => {
    fc.assert(
      fc.property(progress, id, fc.boolean(), (p, other, ofFile) => {
        const text = encode(p);
        const lessonId = ofFile && p.lessons.size > 0 ? [...p.lessons.keys()][0]! : other;
        const read = readLesson(text, lessonId);
        // A lesson with a settled question and no card for it (a file from before cards): the whole read makes them.
        if (lacksCards(p)) {
          expect(read).toBeUndefined();
          return;
        }
        expect(read).toBeDefined();
        expect(read!.learner).toBe(p.learner);
        expect(read!.record).toEqual(p.lessons.get(lessonId));
        expect(read!.dueElsewhere).toEqual(dueOfOthers(p, lessonId));
      }),
      fcOptions({ numRuns: 300 }),
    );
  });

  it('reads the fixture of this version', () => {
    const read = readLesson(v4, 'day4')!;
    const p = whole(v4);
    expect(read.learner).toBe('5f0c2a9e7b3d4e61');
    expect(read.record).toEqual(p.lessons.get('day4'));
    expect(read.dueElsewhere).toEqual(new Map([['day5', [Date.parse('2025-03-05T18:20:00.000Z')]]]));
    expect(readLesson(v4, 'day6')).toEqual({ learner: '5f0c2a9e7b3d4e61', record: undefined, dueElsewhere: dueOfOthers(p, 'day6') });
  });

  it('finds lines by ids of any script, which take more bytes than characters', () => {
    const p = whole(v4);
    for (const id of ['día5', '日本語', 'x\u2028y']) p.lessons.set(id, p.lessons.get('day5')!);
    const text = encode(p);
    for (const id of ['día5', '日本語', 'x\u2028y', 'day4']) {
      const read = readLesson(text, id)!;
      expect(read.record, id).toEqual(p.lessons.get(id));
      expect(read.dueElsewhere, id).toEqual(dueOfOthers(p, id));
    }
  });

  it('leaves older versions and other layouts of the same document to the whole read', () => {
    for (const version of [1, 2, 3]) expect(readLesson(fixture(version), 'day4'), `v${version}`).toBeUndefined();
    const pretty = `${JSON.stringify(JSON.parse(v4), null, 2)}\n`;
    expect(whole(pretty)).toEqual(whole(v4));
    expect(readLesson(pretty, 'day4')).toBeUndefined();
    expect(readLesson(v4.replaceAll('\n', '\r\n'), 'day4')).toBeUndefined();
    expect(readLesson(`${v4}\n`, 'day4')).toBeUndefined();
    expect(readLesson(v4.slice(0, -1), 'day4')).toBeUndefined();
  });

  it('leaves to the whole read a file whose head or lines do not match: a lesson without its due times, a line twice, a bad due time or learner', () => {
    const [head, day4, day5, ...rest] = v4.split('\n') as [string, string, string, ...string[]];
    const withHead = (h: string) => [h, day4, day5, ...rest].join('\n');
    expect(readLesson(withHead(head.replace(/,"day5":\[[^\]]*\]/, '')), 'day4')).toBeUndefined();
    expect(readLesson(withHead(head.replace('1741198800000', '"2025-03-05T18:20:00.000Z"')), 'day4')).toBeUndefined();
    expect(readLesson(withHead(head.replace('"5f0c2a9e7b3d4e61"', '"Ann"')), 'day4')).toBeUndefined();
    expect(readLesson(withHead(head.replace('"version":4', '"version":5')), 'day4')).toBeUndefined();
    expect(readLesson([head, day4, day4, day5, ...rest].join('\n'), 'day4')).toBeUndefined();
    expect(readLesson([head, day5.replace(/^"day5"/, '"day4"'), day5, ...rest].join('\n'), 'day5')).toBeUndefined();
  });

  it("checks the lesson's own line as the whole read does, and leaves the other lines to the whole read", () => {
    const broken = v4.replace('"spentMs":300000}', '"spentMs":"long"}');
    expect(decode(broken).kind).toBe('corrupt');
    expect(readLesson(broken, 'day5')).toBeUndefined();
    // The first save reads the file whole, and finds it then.
    expect(readLesson(broken, 'day4')?.record).toEqual(whole(v4).lessons.get('day4'));
    expect(readLesson(v4.replace('"day5":{"started"', '"day5":{"started":'), 'day5')).toBeUndefined();
  });

  it('never reads a lesson, a learner or a due time other than the whole read gives, whatever the edit to the file', () => {
    const written = v4.split('\n');
    const edit = mutations({ maxDelete: 6, insert: fc.constantFrom('"', ',', '{', '}', ':', '\n', '1', 'x', ' ', '[', ']', '\\') });
    for (const lessonId of ['day4', 'day5']) {
      const taken = mutantsTaken(
        v4,
        edit,
        (text) => {
          const read = readLesson(text, lessonId);
          if (!read) return false;
          const d = decode(text);
          if (d.kind === 'ok') {
            expect(read.learner).toBe(d.progress.learner);
            expect(read.record).toEqual(d.progress.lessons.get(lessonId));
            // `due` is derived from the cards at every save: an edit of the head, or of a card's due time, shows at the next save.
            const elsewhereAsWritten = text.split('\n').every((l, i) => l === written[i] || l.startsWith(`"${lessonId}":`));
            if (elsewhereAsWritten) expect(read.dueElsewhere).toEqual(dueOfOthers(d.progress, lessonId));
          } else {
            // Only another lesson's line may be what is wrong: the head and this lesson's line alone read whole as read here.
            const lines = text.split('\n');
            const own = lines.find((l) => l.startsWith(`"${lessonId}":`))?.replace(/,$/, '');
            const alone = whole(`${lines[0]}${own === undefined ? '' : `\n${own}`}\n}}\n`);
            expect(read.record).toEqual(alone.lessons.get(lessonId));
            expect(read.learner).toBe(alone.learner);
          }
          return true;
        },
        400,
      );
      expect(taken, lessonId).toBeGreaterThan(10);
    }
  });
});
