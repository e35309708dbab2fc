/**
 * The lesson cache of a --lessons folder: a second load takes validated
 * lessons from the cache; a changed file, a corrupt cache and a cache that
 * is not the user's alone are never trusted.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFolderLessons } from '../../src/lesson/folder.js';
import { cacheDir } from '../../src/lesson/lesson-cache.js';

const lesson = (id: string, title: string) =>
  `id: ${id}\ntitle: ${title}\nsummary: A lesson.\nsteps:\n  - id: page\n    type: explain\n    title: Page\n    body: Some text.\n`;

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;
const BUILD = 'test-build';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kube-learn-cache-'));
  dir = join(root, 'lessons');
  mkdirSync(dir);
  env = { XDG_CACHE_HOME: join(root, 'cache') };
  writeFileSync(join(dir, 'a.yaml'), lesson('alpha', 'Alpha'));
  writeFileSync(join(dir, 'b.yaml'), lesson('beta', 'Beta'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const files = () =>
  readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));
const load = (opts: { uid?: number | undefined; build?: string } = {}) =>
  loadFolderLessons(dir, files(), opts.build ?? BUILD, { env, ...('uid' in opts ? { uid: opts.uid } : {}) });
const cacheFile = () => {
  const folder = cacheDir(env);
  return join(folder, readdirSync(folder).find((f) => f.endsWith('.ndjson'))!);
};

describe('the lesson cache of a folder', () => {
  it('parses every file once, then takes them from the cache', async () => {
    const first = await load();
    expect(first.parsed()).toBe(2);
    const second = await load();
    expect(second.parsed()).toBe(0);
    expect(second.course).toEqual([
      { id: 'alpha', title: 'Alpha' },
      { id: 'beta', title: 'Beta' },
    ]);
    expect((await second.lesson('beta'))?.title).toBe('Beta');
    expect(second.parsed()).toBe(0);
    expect((await second.all()).map((l) => l.id)).toEqual(['alpha', 'beta']);
  });

  it('re-reads a changed file, even one of the same size and mtime', async () => {
    await load();
    const file = join(dir, 'b.yaml');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, lesson('beta', 'Bet2'));
    utimesSync(file, atime, mtime);
    const again = await load();
    expect(again.parsed()).toBe(1);
    expect((await again.lesson('beta'))?.title).toBe('Bet2');
    expect((await load()).parsed()).toBe(0);
  });

  it('keeps the problems of a broken file, and parses a new file alone', async () => {
    writeFileSync(join(dir, 'c.yaml'), 'id: gamma\ntitle: [\n');
    const first = await load();
    expect(first.problems).toHaveLength(1);
    writeFileSync(join(dir, 'd.yaml'), lesson('delta', 'Delta'));
    const second = await load();
    expect(second.parsed()).toBe(1);
    expect(second.problems).toEqual(first.problems);
    expect(second.course.map((l) => l.id)).toEqual(['alpha', 'beta', 'delta']);
  });

  it.runIf(process.platform !== 'win32')('keeps the cache as it is when a file it cannot keep (a FIFO) is tried again', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const first = await load();
    expect(first.problems.map((p) => p.message)).toEqual(['is not a regular file']);
    const written = statSync(cacheFile()).mtimeMs;
    const again = await load();
    expect(again.parsed()).toBe(1);
    expect(again.course.map((l) => l.id)).toEqual(['alpha', 'beta']);
    expect(statSync(cacheFile()).mtimeMs).toBe(written);
  });

  it("names a cached problem's file as this run names it", async () => {
    writeFileSync(join(dir, 'c.yaml'), 'id: gamma\ntitle: [\n');
    await load();
    mkdirSync(join(root, 'x'));
    const other = `${root}/x/../lessons`;
    const again = await loadFolderLessons(other, [`${other}/a.yaml`, `${other}/b.yaml`, `${other}/c.yaml`], BUILD, { env });
    expect(again.parsed()).toBe(0);
    expect(again.problems.map((p) => p.file)).toEqual([`${other}/c.yaml`]);
  });

  it('ignores a corrupt lesson entry, parses the file again and rewrites the cache', async () => {
    await load();
    const text = readFileSync(cacheFile(), 'utf8');
    const lines = text.split('\n');
    const beta = lines.findLastIndex((line) => line.includes('"title":"Beta"'));
    lines[beta] = lines[beta]!.replace('"title":"Beta"', '"title":"Evil"');
    writeFileSync(cacheFile(), lines.join('\n'));
    const again = await load();
    expect((await again.lesson('beta'))?.title).toBe('Beta');
    expect(again.parsed()).toBe(1);
    expect(readFileSync(cacheFile(), 'utf8')).toBe(text);
    expect((await load()).parsed()).toBe(0);
  });

  it('ignores a corrupt index and rewrites the cache', async () => {
    await load();
    const text = readFileSync(cacheFile(), 'utf8');
    for (const broken of ['', text.slice(0, 100), text.replace('"alpha"', '"alphA"'), 'garbage\n{}\n']) {
      writeFileSync(cacheFile(), broken);
      const again = await load();
      expect(again.parsed()).toBe(2);
      expect(again.course.map((l) => l.id)).toEqual(['alpha', 'beta']);
      expect(readFileSync(cacheFile(), 'utf8')).toBe(text);
    }
  });

  it('reads a large index (past the first read) and each lesson by its offset', async () => {
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `n${String(i).padStart(3, '0')}.yaml`), lesson(`n${i}`, `Lesson ${i}`));
    expect((await load()).parsed()).toBe(302);
    const again = await load();
    expect(again.parsed()).toBe(0);
    expect((await again.lesson('n299'))?.title).toBe('Lesson 299');
    expect((await again.all()).map((l) => l.id)).toHaveLength(302);
    expect(again.parsed()).toBe(0);
  });

  it("does not use another build's cache", async () => {
    await load();
    expect((await load({ build: 'another-build' })).parsed()).toBe(2);
  });

  it("does not use, nor write, another user's cache", async () => {
    await load();
    const text = readFileSync(cacheFile(), 'utf8');
    const stranger = (process.getuid?.() ?? 0) + 1;
    const again = await load({ uid: stranger });
    expect(again.parsed()).toBe(2);
    expect((await again.lesson('alpha'))?.title).toBe('Alpha');
    expect(readFileSync(cacheFile(), 'utf8')).toBe(text);
  });

  it('does not use a cache that group or others can write, file or folder', async () => {
    await load();
    chmodSync(cacheFile(), 0o664);
    expect((await load()).parsed()).toBe(2);
    await load();
    chmodSync(cacheFile(), 0o600);
    expect((await load()).parsed()).toBe(0);
    chmodSync(cacheDir(env), 0o777);
    expect((await load()).parsed()).toBe(2);
    expect((await load()).parsed()).toBe(2);
  });

  it('works without a cache: no build, nothing cached', async () => {
    const folder = await loadFolderLessons(dir, files(), undefined, { env });
    expect(folder.course.map((l) => l.id)).toEqual(['alpha', 'beta']);
    expect(() => readdirSync(cacheDir(env))).toThrow();
  });
});
