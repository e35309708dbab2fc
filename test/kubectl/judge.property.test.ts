/**
 * The reader under random input (fast-check; a failure prints its seed):
 * every spelling of a course command that kubectl reads the same is judged
 * right, and any single-word edit of one is judged without a crash, with
 * one-line feedback when wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeCommand } from '../../src/kubectl/judge.js';
import { readCommand, type Reading } from '../../src/kubectl/read.js';
import { shellQuote, spell } from '../../src/kubectl/spell.js';
import { splitLine } from '../../src/kubectl/shell.js';
import { COURSE_COMMANDS } from './corpus.js';

const readings: [string, Reading][] = COURSE_COMMANDS.map((line) => {
  const r = readCommand(line);
  if (!r.ok) throw new Error(`${line}: ${r.problem.message}`);
  return [line, r.reading];
});

/** A stream of numbers in [0, 1) from fast-check, so a failure replays. */
const picks = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 64, maxLength: 64 });
const picker = (xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length]!;
};

const WORDS = [
  '-n',
  '-l',
  '--namespace',
  '-o',
  'wide',
  '--',
  '-it',
  'pods',
  'po',
  'svc',
  'web',
  'app=web',
  '--watch',
  '-A',
  'get',
  'describe',
  'logs',
  '|',
  '"',
  "'",
  '$(x)',
  '--namspace',
  '-',
  '=',
  '',
];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ maxLength: 6, unit: 'binary' }));

type Edit =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'replace' | 'insert'; at: number; word: string }
  | { kind: 'swap'; at: number; with: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('replace' as const, 'insert' as const), at: fc.nat(), word }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
);

function applyEdit(line: string, e: Edit): string {
  const words = splitLine(line).words.map((w) => shellQuote(w.text));
  const at = e.at % (words.length + (e.kind === 'insert' ? 1 : 0));
  if (e.kind === 'delete') words.splice(at, 1);
  else if (e.kind === 'duplicate') words.splice(at, 0, words[at]!);
  else if (e.kind === 'replace') words[at] = e.word;
  else if (e.kind === 'insert') words.splice(at, 0, e.word);
  else if (e.kind === 'swap') {
    const other = e.with % words.length;
    [words[at], words[other]] = [words[other]!, words[at]!];
  }
  return words.join(' ');
}

describe('the judge under random spellings and edits', () => {
  it('judges right every equivalent spelling of a course command: aliases, flag forms, flag order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...readings), picks, ([line, reading], xs) => {
        const answer = spell(reading, picker(xs));
        expect(judgeCommand([line], [], answer), `${line}  vs  ${answer}`).toEqual({ right: true, feedback: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('judges any single-word edit without a crash, with one-line feedback when wrong', () => {
    fc.assert(
      fc.property(fc.constantFrom(...readings), picks, edit, ([line, reading], xs, e) => {
        const answer = applyEdit(spell(reading, picker(xs)), e);
        const j = judgeCommand([line], ['-o'], answer);
        if (j.right) expect(j.feedback).toEqual([]);
        else {
          expect(j.feedback.length).toBeGreaterThanOrEqual(1);
          expect(j.feedback.length).toBeLessThanOrEqual(3);
          for (const l of j.feedback) {
            expect(l.trim().length).toBeGreaterThan(0);
            expect(l).not.toMatch(/\n/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads arbitrary text without a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const r = readCommand(`kubectl ${text}`);
        if (!r.ok) expect(r.problem.message).not.toMatch(/\n/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the course commands', () => {
  it('all read, and each plainest spelling reads back the same', () => {
    for (const [line, reading] of readings) expect(judgeCommand([line], [], spell(reading)), line).toEqual({ right: true, feedback: [] });
  });
});
