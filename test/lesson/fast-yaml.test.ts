/**
 * The quick YAML load gives a value only where the full parse gives the same
 * value with no problem at all; anywhere else it must give nothing (the
 * full parse then speaks). Scalars must resolve as the yaml package's
 * YAML 1.2 core schema resolves them, not as js-yaml's default schema does.
 */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastYaml, mayMatchSpace, schema } from '../../src/lesson/fast-yaml.js';
import { parseYaml } from '../../src/lesson/yaml-source.js';
import { fcOptions } from '../helpers/fuzz.js';
import { growth } from '../helpers/growth.js';

/** The fast value, after checking it against the full parse; undefined when the fast load deferred. */
function agreed(text: string): { value: unknown } | undefined {
  const fast = fastYaml(text, ['next']);
  if (!fast) return undefined;
  const full = parseYaml(text);
  expect(full.ok ? [] : full.problems, JSON.stringify(text)).toEqual([]);
  if (full.ok) expect(fast.value, JSON.stringify(text)).toStrictEqual(full.parsed.value);
  return { value: fast.value };
}

// Plain scalars whose meaning differs between YAML 1.1, js-yaml's default schema and YAML 1.2's core schema.
const TRICKY = [
  '0b1',
  '0o17',
  '0O17',
  '0x1F',
  '0X1F',
  '0x',
  '017',
  '012',
  '+1',
  '-1',
  '+0',
  '-0',
  '1_000',
  '1,000',
  '1e3',
  '1E3',
  '1e+3',
  '-1.5e-3',
  '1.',
  '.5',
  '+.5',
  '1.0',
  '1.50',
  '.inf',
  '-.inf',
  '+.Inf',
  '.INF',
  '.NaN',
  '.nan',
  '.NAN',
  '.Nan',
  'NaN',
  'inf',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'Yes',
  'Y',
  'n',
  '2026-01-01',
  '2026-01-01T10:00:00Z',
  '2001-12-14 21:59:43.10 -5',
  '12:30:00',
  '190:20:30',
  "'012'",
  '"0x1F"',
  "'true'",
  '"~"',
  '9007199254740993',
  '123456789012345678901234567890',
  '0x123456789abcdef0123',
  '1e400',
  '-1e400',
  '0.1e-400',
  '=',
  '<<',
  '!',
  'a: b',
  '- a',
  '"a\\x41\\u263A\\N\\_\\L\\P"',
  "'it''s'",
  '"\\t"',
  '"line\\\nfolded"',
  '',
  '""',
  "''",
];

describe('scalars resolve as the yaml package core schema resolves them', () => {
  it.each(TRICKY.filter((s) => s !== '!'))('in the fast schema: %s', (s) => {
    // (Keys: a null key is spelt differently once stringified, which the fast load checks itself.)
    for (const text of [`v: ${s}\n`, `[${s}]\n`, `- ${s}\n`]) {
      let full: unknown;
      try {
        full = parse(text, { strict: true, uniqueKeys: false, customTags: [] });
      } catch {
        continue;
      }
      expect(load(text, { schema }), text).toStrictEqual(full);
    }
  });

  it.each(TRICKY)('in the fast load: %s', (s) => {
    const got = agreed(`v: ${s}\n`);
    agreed(`${s}: v\n`);
    agreed(`v: [${s}]\n`);
    // The table's scalars are simple enough for the fast load, but for nulls (no lesson has one), a tag, nested nodes and a line folded at column 0.
    if (!['~', 'null', 'Null', 'NULL', '', '!', 'a: b', '- a', '"line\\\nfolded"'].includes(s)) expect(got).toBeDefined();
  });

  it('takes text with a space for a string only while no core tag may match a space', () => {
    for (const re of [/a.b/, /a\\.b/, /\s/, /\S+/, /\D/, /[^a]/, /a b/, /\u0020/, /\p{Zs}/u])
      expect(mayMatchSpace(re), String(re)).toBe(true);
    for (const re of [/a\.b/, /^[-+]?[0-9]+$/, /^(?:~|[Nn]ull|NULL)?$/]) expect(mayMatchSpace(re), String(re)).toBe(false);
    // And a spaced number is a string in both parsers.
    expect(load('[1 2, 1 .5, true ]\n', { schema })).toStrictEqual(parse('[1 2, 1 .5, true ]\n'));
  });

  it('gives numbers, booleans and nulls the core schema way, strings for YAML 1.1 spellings', () => {
    expect(load('[0o17, 0x1F, 1e3, .inf, ~, Null, True, yes, on, 0b1, 1_000, 2026-01-01, 012, 1.50]\n', { schema })).toStrictEqual([
      15,
      31,
      1000,
      Number.POSITIVE_INFINITY,
      null,
      null,
      true,
      'yes',
      'on',
      '0b1',
      '1_000',
      '2026-01-01',
      12,
      1.5,
    ]);
  });
});

describe('what js-yaml and the yaml package may disagree on defers or agrees', () => {
  const cases: [string, string][] = [
    ['a merge key', 'base: &b {x: 1}\nv:\n  <<: *b\n  y: 2\n'],
    ['a << key without anchors', 'v:\n  <<: {x: 1}\n'],
    ['a tab as indentation', 'v:\n\t- a\n'],
    ['a tab in a value', 'v: a\tb\n'],
    ['two documents', 'v: 1\n---\nv: 2\n'],
    ['an end marker then content', 'v: 1\n...\nw: 2\n'],
    ['a leading document marker', '---\nv: 1\n'],
    ['duplicate keys', 'v: 1\nv: 2\n'],
    ['keys equal once stringified', '1: a\n"1": b\n'],
    ['a timestamp', 'v: 2001-12-14t21:59:43.10-05:00\n'],
    ['a binary tag', 'v: !!binary aGVsbG8=\n'],
    ['a str tag', 'v: !!str 1\n'],
    ['an int tag', 'v: !!int "1"\n'],
    ['a custom tag', 'v: !foo bar\n'],
    ['a non-specific tag', 'v: ! 1\n'],
    ['a verbatim tag', 'v: !<tag:yaml.org,2002:str> 1\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\nv: yes\n'],
    ['a TAG directive', '%TAG !e! tag:example.com,2000:\n---\nv: !e!x 1\n'],
    ['a collection as a key', '? [id]\n: x\n'],
    ['a flow collection as a key', '{[id]: x}\n'],
    ['a mapping as a key', '? {a: 1}\n: x\n'],
    ['a scalar alias', 'a: &x 1\nb: *x\n'],
    ['an undefined alias', 'a: *x\n'],
    ['an anchor alone', 'a: &x 1\n'],
    ['a __proto__ key', '__proto__: {polluted: 1}\n'],
    ['CRLF line ends', 'v: 1\r\nw: "a\r\n  b"\r\n'],
    ['a byte order mark', '\uFEFFv: 1\n'],
    ['a control character', 'v: a\u0007b\n'],
    ['an escape character', 'v: "\\e[2J"\n'],
    ['comment without space', 'v: a#b\n'],
    ['a long implicit key', `${'k'.repeat(1100)}: v\n`],
    ['a multi-line implicit key', '"a\n b": v\n'],
    ['a folded block', 'v: >-\n  a\n  b\n\n  c\n'],
    ['a literal block keeping ends', 'v: |+\n  a\n\n'],
    ['an indentation indicator', 'v: |2\n    a\n  b\n'],
    ['a multi-line plain scalar', 'v: a\n  b\n\n  c\n'],
    ['a multi-line quoted scalar', 'v: "a\n  b \\\n  c"\n'],
    ['a flow mapping with a lone key', '{a, b: 1}\n'],
    ['an empty value', 'v:\nw: ~\n'],
    ['an empty document', ''],
    ['a comment only', '# nothing\n'],
    ['a root scalar', 'just text\n'],
    ['nesting past the limit', `${'['.repeat(70)}${']'.repeat(70)}\n`],
    ['block nesting past the limit', `${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`],
    ['brackets in a block scalar', `v: |\n  ${'['.repeat(70)}\n`],
  ];
  it.each(cases)('%s', (_, text) => {
    agreed(text);
  });

  it('an alias bomb does not hang and defers', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 30; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    expect(fastYaml(`${lines.join('\n')}\n`)).toBeUndefined();
  });

  it('a shared object is never accepted, whatever made it', () => {
    expect(fastYaml('a: &x {b: 1}\nc: *x\n')).toBeUndefined();
  });
});

describe('where a top-level value starts, as the full parse places it', () => {
  const cases: [string, string][] = [
    ['next: day2\n', 'day2'],
    ['id: a\nnext:   day2   # then\n', 'day2'],
    ['next: "day2"\n', 'day2'],
    ["next: 'day2'\n", 'day2'],
    ['next:\n  day2\n', 'day2'],
    ['next: # why\n  # more\n  day2\n', 'day2'],
    ['{id: a, next: day2}\n', 'day2'],
    ['"next": day2\n', 'day2'],
    ['next : day2\n', 'day2'],
    ['title: next\nnext: day2\n', 'day2'],
    ['t: é\nnext: día2\n', 'día2'],
  ];
  it.each(cases)('%j', (text, raw) => {
    const fast = fastYaml(text, ['next']);
    const full = parseYaml(text);
    if (!full.ok) throw new Error('the case must parse');
    const node = full.parsed.doc.get('next', true) as { range: [number] };
    expect(fast?.valueAt('next', raw)).toEqual(full.parsed.position(node.range[0]));
  });

  it('gives nothing where the text there is not the value as written', () => {
    expect(fastYaml('next: "day\\x32"\n', ['next'])?.valueAt('next', 'day2')).toBeUndefined();
    expect(fastYaml('next: |\n  day2\n', ['next'])?.valueAt('next', 'day2\n')).toBeUndefined();
    expect(fastYaml('next: day2\n', ['next'])?.valueAt('next', 'day')).toBeUndefined();
    expect(fastYaml('a:\n  next: day2\n', ['next'])?.valueAt('next', 'day2')).toBeUndefined();
  });
});

/** Bits of YAML, to make texts that stress both parsers. */
const piece = fc.constantFrom(
  'a',
  'b',
  'next',
  'id',
  ':',
  ': ',
  '- ',
  '-',
  '? ',
  ',',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\\',
  '#',
  ' #',
  '&a ',
  '*a',
  '!!str ',
  '!x ',
  '|',
  '>',
  '|-',
  '>+',
  '\n',
  '\n  ',
  '\n    ',
  '\n- ',
  ' ',
  '  ',
  '\t',
  '---',
  '...',
  '%YAML 1.2',
  '<<',
  '~',
  'null',
  'true',
  'yes',
  '0o7',
  '0x1F',
  '1e3',
  '.inf',
  '.nan',
  '012',
  '1_0',
  '2026-01-01',
  '-0',
  '1.50',
  'é',
  '\r\n',
  '\u2028',
  '\u0085',
);

/** Texts shaped like a lesson (keys, values, items at a few indents) made of those bits. */
const line = fc
  .tuple(
    fc.constantFrom('', '  ', '    ', '      '),
    fc.constantFrom('', '- ', '- - '),
    fc.constantFrom('id', 'next', 'a', 'b', '"q"', '<<', '1'),
    fc.constantFrom(': ', ': ', ':', ':\n'),
    fc.oneof(
      fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
      fc.constantFrom(
        'x',
        'day2',
        'a b',
        '"q r"',
        "'s t'",
        '1',
        'yes',
        '|\n        text',
        '>-\n        folded\n        more',
        '[a, b]',
        '{c: d}',
      ),
      fc.constantFrom('x', 'day2', 'a b', '"q r"'),
    ),
  )
  .map(([indent, dash, key, colon, value]) => `${indent}${dash}${key}${colon}${value}`);

describe('random YAML (fast-check; a failure prints its seed)', () => {
  it('a fast value is always the full parse value, with no problem', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        if (agreed(pieces.join(''))) accepted++;
      }),
      fcOptions({ numRuns: 3000 }),
    );
    // Not vacuous: some of these texts are simple enough for the fast load.
    expect(accepted).toBeGreaterThan(5);
  });

  it('the same for texts shaped like a lesson', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        if (agreed(`${lines.join('\n')}\n`)) accepted++;
      }),
      fcOptions({ numRuns: 3000 }),
    );
    // Most random indentation is invalid YAML; dozens of texts in a run are not.
    expect(accepted).toBeGreaterThan(10);
  });

  it('JSON is YAML: JSON-shaped values agree', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        agreed(JSON.stringify(value));
        agreed(JSON.stringify(value, null, 2));
      }),
      fcOptions({ numRuns: 500 }),
    );
  });
});

describe('time that grows linearly (growth per doubling, test/helpers/growth.ts)', () => {
  const load = (text: string) => fastYaml(text, ['next']);
  it('many keys, many items, many lines of one quoted scalar, many nested flow lines', () => {
    expect(growth(load, (n) => Array.from({ length: n }, (_, i) => `k${i}: v ${i}\n`).join(''), 2000)).toBeLessThan(3);
    expect(growth(load, (n) => `v:\n${Array.from({ length: n }, (_, i) => `  - [a${i}, "b"]\n`).join('')}`, 2000)).toBeLessThan(3);
    expect(growth(load, (n) => `v: "${Array.from({ length: n }, (_, i) => `w${i}`).join('\n  ')}"\n`, 2000)).toBeLessThan(3);
    expect(growth(load, (n) => `v: [[[${Array.from({ length: n }, (_, i) => `a${i}`).join(',\n  ')}]]]\n`, 2000)).toBeLessThan(3);
  });
});
