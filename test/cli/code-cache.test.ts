/**
 * The launcher's code cache (scripts/launcher.cjs, dist/cli.js), on
 * every Node (Node's own, on 22.1+, keeps no lazily compiled function): V8's
 * cache of main.cjs and the dist/lazy/ files, in the learner's cache folder. An entry
 * handed to V8 must be whole and made from the very file being loaded (V8
 * checks neither: a flipped byte crashed every start, an edit of the same
 * length ran old code); anything else is ignored and replaced, and no state
 * of the cache folder changes what a start prints or how it exits.
 *
 * An entry holds what a start ran by its first prompt (the launcher is told
 * by src/terminal/waiting.ts), not what the rest of the session compiled,
 * and grows when a start runs code it lacks.
 *
 * Each run is the real build, with a preloaded observer
 * (test/fixtures/preload/observe-code-cache.cjs) reporting which files were
 * compiled from a cache entry.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, PAUSE, PtySession } from '../helpers/pty.js';
import { CLI, childEnv, type Env, ROOT } from '../helpers/spawn.js';

const major = Number(process.versions.node.split('.')[0]);
const OBSERVER = join(ROOT, 'test', 'fixtures', 'preload', 'observe-code-cache.cjs');
const LOADED = join(ROOT, 'test', 'fixtures', 'preload', 'report-loaded.cjs');
const MAIN_GREW = join(ROOT, 'test', 'fixtures', 'preload', 'main-grew.cjs');
// vitest.config.ts turns the cache off for the other tests; these turn it on.
const CACHE_ON = { NODE_DISABLE_COMPILE_CACHE: undefined };
const asRoot = process.getuid?.() === 0;

interface Compiled {
  file: string;
  cached: boolean;
  rejected: boolean;
}
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The files of ours compiled through the cache, relative to their dist/, and whether from an entry. */
  compiled: Record<string, boolean>;
}

/** Temp folders of this file, removed after it: its cache entries are ~0.3 MB each. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function temp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kube-learn-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Where a run's observer reports, and the environment that has it report there with `cache` as XDG_CACHE_HOME. */
function observed(cache: string, env: Env): { report: string; env: NodeJS.ProcessEnv } {
  const report = join(temp('code-cache-report'), 'compiled.json');
  const all = { ...CACHE_ON, XDG_CACHE_HOME: cache, NODE_OPTIONS: `--require ${OBSERVER}`, KUBE_LEARN_CODE_CACHE_REPORT: report, ...env };
  return { report, env: childEnv(all) };
}

/** The files of ours a run at `cli` compiled through the cache, relative to their dist/, and whether from an entry V8 took. */
function compiledBy(cli: string, report: string): Record<string, boolean> {
  const dist = join(cli, '..');
  const compiled = (JSON.parse(readFileSync(report, 'utf8')) as Compiled[]).map((c) => {
    expect(c.rejected).toBe(false);
    return [c.file.slice(dist.length + 1), c.cached] as const;
  });
  return Object.fromEntries(compiled);
}

/** A run of the CLI at `cli` with `cache` as XDG_CACHE_HOME, its input piped in at once. */
function run(cli: string, cache: string, args: string[] = ['day4', '--plain'], env: Env = {}, input = 'q\n'): Run {
  const o = observed(cache, env);
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', timeout: 20_000, env: o.env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, compiled: compiledBy(cli, o.report) };
}

/**
 * run() as a learner takes it: 'q' typed once the program has been waiting
 * for a while (300 ms with nothing more written), not piped in at once.
 */
async function runAsLearner(cli: string, cache: string, args: string[], env: Env = {}): Promise<Run> {
  const o = observed(cache, env);
  const child = spawn(process.execPath, [cli, ...args], { env: o.env });
  let stdout = '';
  let stderr = '';
  let quiet: NodeJS.Timeout | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    clearTimeout(quiet);
    quiet = setTimeout(() => child.stdin.end('q\n'), 300);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(quiet);
  return { code, stdout, stderr, compiled: compiledBy(cli, o.report) };
}

/** A copy of the build, to edit. */
function copyOfBuild(): string {
  const root = temp('code-cache-build');
  cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  return join(root, 'dist', 'cli.js');
}

const entries = (cache: string) => readdirSync(join(cache, 'kube-learn')).filter((n) => n.startsWith('code-'));
/** The one entry of main.cjs in the cache folder. */
function mainEntry(cache: string): string {
  const names = entries(cache).filter((n) => n.startsWith('code-main.cjs-'));
  expect(names).toHaveLength(1);
  return join(cache, 'kube-learn', names[0] as string);
}
/** Files changed in the last few milliseconds are not cached (their times' clock is coarse): tests let them rest first. */
const rest = () => new Promise((r) => setTimeout(r, 50));
const identity = (file: string) => {
  const info = lstatSync(file);
  return [info.ino, info.mtimeMs];
};

describe('the launcher keeps V8 code cache', () => {
  // One cache folder filled by a first start, and what that start printed: the reference for every other run.
  const filled = temp('code-cache');
  let first: Run;
  beforeAll(() => {
    first = run(CLI, filled);
  });

  it('a first start compiles main.cjs and writes its entry, privately; a second uses it and writes nothing', () => {
    expect([first.code, first.stderr]).toEqual([0, '']);
    expect(first.stdout).toMatch(/^Step 1 of \d+$/m);
    expect(first.compiled).toEqual({ 'main.cjs': false });
    const entry = mainEntry(filled);
    expect(statSync(entry).mode & 0o777).toBe(0o600);
    expect(statSync(join(filled, 'kube-learn')).mode & 0o777).toBe(0o700);
    const before = identity(entry);
    const second = run(CLI, filled);
    expect(second).toEqual({ ...first, compiled: { 'main.cjs': true } });
    expect(identity(entry)).toEqual(before);
    expect(entries(filled)).toHaveLength(1);
  });

  it("a lazy file's entry too, and a command in one still throws main's errors (one main.cjs)", () => {
    const cache = temp('code-cache');
    const cold = run(CLI, cache, ['reset', 'day99']);
    expect(cold.code).toBe(2);
    expect(cold.stderr).toMatch(/^kube-learn: unknown lesson "day99"/);
    expect(cold.compiled).toMatchObject({ 'main.cjs': false, 'lazy/command-reset.cjs': false });
    const warm = run(CLI, cache, ['reset', 'day99']);
    expect([warm.code, warm.stdout, warm.stderr]).toEqual([cold.code, cold.stdout, cold.stderr]);
    expect(Object.keys(warm.compiled).sort()).toEqual(Object.keys(cold.compiled).sort());
    expect(Object.values(warm.compiled).every(Boolean)).toBe(true);
  });

  it('an entry holds what a start ran by its first prompt, not the whole session; a resumed start grows it once', async () => {
    const quick = temp('code-cache');
    run(CLI, quick);
    // A long session: on through explanations and questions, whatever the answers.
    const state = temp('code-cache-state');
    const long = temp('code-cache');
    run(CLI, long, ['day4', '--plain'], { XDG_STATE_HOME: state }, `${'\n'.repeat(12)}${'1\n'.repeat(30)}q\n`);
    // Taken at exit, this entry held the session's code too: about half as large again.
    // (V8's data for the same code differs by up to ~130 bytes between runs.)
    const size = (cache: string) => statSync(mainEntry(cache)).size;
    expect(Math.abs(size(long) - size(quick))).toBeLessThan(size(quick) * 0.005);
    // A script's resumed start, its input piped in at once, ends before the entry is looked at again.
    const piped = run(CLI, long, ['day4', '--plain'], { XDG_STATE_HOME: state });
    expect(piped.stdout).toMatch(/^Resuming day4 at step \d+ of \d+/m);
    expect(Math.abs(size(long) - size(quick))).toBeLessThan(size(quick) * 0.005);
    // A learner's resumed start runs code a fresh start does not: the entry takes it, once.
    const resumed = await runAsLearner(CLI, long, ['day4', '--plain'], { XDG_STATE_HOME: state });
    expect(resumed).toEqual({ ...piped, compiled: { 'main.cjs': true } });
    expect(size(long)).toBeGreaterThan(size(quick) * 1.05);
    const grown = identity(mainEntry(long));
    expect(await runAsLearner(CLI, long, ['day4', '--plain'], { XDG_STATE_HOME: state })).toEqual(resumed);
    expect(identity(mainEntry(long))).toEqual(grown);
    // A fresh start from the grown entry neither needs nor writes more.
    expect(await runAsLearner(CLI, long, ['day4', '--plain'])).toEqual({ ...first, compiled: { 'main.cjs': true } });
    expect(identity(mainEntry(long))).toEqual(grown);
  });

  it('in a terminal too: an entry holds what the start ran by its first prompt, however far the learner goes', async () => {
    const sizeAfter = async (steps: number) => {
      const cache = temp('code-cache');
      const s = new PtySession(['day4'], { env: { ...CACHE_ON, XDG_CACHE_HOME: cache } });
      try {
        await s.waitFor(PAUSE);
        for (let step = 2; step <= steps; step++) {
          s.press(KEYS.enter);
          await s.waitFor(`Step ${step} of`);
        }
        s.press(KEYS.ctrlC);
        expect((await s.waitForExit()).exitCode).toBe(130);
      } finally {
        s.kill();
      }
      return statSync(mainEntry(cache)).size;
    };
    const quick = await sizeAfter(1);
    expect(Math.abs((await sizeAfter(4)) - quick)).toBeLessThan(quick * 0.005);
  });

  it("lint's lazy files too: the second lint compiles them from their entries and prints the same", () => {
    const cache = temp('code-cache');
    const args = ['lint', join(ROOT, 'test', 'fixtures', 'lessons', 'good')];
    const cold = run(CLI, cache, args);
    expect([cold.code, cold.stderr]).toEqual([0, '']);
    expect(cold.compiled).toMatchObject({ 'lazy/lesson-schema.cjs': false, 'lazy/yaml.cjs': false });
    const warm = run(CLI, cache, args);
    expect([warm.code, warm.stdout, warm.stderr]).toEqual([cold.code, cold.stdout, cold.stderr]);
    // The lint cache spares the second lint its parser and schema: fewer files, each from its entry.
    expect(Object.keys(warm.compiled).length).toBeGreaterThan(1);
    for (const [file, cached] of Object.entries(warm.compiled)) expect([file, cached]).toEqual([file, file in cold.compiled]);
  });

  /** What a lesson start loads with the cache on: its files under dist/, and Node's internal modules. */
  function loadedByStart(): { files: string[]; internals: string[] } {
    const report = join(temp('code-cache-loaded'), 'loaded.json');
    const env = { ...CACHE_ON, XDG_CACHE_HOME: filled, NODE_OPTIONS: `--require ${LOADED}`, KUBE_LEARN_LOADED_REPORT: report };
    expect(spawnSync(process.execPath, [CLI, 'day4', '--plain'], { input: 'q\n', env: childEnv(env) }).status).toBe(0);
    const { files, internals } = JSON.parse(readFileSync(report, 'utf8')) as { files: string[]; internals: string[] };
    return { files: files.map((f) => relative(join(CLI, '..'), f)).sort(), internals };
  }

  it('a lesson start loads the launcher and main.cjs, nothing lazy', () => {
    expect(loadedByStart().files).toEqual(['cli.js', 'main.cjs']);
  });

  // As test/cli/lazy-loading.test.ts asks of a start without the cache (Node 22 starts its ES module loader at boot anyway).
  it.runIf(major === 20)('a lesson start with the cache loads no ES module loader, readline, fs/promises, tty or os', () => {
    const { internals } = loadedByStart();
    for (const name of ['internal/modules/esm/loader', 'readline', 'fs/promises', 'tty', 'os'])
      expect(internals).not.toContain(`NativeModule ${name}`);
  });

  /** A cache folder holding a copy of the filled one's main.cjs entry, changed by `damage`; its path. */
  function damaged(damage: (bytes: Buffer) => Buffer): { cache: string; entry: string } {
    const cache = temp('code-cache');
    mkdirSync(join(cache, 'kube-learn'), { mode: 0o700 });
    const entry = join(cache, 'kube-learn', mainEntry(filled).split('/').pop() as string);
    writeFileSync(entry, damage(readFileSync(mainEntry(filled))), { mode: 0o600 });
    return { cache, entry };
  }
  const flip = (at: (size: number) => number) => (bytes: Buffer) => {
    const i = at(bytes.length);
    bytes[i] = (bytes[i] as number) ^ 0x5a;
    return bytes;
  };

  it.each([
    ['a byte flipped in the first copy of the payload', flip((n) => Math.floor(n * 0.3))],
    ['a byte flipped in the second copy of the payload', flip((n) => Math.floor(n * 0.8))],
    ['a byte flipped in the header', flip(() => 30)],
    ['the last byte cut off', (b: Buffer) => b.subarray(0, b.length - 1)],
    ['the second copy cut off', (b: Buffer) => b.subarray(0, b.length - Math.floor(b.length / 2) + 100)],
    ['garbage of the same size', (b: Buffer) => Buffer.alloc(b.length, 0xa5)],
    ['nothing', () => Buffer.alloc(0)],
  ])('an entry with %s is not used, and is replaced', (_what, damage) => {
    const { cache, entry } = damaged(damage);
    expect(run(CLI, cache)).toEqual(first);
    expect(run(CLI, cache).compiled).toEqual({ 'main.cjs': true });
    expect(entries(cache)).toEqual([entry.split('/').pop()]);
  });

  it('an edited main.cjs of the same length runs its new code, and gets a new entry', async () => {
    const cli = copyOfBuild();
    const cache = temp('code-cache');
    await rest();
    run(cli, cache);
    expect(entries(cache)).toHaveLength(1);
    const main = join(cli, '..', 'main.cjs');
    const source = readFileSync(main, 'utf8');
    const edited = source.replaceAll('"Step"', '"Stop"');
    expect(edited).not.toBe(source);
    writeFileSync(main, edited);
    await rest();
    const after = run(cli, cache);
    expect(after.stdout).toMatch(/^Stop 1 of \d+$/m);
    expect(after.stdout).not.toMatch(/^Step 1/m);
    expect(after.compiled).toEqual({ 'main.cjs': false });
    const again = run(cli, cache);
    expect(again).toEqual({ ...after, compiled: { 'main.cjs': true } });
  });

  it('a main.cjs that grew between its stat and its read (a build writing it) is read whole', () => {
    const cache = temp('code-cache');
    const grew = run(CLI, cache, ['day4', '--plain'], { NODE_OPTIONS: `--require ${OBSERVER} --require ${MAIN_GREW}` });
    expect(grew).toEqual({ ...first, compiled: { 'main.cjs': false } });
  });

  it.runIf(process.platform !== 'win32')('a FIFO at the entry path neither hangs a start nor changes it', () => {
    const { cache, entry } = damaged((b) => b);
    unlinkSync(entry);
    expect(spawnSync('mkfifo', [entry]).status).toBe(0);
    expect(run(CLI, cache)).toEqual(first);
    expect(lstatSync(entry).isFile()).toBe(true);
  });

  it('a cache folder that is a file changes nothing', () => {
    const cache = temp('code-cache');
    writeFileSync(join(cache, 'kube-learn'), 'not a folder\n');
    expect(run(CLI, cache)).toEqual(first);
    expect(readFileSync(join(cache, 'kube-learn'), 'utf8')).toBe('not a folder\n');
  });

  it.skipIf(asRoot || process.platform === 'win32')('a cache folder the learner cannot write changes nothing (root writes anyway)', () => {
    const cache = temp('code-cache');
    mkdirSync(join(cache, 'kube-learn'), { mode: 0o500 });
    expect(run(CLI, cache)).toEqual(first);
    expect(readdirSync(join(cache, 'kube-learn'))).toEqual([]);
  });

  it.runIf(process.platform !== 'win32')('a folder others can write is neither read nor written', () => {
    const { cache, entry } = damaged((b) => b);
    chmodSync(join(cache, 'kube-learn'), 0o777);
    const before = identity(entry);
    expect(run(CLI, cache)).toEqual(first);
    expect(identity(entry)).toEqual(before);
  });

  it.runIf(process.platform !== 'win32')('an entry others can write, or a link to a good one, is not used', () => {
    const writable = damaged((b) => b);
    chmodSync(writable.entry, 0o622);
    expect(run(CLI, writable.cache)).toEqual(first);
    const linked = temp('code-cache');
    mkdirSync(join(linked, 'kube-learn'), { mode: 0o700 });
    symlinkSync(mainEntry(filled), join(linked, 'kube-learn', mainEntry(filled).split('/').pop() as string));
    expect(run(CLI, linked)).toEqual(first);
  });

  it.runIf(asRoot)("an entry of another user's is not used", () => {
    const { cache, entry } = damaged((b) => b);
    spawnSync('chown', ['4242', entry]);
    expect(statSync(entry).uid).toBe(4242);
    expect(run(CLI, cache)).toEqual(first);
  });

  it('NODE_DISABLE_COMPILE_CACHE (any value, as Node 22 reads it) turns it off: nothing read or written', () => {
    const cache = temp('code-cache');
    const off = run(CLI, cache, ['day4', '--plain'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(off).toEqual({ ...first, compiled: {} });
    expect(readdirSync(cache)).toEqual([]);
    const { cache: full } = damaged((b) => b);
    expect(run(CLI, full, ['day4', '--plain'], { NODE_DISABLE_COMPILE_CACHE: '' })).toEqual({ ...first, compiled: {} });
  });

  it("errors name the file, line and column as Node's own loader does, and lazy files find main.cjs's module", async () => {
    // The launcher, in front of a main.cjs and a lazy file of this test's.
    const dist = join(temp('code-cache-fixture'), 'dist');
    mkdirSync(join(dist, 'lazy'), { recursive: true });
    copyFileSync(CLI, join(dist, 'cli.js'));
    const where = "const where = () => new Error('here').stack.split('\\n')[1];";
    // On the first line, where the wrapper require() puts around a file would shift the columns.
    const firstLine =
      "const main = require.cache[require.resolve('../main.cjs')].exports; module.exports = [new Error('here').stack.split('\\n')[1], main];";
    writeFileSync(
      join(dist, 'main.cjs'),
      `#!/usr/bin/env node\n'use strict';\n${where}\nconst lazy = require('./lazy/first-line.cjs');\nconsole.log(JSON.stringify([where(), lazy[0], lazy[1] === module.exports]));\n`,
    );
    writeFileSync(join(dist, 'lazy', 'first-line.cjs'), firstLine);
    await rest();
    const cache = temp('code-cache');
    const env = childEnv({ ...CACHE_ON, XDG_CACHE_HOME: cache });
    // Node's own loader, by require(), is the reference.
    const byNode = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(dist, 'main.cjs'))})`], {
      encoding: 'utf8',
      env,
    }).stdout;
    expect(JSON.parse(byNode)).toEqual([
      expect.stringContaining(`${join(dist, 'main.cjs')}:3:${where.indexOf('new Error') + 1})`),
      expect.stringContaining(`${join(dist, 'lazy', 'first-line.cjs')}:1:${firstLine.indexOf('new Error') + 1})`),
      true,
    ]);
    const byLauncher = () => spawnSync(process.execPath, [join(dist, 'cli.js')], { encoding: 'utf8', env }).stdout;
    expect(byLauncher()).toBe(byNode);
    expect(entries(cache)).toHaveLength(2);
    expect(byLauncher()).toBe(byNode);
  });
});

describe("Node's own compile cache (22.1+)", () => {
  it('is left off: the launcher keeps its own cache on every Node', () => {
    const cache = temp('code-cache');
    // Where Node's cache would go when turned on without a folder (NODE_COMPILE_CACHE would turn it on by itself).
    const osTemp = temp('os-temp');
    const r = run(CLI, cache, ['day4', '--plain'], { TMPDIR: osTemp });
    expect([r.code, r.stderr, r.compiled]).toEqual([0, '', { 'main.cjs': false }]);
    expect(readdirSync(osTemp)).toEqual([]);
    expect(entries(cache).filter((n) => n.startsWith('code-main.cjs-'))).toHaveLength(1);
  });
});
