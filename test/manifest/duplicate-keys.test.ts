/**
 * Repeated keys in a manifest: found in one pass (the parser's own check
 * compared each key with every earlier one, and explaining each walked the
 * document again: 40,000 repeated keys took 90 s), yet reported exactly as
 * the parser's check reported them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/manifest/parse.js';
import { withDuplicateKeyErrors } from '../../src/text/yaml-errors.js';
import { growth } from '../helpers/growth.js';

function texts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return texts(path);
    return /\.ya?ml$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

const REPEATS = [
  'a: 1\na: 2\n',
  'a: 1\nb: 2\na: 3\na: 4\n',
  '&k a: 1\n&j a: 2\n',
  '{a: 1, b: {c: 1, c: 2}, a: 2}\n',
  'containers:\n  - name: a\n    image: x\n    name: b\n    image: y\n',
  '~: 1\nnull: 2\n1: a\n"1": b\n0: x\n-0: y\n.nan: 1\n.nan: 2\n',
  'a: &a {x: 1}\nb:\n  <<: *a\n  <<: *a\n',
  'a: 1\n\tb: 2\na: 3\n',
  'a: 1\n---\na: 1\nb: [\na: 2\n',
  'spec:\n  a: 1\n   a: 2\n  a: 3\n',
];

const codes = (errors: readonly { code: string; pos: [number, number] }[]) => errors.map((e) => `${e.code}@${e.pos[0]}`);

describe('repeated keys in a manifest', () => {
  it("are the parser's own DUPLICATE_KEY errors, in its order among the others", () => {
    const corpus = [...texts(join('test', 'fixtures', 'manifests')), ...REPEATS];
    expect(corpus.length).toBeGreaterThan(50);
    for (const text of corpus) {
      const options = { prettyErrors: false, version: '1.1' as const };
      const theirs = parseAllDocuments(text, { ...options, uniqueKeys: true });
      const ours = parseAllDocuments(text, { ...options, uniqueKeys: false });
      if (!Array.isArray(theirs) || !Array.isArray(ours)) continue;
      expect([text, ours.map((doc) => codes(withDuplicateKeyErrors(doc)))]).toEqual([text, theirs.map((doc) => codes(doc.errors))]);
    }
  });

  it('are explained as before: the first line, and a missing "- " in a list', () => {
    const messages = (text: string) => parseManifestText(text, 'file').problems.map((p) => `${p.line}:${p.col} ${p.message}`);
    expect(messages('a: 1\nb: 2\na: 3\n')).toEqual([
      '3:1 "a" is set twice in this mapping (first on line 1); each key may appear only once',
    ]);
    expect(messages(REPEATS[4]!)).toEqual([
      '4:5 "name" is set twice in this list item (first on line 2); a "- " is probably missing before it, to start a new item',
    ]);
  });

  it('cost linear time: doubling them less than triples the time', () => {
    // Half the keys are new, the other half repeat them: each repeat's first setting is far back.
    const keys = (n: number) => `${Array.from({ length: n }, (_, i) => `k${i % (n / 2)}: ${i}`).join('\n')}\n`;
    expect(growth((text: string) => parseManifestText(text, 'file'), keys, 1_000)).toBeLessThan(3);
  });
});
