/**
 * lint's cache: a second lint of unchanged files lints none of them and
 * finds what a lint without a cache finds; a changed file, a corrupt cache,
 * another build's or another user's cache never stand in for linting. (The
 * rules of trust the cache shares with the lesson cache are tested with it:
 * test/lesson/folder.test.ts.)
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LintOptions, lintWithCache } from '../../src/commands/lint-cache.js';
import { cacheDir } from '../../src/lesson/lesson-cache.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lessons');
const BUILD = 'test-build';

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kube-learn-lint-cache-'));
  dir = join(root, 'lessons');
  mkdirSync(dir);
  env = { XDG_CACHE_HOME: join(root, 'cache') };
  // Clean, with errors found by the schema, the checker and a context, with a warning, with a syntax error, and with a `next`.
  copyFileSync(join(FIXTURES, 'good', 'intro.yaml'), join(dir, 'a-intro.yaml'));
  copyFileSync(join(FIXTURES, 'lint', 'all-at-once.yaml'), join(dir, 'b-all.yaml'));
  copyFileSync(join(FIXTURES, 'lint', 'exercises.yaml'), join(dir, 'c-exercises.yaml'));
  copyFileSync(join(FIXTURES, 'context', 'broken-context.yaml'), join(dir, 'd-context.yaml'));
  copyFileSync(join(FIXTURES, 'bad', 'syntax.yaml'), join(dir, 'e-syntax.yaml'));
  const intro = readFileSync(join(FIXTURES, 'good', 'intro.yaml'), 'utf8');
  writeFileSync(join(dir, 'f-next.yaml'), intro.replace(/^id: intro$/m, 'id: leads-on\nnext: nowhere'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const files = () =>
  readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
const lint = (opts: LintOptions = {}) => lintWithCache(files(), { build: BUILD, env, ...opts });
/** What lint finds without any cache: what a cached run must find. */
const uncached = async () => (await lintWithCache(files(), { env })).linted;
const cacheFile = () => {
  const folder = cacheDir(env);
  return join(folder, readdirSync(folder).find((f) => f.startsWith('lint-'))!);
};

describe("lint's cache", () => {
  it('lints every file once, then finds the same from the cache: problems, warnings, ids and where next leads', async () => {
    const first = await lint();
    expect(first.checked).toBe(6);
    const expected = await uncached();
    expect(first.linted).toEqual(expected);
    expect(expected.flatMap((l) => l.problems).some((p) => p.severity === 'warning')).toBe(true);
    expect(expected.find((l) => l.id === 'leads-on')?.next?.id).toBe('nowhere');
    const second = await lint();
    expect(second.checked).toBe(0);
    expect(second.linted).toEqual(expected);
  });

  it('lints a changed file again, even one of the same size and mtime, and only that file', async () => {
    await lint();
    const file = join(dir, 'a-intro.yaml');
    const { atime, mtime } = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^id: intro$/m, 'id: intrp'));
    utimesSync(file, atime, mtime);
    const again = await lint();
    expect(again.checked).toBe(1);
    expect(again.linted).toEqual(await uncached());
    expect(again.linted[0]?.id).toBe('intrp');
    expect((await lint()).checked).toBe(0);
  });

  it('takes an unchanged file from the cache when only its mtime moved', async () => {
    await lint();
    utimesSync(join(dir, 'a-intro.yaml'), new Date(), new Date(Date.now() + 60_000));
    expect((await lint()).checked).toBe(0);
  });

  it('names a cached problem as this run names the file', async () => {
    await lint();
    mkdirSync(join(root, 'x'));
    const other = `${root}/x/../lessons`;
    const again = await lintWithCache([`${other}/e-syntax.yaml`], { build: BUILD, env });
    expect(again.checked).toBe(0);
    expect(again.linted[0]?.problems.map((p) => p.file)).toEqual([`${other}/e-syntax.yaml`]);
  });

  it("keeps the other files' entries when one file is linted", async () => {
    await lint();
    const file = join(dir, 'e-syntax.yaml');
    writeFileSync(file, readFileSync(join(FIXTURES, 'good', 'intro.yaml')));
    expect((await lintWithCache([file], { build: BUILD, env })).checked).toBe(1);
    expect((await lint()).checked).toBe(0);
  });

  it('ignores a corrupt cache, lints every file and rewrites it', async () => {
    await lint();
    const text = readFileSync(cacheFile(), 'utf8');
    const edited = text.replace('"id":"intro"', '"id":"intrx"');
    expect(edited).not.toBe(text);
    for (const broken of [edited, text.slice(0, 200), '']) {
      writeFileSync(cacheFile(), broken);
      const again = await lint();
      expect(again.checked).toBe(6);
      expect(again.linted).toEqual(await uncached());
      expect(readFileSync(cacheFile(), 'utf8')).toBe(text);
    }
  });

  it("does not use another build's cache", async () => {
    await lint();
    expect((await lint({ build: 'another-build' })).checked).toBe(6);
  });

  it("does not use, nor write, another user's cache", async () => {
    await lint();
    const text = readFileSync(cacheFile(), 'utf8');
    writeFileSync(join(dir, 'a-intro.yaml'), readFileSync(join(FIXTURES, 'bad', 'syntax.yaml')));
    const stranger = (process.getuid?.() ?? 0) + 1;
    const again = await lint({ uid: stranger });
    expect(again.checked).toBe(6);
    expect(again.linted).toEqual(await uncached());
    expect(readFileSync(cacheFile(), 'utf8')).toBe(text);
  });

  it('writes no cache without a build (from source)', async () => {
    expect((await lintWithCache(files(), { env })).checked).toBe(6);
    expect(() => readdirSync(cacheDir(env))).toThrow();
  });
});
