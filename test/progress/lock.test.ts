import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckFailed } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/progress/atomic.js';
import { encode } from '../../src/progress/format.js';
import { applyOutcome } from '../../src/progress/records.js';
import { ProgressStore } from '../../src/progress/store.js';
import type { Progress } from '../../src/progress/types.js';
import { tempStateHome } from '../helpers/state.js';
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
    expect(err.message).toBe(
      `could not save progress to ${state.file}: another kube-learn is saving (pid ${process.pid}); try again; your earlier progress is unchanged`,
    );
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

  it('a lock dated far in the future is stale, even with a live pid (a clock set back)', async () => {
    plantLock(`${process.pid} ${hostname()} ${Date.now()}\n`, -60_000);
    await new ProgressStore(store.path, { lock: { staleMs: 10_000, timeoutMs: 5_000 } }).record('day4', seen('intro'));
    expect(siblings()).toEqual(['progress.json']);
  });

  for (const [what, plant] of [
    ['garbage', () => plantLock('garbage\n')],
    ['an empty file', () => plantLock('')],
    [
      'a FIFO',
      () => {
        mkdirSync(state.dir, { recursive: true });
        execFileSync('mkfifo', [store.lockPath]);
      },
    ],
  ] as const) {
    it(`a fresh lock that is ${what}, held by no process, is broken after its grace, not the stale limit`, async () => {
      plant();
      const graceful = (timeoutMs: number) =>
        new ProgressStore(store.path, { lock: { staleMs: 60_000, timeoutMs, noPidGraceMs: 150, quietWaitMs: 60_000 } });
      // Within the grace it may be a lock being written (without hard links): waited for.
      await rejection(graceful(50).record('day4', seen('intro')));
      await graceful(5_000).record('day4', seen('intro'));
      expect(siblings()).toEqual(['progress.json']);
    });
  }

  it('a wait for a live holder is announced once, after the quiet time, with its pid', async () => {
    plantLock(`${process.pid} ${hostname()} ${Date.now()}\n`);
    const waits: string[] = [];
    const patient = new ProgressStore(store.path, {
      lock: { staleMs: 60_000, timeoutMs: 300, quietWaitMs: 50, onWait: (h) => waits.push(h) },
    });
    await rejection(patient.record('day4', seen('intro')));
    expect(waits).toEqual([`pid ${process.pid}`]);
  });

  describe('held by a live pid', () => {
    const children: ChildProcess[] = [];
    afterEach(() => {
      for (const child of children.splice(0)) child.kill('SIGKILL');
    });
    /** A live process running `args`, until the test ends. */
    function live(command: string, args: string[]): number {
      const child = spawn(command, args, { stdio: 'ignore' });
      children.push(child);
      return child.pid!;
    }
    const patient = (timeoutMs: number) => new ProgressStore(store.path, { lock: { staleMs: 60_000, timeoutMs, quietWaitMs: 60_000 } });

    it.runIf(process.platform === 'linux')('that is not kube-learn (a pid reused after a crash): broken at once', async () => {
      const pid = live(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
      plantLock(`${pid} ${hostname()} ${Date.now()}\n`);
      // With a deadline of 1 ms, any wait at all ends in "another kube-learn is saving".
      await patient(1).record('day4', seen('intro'));
      expect(siblings()).toEqual(['progress.json']);
    });

    it.runIf(process.platform === 'linux')('that is a kube-learn started from its npm bin: waited for', async () => {
      const bin = join(state.home, 'lib', 'node_modules', 'kube-learn', 'dist', 'cli.js');
      mkdirSync(dirname(bin), { recursive: true });
      writeFileSync(bin, 'setInterval(() => {}, 1000);\n');
      const pid = live(process.execPath, [bin, 'day4']);
      plantLock(`${pid} ${hostname()} ${Date.now()}\n`);
      const err = await rejection(patient(200).record('day4', seen('intro')));
      expect(err.message).toContain(`another kube-learn is saving (pid ${pid})`);
    });

    it('that runs this package (a clone, a test): waited for', async () => {
      plantLock(`${process.pid} ${hostname()} ${Date.now()}\n`);
      await rejection(patient(200).record('day4', seen('intro')));
      expect(existsSync(store.lockPath)).toBe(true);
    });

    it('where the system cannot say what it runs: waited for until the stale limit, as before', async () => {
      const pid = live(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
      plantLock(`${pid} ${hostname()} ${Date.now()}\n`);
      const blind = (staleMs: number) =>
        new ProgressStore(store.path, { lock: { staleMs, timeoutMs: 200, quietWaitMs: 60_000, isKubeLearn: () => undefined } });
      await rejection(blind(60_000).record('day4', seen('intro')));
      const old = new Date(Date.now() - 5_000);
      utimesSync(store.lockPath, old, old);
      await blind(1_000).record('day4', seen('intro'));
      expect(siblings()).toEqual(['progress.json']);
    });
  });

  it('something unreadable in place of the lock is judged by its age alone', async () => {
    mkdirSync(store.lockPath, { recursive: true });
    const fresh = new ProgressStore(store.path, { lock: { staleMs: 60_000, timeoutMs: 100 } });
    await rejection(fresh.record('day4', seen('intro')));
    const past = new Date(Date.now() - 120_000);
    utimesSync(store.lockPath, past, past);
    // Old enough to be stale: it is moved aside (renaming a folder works like a file), then removed.
    await fresh.record('day4', seen('intro'));
    expect(existsSync(state.file)).toBe(true);
    expect(siblings()).toEqual(['progress.json']);
  });
});

describe('a save that stalls past the stale limit', () => {
  /**
   * What another kube-learn does while this one's save stalls (an fsync on
   * NFS, a suspended laptop): it judges the lock stale, breaks it, takes its
   * own, saves `steps` more steps on top of the file, and lets go.
   */
  function anotherSaves(progress: Progress, steps: number): void {
    renameSync(store.lockPath, `${store.lockPath}.broken`);
    writeFileSync(store.lockPath, `1 elsewhere ${Date.now()}\n`);
    const theirs = structuredClone(progress);
    for (let i = 0; i < steps; i++) applyOutcome(theirs, 'day4', seen(`theirs-${i}`), new Date(), 0);
    writeFileAtomic(store.path, encode(theirs));
    rmSync(store.lockPath);
    rmSync(`${store.lockPath}.broken`);
  }

  it('finds out before it replaces the file, and starts over from the newer one: no step is lost', async () => {
    await store.record('day4', seen('mine-before'));
    let stalls = 1;
    await store.update((p) => {
      if (stalls-- > 0) anotherSaves(p, 10);
      applyOutcome(p, 'day4', seen('mine'), new Date(), 0);
    });
    const steps = [...(await store.load()).progress.lessons.get('day4')!.steps.keys()].sort();
    expect(steps).toEqual(['mine', 'mine-before', ...Array.from({ length: 10 }, (_, i) => `theirs-${i}`)].sort());
  });

  it('says so, and keeps the newer file, when it happens at every try', async () => {
    await store.record('day4', seen('mine-before'));
    const err = await rejection(
      store.update((p) => {
        anotherSaves(p, 1);
        applyOutcome(p, 'day4', seen('mine'), new Date(), 0);
      }),
    );
    expect(err.message).toBe(
      `could not save progress to ${state.file}: another kube-learn replaced it while this one was saving, 3 times over; your earlier progress is unchanged`,
    );
    expect((await store.load()).progress.lessons.get('day4')!.steps.has('theirs-0')).toBe(true);
  });
});
