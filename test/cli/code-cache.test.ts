/**
 * The launcher keeps no code cache of its own (it did on Node 20, where a
 * damaged cache file could crash V8 at every start): starting a lesson
 * writes nothing to the learner's cache folder, and whatever lies at the
 * old cache path (garbage, a FIFO) is never opened.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn.js';

async function startDay4(cacheHome: string): Promise<void> {
  const r = await runCli(['day4', '--plain'], { input: 'q\n', env: { XDG_CACHE_HOME: cacheHome }, timeoutMs: 10_000 });
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Step 1 of \d+\n/);
  expect(r.stderr).toBe('');
}

describe('no code cache of our own', () => {
  it('starting a lesson writes nothing to the cache folder', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kube-learn-cache-'));
    await startDay4(home);
    expect(existsSync(join(home, 'kube-learn')) ? readdirSync(join(home, 'kube-learn')) : []).toEqual([]);
  });

  it.runIf(process.platform !== 'win32')('a damaged file or a FIFO where the old cache was changes nothing', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kube-learn-cache-'));
    const folder = join(home, 'kube-learn');
    mkdirSync(folder);
    writeFileSync(join(folder, `main-0123456789abcdef-${process.version}-${process.arch}.v8`), Buffer.alloc(4096, 0xa5));
    execFileSync('mkfifo', [join(folder, `main-fedcba9876543210-${process.version}-${process.arch}.v8`)]);
    await startDay4(home);
  });
});
