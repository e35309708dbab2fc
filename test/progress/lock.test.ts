import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckFailed } from '../../src/errors.js';
import { ProgressStore } from '../../src/progress/store.js';
import { tempStateHome } from './helpers/fs.js';
import { seen } from './helpers/outcomes.js';

let state: ReturnType<typeof tempStateHome>;
let store: ProgressStore;

beforeEach(() => {
  state = tempStateHome();
  store = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
});

afterEach(() => state.cleanup());

function siblings(): string[] {
  return readdirSync(state.dir).sort();
}

async function rejection(p: Promise<unknown>): Promise<CheckFailed> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CheckFailed);
  return err as CheckFailed;
}

describe('the lock', () => {
  function plantLock(content: string, ageMs = 0): void {
    mkdirSync(state.dir, { recursive: true });
    writeFileSync(store.lockPath, content);
    const t = new Date(Date.now() - ageMs);
    utimesSync(store.lockPath, t, t);
  }

  it('breaks a lock left by a process that is gone', async () => {
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    plantLock(`${dead} ${hostname()} ${Date.now()}\n`);
    await store.record('day4', seen('intro'));
    expect(siblings()).toEqual(['progress.json']);
  });

  it('breaks a lock older than the stale limit, whoever holds it', async () => {
    plantLock(`${process.pid} elsewhere 0\n`, 60_000);
    const quick = new ProgressStore(store.path, { lock: { staleMs: 1_000, timeoutMs: 5_000 } });
    await quick.record('day4', seen('intro'));
    expect(siblings()).toEqual(['progress.json']);
  });

  it('waits for a live holder, then gives up with one line and writes nothing', async () => {
    plantLock(`${process.pid} ${hostname()} ${Date.now()}\n`);
    const patient = new ProgressStore(store.path, { lock: { staleMs: 60_000, timeoutMs: 200 } });
    const err = await rejection(patient.record('day4', seen('intro')));
    expect(err.message).toBe(`could not save progress to ${state.file}: another kube-learn is saving (pid ${process.pid}); try again; your earlier progress is unchanged`);
    expect(existsSync(state.file)).toBe(false);
    expect(existsSync(store.lockPath)).toBe(true);
  });

  it('saves made at once from one process all land', async () => {
    const stores = Array.from({ length: 4 }, () => new ProgressStore(store.path));
    await Promise.all(Array.from({ length: 40 }, (_, i) => stores[i % 4]!.record('day4', seen(`s${i}`))));
    expect((await store.load()).progress.lessons.get('day4')!.steps.size).toBe(40);
  });

  it('reads no more of a lock than a lock holds: a 4 GB one costs no more to wait on than a real one', async () => {
    plantLock(`${process.pid} ${hostname()} ${Date.now()}\n`);
    // Sparse: 4 GB on paper, a page on disk. Read whole it took 25 s a poll (2 GB) or failed as too long a string.
    truncateSync(store.lockPath, 4 * 1024 ** 3);
    const patient = new ProgressStore(store.path, { lock: { staleMs: 60_000, timeoutMs: 300 } });
    const err = await rejection(patient.record('day4', seen('intro')));
    // Read whole, it is too long a string to read at all: the holder was "another process".
    expect(err.message).toContain(`(pid ${process.pid})`);
  });

  it('something unreadable in place of the lock is judged by its age alone', async () => {
    mkdirSync(store.lockPath, { recursive: true });
    const fresh = new ProgressStore(store.path, { lock: { staleMs: 60_000, timeoutMs: 100 } });
    await rejection(fresh.record('day4', seen('intro')));
    const past = new Date(Date.now() - 120_000);
    utimesSync(store.lockPath, past, past);
    // Old enough to be stale: it is moved aside (renaming a folder works like a file).
    await fresh.record('day4', seen('intro'));
    expect(existsSync(state.file)).toBe(true);
  });
});
