/**
 * The launcher's code cache for main.cjs (Node 20; Node 22.1+ has its own
 * compile cache and the launcher uses that instead), for starting a lesson:
 * kept in the learner's cache folder, private, rebuilt when it can't be used, never trusted when
 * someone else could have written it, and a start works whatever state it
 * is in.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn.js';

const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
const ownCache = major < 22 || (major === 22 && minor < 1);

/** Starts day4 in plain mode and quits; returns the cache folder's files. */
async function startDay4(cacheHome: string): Promise<string[]> {
  const r = await runCli(['day4', '--plain'], { input: 'q\n', env: { XDG_CACHE_HOME: cacheHome } });
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Step 1 of \d+\n/);
  expect(r.stderr).toBe('');
  return readdirSync(join(cacheHome, 'kube-learn'));
}

describe.runIf(ownCache)('the code cache on Node 20', () => {
  it('is written once, private, and then read, not rewritten', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kube-learn-cache-'));
    const [file, ...others] = await startDay4(home);
    expect(others).toEqual([]);
    expect(file).toMatch(new RegExp(`^main-[0-9a-f]{16}-${process.version.replaceAll('.', '\\.')}-${process.arch}\\.v8$`));
    const path = join(home, 'kube-learn', file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'kube-learn')).mode & 0o777).toBe(0o700);
    const written = statSync(path).mtimeMs;
    await startDay4(home);
    expect(statSync(path).mtimeMs).toBe(written);
  });

  it('is kept for starting a lesson only: another command neither writes nor reads it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kube-learn-cache-'));
    const r = await runCli(['list'], { env: { XDG_CACHE_HOME: home } });
    expect(r.code).toBe(0);
    expect(existsSync(join(home, 'kube-learn'))).toBe(false);
  });

  it('a damaged cache is rejected and written anew; a writable-by-others one is not trusted', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kube-learn-cache-'));
    const [file] = await startDay4(home);
    const path = join(home, 'kube-learn', file!);
    const good = readFileSync(path);
    writeFileSync(path, Buffer.from('not a V8 code cache'));
    await startDay4(home);
    expect(readFileSync(path).length).toBeGreaterThan(1000);

    writeFileSync(path, good);
    chmodSync(path, 0o666);
    await startDay4(home);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("removes other builds' caches, and starts when the folder can't be written", async () => {
    const home = mkdtempSync(join(tmpdir(), 'kube-learn-cache-'));
    mkdirSync(join(home, 'kube-learn'));
    writeFileSync(join(home, 'kube-learn', 'main-0000000000000000-v20.0.0-x64.v8'), 'old');
    writeFileSync(join(home, 'kube-learn', 'notes.txt'), 'not ours to remove');
    const files = await startDay4(home);
    expect(files.filter((f) => f.startsWith('main-0000'))).toEqual([]);
    expect(files).toContain('notes.txt');

    const blocked = mkdtempSync(join(tmpdir(), 'kube-learn-cache-'));
    writeFileSync(join(blocked, 'kube-learn'), 'a file where the folder would go');
    const r = await runCli(['day4', '--plain'], { input: 'q\n', env: { XDG_CACHE_HOME: blocked } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
