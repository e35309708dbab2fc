import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFileProblem, loadLessonFile, loadLessonText } from '../../src/lesson/load.js';
import { compilePattern } from '../../src/text/pattern.js';
import { MAX_FILE_BYTES } from '../../src/lesson/yaml-source.js';

const bad = (name: string) => `test/fixtures/lessons/bad/${name}.yaml`;

async function problems(file: string): Promise<string[]> {
  const result = await loadLessonFile(file);
  expect(result.lesson).toBeUndefined();
  return result.problems.map(formatFileProblem);
}

describe('loadLessonFile', () => {
  it('reads a file of exactly the size limit, and refuses one byte more', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-learn-size-'));
    const atLimit = join(dir, 'at-limit.yaml');
    const over = join(dir, 'over.yaml');
    const text = (bytes: number) => `id: big\n#${'x'.repeat(bytes - 10)}\n`;
    writeFileSync(atLimit, text(MAX_FILE_BYTES));
    writeFileSync(over, text(MAX_FILE_BYTES + 1));
    expect((await problems(atLimit)).join('\n')).not.toContain('larger than');
    expect(await problems(over)).toEqual([`${over}:1:1: file is larger than the 1 MiB limit`]);
  });

  it.runIf(existsSync('/proc/self/status'))('reads a file longer than its stat size said (a /proc file says 0)', async () => {
    // Parsed as YAML, it is a mapping of the process's status fields: no lesson, but read whole.
    const found = await problems('/proc/self/status');
    expect(found.join('\n')).not.toMatch(/larger than|cannot be read/);
    expect(found).toContainEqual(expect.stringMatching(/^\/proc\/self\/status:\d+:\d+: unknown field "Name"/));
  });

  it('refuses a field named by a list or a mapping, at the key', async () => {
    expect(await problems('test/fixtures/lessons/collection-key/ck.yaml')).toEqual([
      'test/fixtures/lessons/collection-key/ck.yaml:4:1: a field name must be plain text, not a list or a mapping',
    ]);
    const nested = await loadLessonText('id: x\nsteps:\n  - id: p\n    ? {a: 1}\n    : v\n', 'nested.yaml');
    expect(nested.problems.map(formatFileProblem)).toEqual(['nested.yaml:4:7: a field name must be plain text, not a list or a mapping']);
  });

  it('loads a valid lesson with every step type', async () => {
    const result = await loadLessonFile('test/fixtures/lessons/good/intro.yaml');
    expect(result.problems).toEqual([]);
    expect(result.lesson?.steps.map((s) => s.type)).toEqual(['explain', 'choice', 'multi', 'text', 'manifest']);
    // Defaults come from the schema.
    expect(result.lesson?.format).toBe(1);
  });

  it('reports a YAML syntax error where the parser lost its way', async () => {
    expect(await problems(bad('syntax'))).toEqual([
      `${bad('syntax')}:6:1: a "{" or "[" is not closed where YAML expects it (close it with "}" or "]", or write the value as indented lines instead)`,
    ]);
  });

  it('reports an unknown step type at the type value, naming the known ones', async () => {
    expect(await problems(bad('unknown-type'))).toEqual([
      `${bad('unknown-type')}:6:11: unknown step type; use one of: explain, choice, multi, text, command, manifest (at steps[0].type)`,
    ]);
  });

  it('reports a missing question at the step that lacks it', async () => {
    expect(await problems(bad('missing-question'))).toEqual([
      `${bad('missing-question')}:5:5: missing required field "question" (at steps[0].question)`,
    ]);
  });

  it('reports the second correct choice of a choice question', async () => {
    expect(await problems(bad('two-correct'))).toEqual([
      `${bad('two-correct')}:12:18: a choice question has exactly one correct choice; this is the second (use type: multi for several)`,
    ]);
  });

  it('reports the second of two steps with one id', async () => {
    expect(await problems(bad('duplicate-step'))).toEqual([`${bad('duplicate-step')}:9:9: step id "same" is used twice in this lesson`]);
  });

  it('reports a duplicate key at its second occurrence, in plain words', async () => {
    expect(await problems(bad('duplicate-key'))).toEqual([
      `${bad('duplicate-key')}:9:5: "title" is set twice in this mapping (first on line 7); each key may appear only once (remove one of the two, or merge them)`,
    ]);
  });

  it('refuses a lesson id that a command would shadow', async () => {
    expect(await problems(bad('reserved-id'))).toEqual([
      `${bad('reserved-id')}:1:5: lesson id "list" is also a kube-learn command; choose another`,
    ]);
  });

  it('reports every schema problem of a file, not just the first', () => {
    const text = [
      'id: many',
      'title: Many',
      'summary: Several problems.',
      'steps:',
      '  - id: a',
      '    type: text',
      '    question: Which?',
      '    acept: [x]',
      '  - id: B',
      '    type: explain',
      '    title: T',
      '    body: b',
    ].join('\n');
    expect(loadLessonText(text, 'm.yaml').problems.map(formatFileProblem)).toEqual([
      'm.yaml:5:5: missing required field "accept" (at steps[0].accept)',
      'm.yaml:8:5: unknown field "acept"; did you mean "accept"? (at steps[0].acept)',
      'm.yaml:9:9: id must be lowercase letters, digits and "-", starting with a letter or digit (at steps[1].id)',
    ]);
  });

  it('reports an unclosed quote where it opens', () => {
    expect(loadLessonText('id: x\ntitle: "Broken\nsummary: s\n', 'q.yaml').problems.map((p) => `${p.line}:${p.col}`)).toEqual(['2:8']);
  });

  it('says which file is missing instead of throwing', async () => {
    expect(await problems('test/fixtures/lessons/nope.yaml')).toEqual(['test/fixtures/lessons/nope.yaml:1:1: no such file']);
  });

  it('neutralises control characters in lesson text', () => {
    const text =
      'id: esc\ntitle: "Evil \\e[2J title"\nsummary: "bell \\a and \\u009b"\nsteps:\n  - {id: a, type: explain, title: A, body: B}\n';
    const { lesson } = loadLessonText(text, 'e.yaml');
    expect(lesson?.title).toBe('Evil \u241b[2J title');
    expect(lesson?.summary).toBe('bell \u2407 and <U+009B>');
  });
});

describe('manifest step rules', () => {
  it('reports a check with two operators and a check path that does not parse', () => {
    const text = [
      'id: m',
      'title: M',
      'summary: S',
      'steps:',
      '  - id: pod',
      '    type: manifest',
      '    task: Write a Pod.',
      '    solution: "kind: Pod"',
      '    checks:',
      '      - path: metadata.name',
      '        equals: web',
      '        exists: true',
      '      - path: spec.containers[x',
      '        exists: true',
      '      - path: kind',
      '        matches: "(unclosed"',
    ].join('\n');
    expect(loadLessonText(text, 'm.yaml', compilePattern).problems.map(formatFileProblem)).toEqual([
      'm.yaml:10:9: a check needs exactly one of equals, matches, contains, exists, absent; this one has equals and exists',
      expect.stringMatching(/^m\.yaml:13:15: check path "spec\.containers\[x": /),
      'm.yaml:16:18: "(unclosed" is not a valid regular expression (RE2 syntax): missing closing ) at `(unclosed`',
    ]);
  });
});
