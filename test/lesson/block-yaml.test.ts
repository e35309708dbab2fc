/**
 * The line-by-line reader of lesson-shaped YAML (block-yaml.ts) gives a
 * value only where the full parse gives the same value with no problem at
 * all, and takes the files it is for: the course's lessons and the lint
 * bench's generated ones. Differential, over those files, mutations of them
 * and small lesson-shaped texts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockYaml } from '../../src/lesson/block-yaml.js';
import { plainScalar } from '../../src/lesson/fast-yaml.js';
import { parseYaml } from '../../src/lesson/yaml-source.js';
import { fcOptions, mutantsTaken, mutations } from '../helpers/fuzz.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Whether blockYaml took the text; when it did, its value is the full parse's, which found no problem, and `next` starts where the full parse's node does. */
function agrees(text: string): boolean {
  const block = blockYaml(text, ['next'], plainScalar);
  if (!block) return false;
  const full = parseYaml(text);
  expect(full.ok ? [] : full.problems, JSON.stringify(text)).toEqual([]);
  if (!full.ok) return true;
  expect(block.value, JSON.stringify(text)).toStrictEqual(full.parsed.value);
  const start = block.valueStart.get('next');
  if (start !== undefined) {
    const node = full.parsed.doc.get('next', true) as { range: [number] };
    expect(start, JSON.stringify(text)).toBe(node.range[0]);
  }
  return true;
}

const lessons = readdirSync(join(ROOT, 'lessons'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(ROOT, 'lessons', f), 'utf8'));
const intro = readFileSync(join(ROOT, 'test', 'fixtures', 'lessons', 'good', 'intro.yaml'), 'utf8');

describe('the files it is for', () => {
  it("takes the course's lessons (but those with an escape in double quotes) and agrees", () => {
    for (const text of lessons) expect(agrees(text)).toBe(!/"[^"\n]*\\/.test(text));
  });

  it("takes the lint bench's generated lessons and agrees", async () => {
    const { writeLessonPack } = (await import(join(ROOT, 'bench', 'fixtures.mjs'))) as {
      writeLessonPack: (dir: string, lessons: number, steps: number) => string;
    };
    const dir = writeLessonPack(mkdtempSync(join(tmpdir(), 'kube-learn-pack-')), 3, 12);
    try {
      for (const f of readdirSync(dir)) expect(agrees(readFileSync(join(dir, f), 'utf8'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('mutated lessons (fast-check; a failure prints its seed)', () => {
  const mutation = mutations({
    maxDelete: 8,
    lineEdits: true,
    insert: fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom(
        ':',
        ': ',
        ' :',
        '- ',
        '-',
        ' #',
        '#',
        '\n',
        '\n  ',
        '\n\n',
        '  ',
        ' ',
        "'",
        "''",
        '"',
        '\\',
        '[',
        ']',
        ', ',
        ',',
        '{',
        '|',
        '|-',
        '>',
        '>-',
        '|+',
        '? ',
        '&a ',
        '*a',
        '!',
        '~',
        'null',
        'true',
        'True',
        '0x1F',
        '1e3',
        '.5',
        '12',
        'next: day9\n',
        'id: x\n',
        '__proto__: 1\n',
        '\u00a0',
        '\u2028',
        '\uFEFF',
        '\t',
        '\r\n',
      ),
    ),
  });

  for (const [name, base] of [
    ['the good fixture', intro],
    ['day 1', lessons[0]!],
  ] as const) {
    it(`${name}: taken only where the full parse agrees`, () => {
      const taken = mutantsTaken(base, mutation, agrees, name === 'day 1' ? 200 : 600);
      // Not vacuous: many edits land inside text and leave YAML it reads.
      expect(taken).toBeGreaterThan(name === 'day 1' ? 20 : 100);
    });
  }
});

describe('small lesson-shaped texts (fast-check)', () => {
  const word = fc.constantFrom('id', 'title', 'next', 'steps', 'type', 'a', 'b', 'x-y', '$s', 'true', 'null', 'no');
  const scalar = fc.oneof(
    fc.constantFrom(
      'day2',
      'a b',
      'x: y',
      'a #b',
      'a#b',
      '-o',
      '--w',
      '- x',
      'https://a.b/c',
      "'q'",
      "'it''s'",
      '"d"',
      '"e\\"',
      '1',
      '0o7',
      '.inf',
      '~',
      '',
    ),
    fc.constantFrom('[a, b]', '[]', '[ a ,b ]', '[\'a\', "b"]', '[a,]', '[a, [b]]', '[a: b]', '[a] # c', '|', '|-', '>', '>-', '|2'),
  );
  const pad = fc.constantFrom('', '', '', ' ', '  ');
  // An entry of a mapping at `at` spaces: a scalar on its line, or a list of scalars or of small mappings below it.
  const entry = (at: string) =>
    fc.oneof(
      fc.tuple(word, scalar, pad).map(([k, v, p]) => `${at}${k}: ${v}${p === '' ? '' : `\n${at}${p}${'x'}`}`),
      fc
        .tuple(word, fc.array(scalar, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '  '), pad)
        .map(([k, items, i, p]) => `${at}${k}:\n${items.map((v) => `${at}${i}${p}- ${v}`).join('\n')}`),
      fc
        .tuple(word, fc.array(fc.tuple(word, scalar, word, scalar), { minLength: 1, maxLength: 2 }), pad)
        .map(
          ([k, items, p]) =>
            `${at}${k}:\n${items.map(([k1, v1, k2, v2]) => `${at}  - ${k1}: ${v1}\n${at}  ${p}  ${k2}: ${v2}`).join('\n')}`,
        ),
      fc.tuple(word, scalar, pad).map(([k, v, p]) => `${at}${k}: |\n${at}  ${v}\n${at}${p}  more ${v}`),
      fc.constantFrom(`${at}# c`, ''),
    );
  const text = fc.array(entry(''), { minLength: 1, maxLength: 5 }).map((entries) => `${entries.join('\n')}\n`);
  it('a taken text is the full parse value', () => {
    let taken = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (agrees(t)) taken++;
      }),
      fcOptions({ numRuns: 3000 }),
    );
    expect(taken).toBeGreaterThan(100);
  });
});
