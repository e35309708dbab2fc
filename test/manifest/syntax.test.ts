import { describe, expect, it } from 'vitest';
import { checkManifest, checkManifests } from '../../src/manifest/check.js';
import { checkFixture, where } from './helpers.js';

describe('step 1: YAML syntax, in plain words', () => {
  it('a tab used for indentation, at the tab', async () => {
    const [p, ...rest] = await checkFixture('syntax-tab.yaml');
    expect(rest).toEqual([]);
    expect(where(p!)).toBe('4:1 ');
    expect(p!.message).toBe('a tab is used for indentation here; YAML indents with spaces only');
    expect(p!.hint).toMatch(/spaces/);
  });

  it('a key indented more than the one above it, at that key', async () => {
    const problems = await checkFixture('syntax-indent-deeper.yaml');
    expect(problems.map(where)).toEqual(['8:6 ']);
    expect(problems[0]!.message).toBe(
      'this line is indented more than "name:" on line 7; keys of one mapping must start in the same column',
    );
    expect(problems[0]!.hint).toMatch(/column 5/);
  });

  it('keys of one mapping not lined up', async () => {
    const problems = await checkFixture('syntax-indent-shallower.yaml');
    expect(problems.map(where)).toEqual(['5:3 ']);
    expect(problems[0]!.message).toMatch(
      /^this line is not lined up with the keys around it \(line 4 starts in column 5, this one in column 3\)/,
    );
  });

  it('a list item not lined up with the items above it', async () => {
    const problems = await checkFixture('syntax-list-misaligned.yaml');
    expect(problems.map(where)).toEqual(['7:4 ']);
    expect(problems[0]!.message).toBe(
      'this list item is not lined up with the items above it (line 5 starts in column 3, this one in column 4)',
    );
  });

  it('a duplicate key, at its second occurrence, naming the first', async () => {
    const problems = await checkFixture('syntax-duplicate-key.yaml');
    expect(problems.map(where)).toEqual(['9:5 ']);
    expect(problems[0]!.message).toBe('"image" is set twice in this mapping (first on line 8); each key may appear only once');
  });

  it('a key without its colon, with the line as it should be', async () => {
    const problems = await checkFixture('syntax-missing-colon.yaml');
    expect(problems.map(where)).toEqual(['2:1 ']);
    expect(problems[0]!.message).toBe('this line has no colon after its key');
    expect(problems[0]!.hint).toBe('write "kind: Pod"');
  });

  it('a quote never closed, at the opening quote', async () => {
    const problems = await checkFixture('syntax-unclosed-quote.yaml');
    expect(problems.map(where)).toEqual(['4:9 ']);
    expect(problems[0]!.message).toBe('this quoted text is never closed: add the closing "');
  });

  it('a value containing ": "', async () => {
    const problems = await checkFixture('syntax-colon-in-value.yaml');
    expect(problems.map(where)).toEqual(['9:14 ']);
    expect(problems[0]!.hint).toBe('put the value in quotes: command: "echo: hello"');
  });

  it('an alias to an anchor that does not exist', async () => {
    const problems = await checkFixture('syntax-unknown-alias.yaml');
    expect(problems.map(where)).toEqual(['5:11 ']);
    expect(problems[0]!.message).toMatch(/"\*common" refers to an anchor "&common" that is not defined/);
  });

  it('several documents in a lesson step: each is checked, each problem in its own document', async () => {
    const problems = await checkFixture('syntax-two-documents.yaml');
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual(['1:1 spec required', '6:1 spec required']);
  });

  it('many documents are fine for check, and empty ones between --- are skipped', async () => {
    const text =
      '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n---\n';
    expect(await checkManifests(text)).toEqual([]);
  });

  it('empty text', async () => {
    expect((await checkManifest('')).map((p) => `${where(p)} ${p.message}`)).toEqual(['1:1  the manifest is empty']);
    expect((await checkManifests('# nothing\n')).map((p) => p.message)).toEqual(['no Kubernetes objects in this text']);
  });

  it('a syntax error stops the check: no schema problems are guessed from a broken text', async () => {
    const problems = await checkManifest('apiVersion: v1\nkind: Pod\nspec:\n  containerz: []\nmetadata:\n\tname: x\n');
    expect(problems.map(where)).toEqual(['6:1 ']);
  });

  it('reads the text the way kubectl does (YAML 1.1): yes is true, 10:30 stays text', async () => {
    const pod = (env: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n    env:\n    - name: X\n      value: ${env}\n`;
    const yes = await checkManifest(pod('yes'));
    expect(yes.map(where)).toEqual(['11:14 spec.containers[0].env[0].value']);
    expect(yes[0]!.message).toBe('expected text, got true/false yes');
    expect(yes[0]!.hint).toBe('put it in quotes to keep it as text: "yes"');
    expect(await checkManifest(pod('10:30'))).toEqual([]);
    expect(await checkManifest(pod('2024-01-01'))).toEqual([]);
  });

  it('a document that repeats aliases exponentially is refused, not walked', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  k: v\nlaughs:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
    const problems = await checkManifest(text, { checks: [{ path: 'laughs[*][*][*][*][*][*][*][*][*][*][*][*]', exists: true }] });
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual([
      '1:1  this document repeats its aliases (*name) too many times to be checked',
      '7:1 laughs unknown field "laughs"',
    ]);
  });

  it('a text over 1 MiB is refused in one problem', async () => {
    const problems = await checkManifest(`a: "${'x'.repeat(1024 * 1024)}"\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/larger than 1 MiB/);
  });
});
