/**
 * lint's fast path for lesson files: whatever it accepts, the full load
 * accepts with no problem at all, the same lesson and `next` at the same
 * place; anything else it leaves to the full load. Over every lesson file
 * of the repository, mutations of them, and files where js-yaml and the
 * yaml package are known to differ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCleanText } from '../../src/lesson/fast-load.js';
import { loadLessonText } from '../../src/lesson/load.js';
import { compilePattern } from '../../src/text/pattern.js';
import { mutantsTaken, mutations } from '../helpers/fuzz.js';

const ROOT = join(import.meta.dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const LESSON_FILES = [...yamlFiles(join(ROOT, 'lessons')), ...yamlFiles(join(ROOT, 'test', 'fixtures'))];

/** The full load's lesson and `next` position, when it finds no problem at all. */
function fullClean(text: string) {
  const full = loadLessonText(text, 'f.yaml', compilePattern);
  if (full.problems.length > 0 || !full.lesson) return undefined;
  return { lesson: full.lesson, ...(full.lesson.next === undefined ? {} : { nextAt: full.locate!(['next']) }) };
}

/** Whether the fast path accepted the text; when it did, it agrees with the full load. */
function agrees(text: string): boolean {
  const fast = loadCleanText(text, compilePattern);
  if (!fast) return false;
  expect(fast, JSON.stringify(text.slice(0, 200))).toStrictEqual(fullClean(text));
  return true;
}

describe('the fast path on every lesson file of the repository', () => {
  it.each(LESSON_FILES.map((f) => [f.slice(ROOT.length + 1), f]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const accepted = agrees(text);
    // Not vacuous: the course's lessons and the clean fixtures are what the fast path is for.
    if (fullClean(text) !== undefined && !/\t|\r|(?:^|\s)!/.test(text)) expect(accepted).toBe(true);
  });
});

const day5 = readFileSync(join(ROOT, 'lessons', 'day5.yaml'), 'utf8');
const intro = readFileSync(join(ROOT, 'test', 'fixtures', 'lessons', 'good', 'intro.yaml'), 'utf8');

describe('mutated lessons (fast-check; a failure prints its seed)', () => {
  const mutation = mutations({
    maxDelete: 12,
    lineEdits: true,
    insert: fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom(
        ':',
        ': ',
        '- ',
        '\t',
        '&a ',
        '*a',
        '!!str ',
        '!x ',
        '? ',
        '---\n',
        '...\n',
        '%YAML 1.1\n',
        '"',
        "'",
        '\\',
        '[',
        ']',
        '{',
        '}',
        '\n',
        '\n  ',
        '  ',
        '#',
        ' # c',
        '<<: ',
        '|',
        '>-',
        '|+',
        '~',
        'null',
        'yes',
        'on',
        '0o17',
        '0x1F',
        '1e3',
        '.inf',
        '2026-01-01',
        '012',
        '1_000',
        'next: day9\n',
        'correct: true\n',
        'shuffle: false\n',
        '\r\n',
        '\u0085',
        '\u2028',
        '\uFEFF',
        '\u001b[2J',
      ),
    ),
  });

  for (const [name, base] of [
    ['the good fixture', intro],
    ['day 5', day5],
  ] as const) {
    it(`${name}: accepted only where the full load agrees`, () => {
      const accepted = mutantsTaken(base, mutation, agrees, name === 'day 5' ? 150 : 400);
      // Many edits land inside text and leave a valid lesson: those the fast path takes.
      expect(accepted).toBeGreaterThan(name === 'day 5' ? 10 : 40);
    });
  }
});

describe('lesson files where js-yaml and the yaml package differ defer or agree', () => {
  const edits: [string, (t: string) => string][] = [
    ['a << merge key at the top', (t) => `<<: {summary: merged}\n${t}`],
    ['an anchor and alias', (t) => t.replace(/^id: (.*)$/m, 'id: &i $1').replace(/^title: .*$/m, 'title: *i')],
    ['a tab in a text', (t) => t.replace(/^title: (.*)$/m, 'title: "a\tb"')],
    ['a second document', (t) => `${t}---\n${t}`],
    ['a duplicate key', (t) => `${t}title: Again\n`],
    ['a timestamp-looking title', (t) => t.replace(/^title: .*$/m, 'title: 2026-01-01')],
    ['a title that is a number', (t) => t.replace(/^title: .*$/m, 'title: 0x1F')],
    ['a tagged title', (t) => t.replace(/^title: (.*)$/m, 'title: !!str $1')],
    ['a YAML 1.1 directive', (t) => `%YAML 1.1\n---\n${t}`],
    ['a collection key', (t) => t.replace(/^title: (.*)$/m, '? [title]\n: $1')],
    ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['a byte order mark', (t) => `\uFEFF${t}`],
    ['a quoted next', (t) => t.replace(/^next: (.*)$/m, 'next: "$1"')],
    ['next on its own line', (t) => t.replace(/^next: (.*)$/m, 'next:\n  $1')],
    ['next with a comment', (t) => t.replace(/^next: (.*)$/m, 'next: $1 # then')],
    ['next with an escape', (t) => t.replace(/^next: d(.*)$/m, 'next: "\\x64$1"')],
    ['a line folded back to column 0 in quotes', (t) => t.replace(/^title: (.*)$/m, 'title: "$1\nmore"')],
    ['an implicit key past 1024 characters', (t) => t.replace(/^title: (.*)$/m, `title${' '.repeat(1100)}: $1`)],
  ];
  it.each(edits)('%s', (_, edit) => {
    agrees(edit(day5));
    agrees(edit(intro));
  });

  it('an alias bomb does not hang and defers', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 40; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    expect(loadCleanText(`${intro}bomb:\n  ${lines.join('\n  ')}\n`)).toBeUndefined();
  });
});
