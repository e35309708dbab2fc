/**
 * A lock file so that two kube-learn processes never save at the same time
 * (each re-reads and merges under it, so neither loses the other's steps).
 *
 * The lock is a file holding "pid host time", put in place atomically. A lock
 * whose process is gone (same host), whose pid now belongs to a program that
 * is not kube-learn (./holder-process.ts), or that is older than `staleMs`
 * is left over from a crash and is broken. Breaking renames the lock aside and checks
 * it was the same file (inode) that was judged stale, so two processes that
 * break the same stale lock at once do not delete each other's fresh one.
 *
 * `fn` runs synchronously while the lock is held, so no signal handler or
 * other JavaScript can run between the read and the write. It is given
 * `held()`, which says whether the lock is still ours: a save that stalls
 * past `staleMs` (an fsync on NFS, a suspended laptop) may have had its lock
 * broken, and must not then replace what the breaker saved.
 */
import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isKubeLearn } from './holder-process.js';
import { randomHex } from './random-name.js';

/** node:os, loaded at the first save rather than before the first prompt. */
const hostname = () => process.getBuiltinModule('node:os').hostname();

const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

export interface LockOptions {
  /** A lock older than this is taken to be left over, whoever holds it. A save takes milliseconds. */
  staleMs?: number;
  /** How long to wait for another process's lock before giving up. */
  timeoutMs?: number;
  /** Told once, after a second of waiting, who holds the lock ("pid 123"), so a wait is never silent. */
  onWait?: (holder: string) => void;
  /** How long a wait goes unannounced (a second); shorter only in tests. */
  quietWaitMs?: number;
  /** How long a fresh lock without a pid is given to be written (a second); shorter only in tests. */
  noPidGraceMs?: number;
  /** Whether a live pid is a kube-learn (./holder-process.ts); undefined: cannot tell. Replaceable in tests. */
  isKubeLearn?: (pid: number) => boolean | undefined;
}

/** How long a wait goes unannounced. */
const QUIET_WAIT_MS = 1_000;
/**
 * A real lock has its pid from the start (it is written in full, then
 * linked into place; without hard links, created directly, it is without
 * one for microseconds). A lock without a pid older than this is garbage.
 */
const NO_PID_GRACE_MS = 1_000;

const holderName = (h: Holder | undefined) => (h && h.pid > 0 ? `pid ${h.pid}` : 'another process');

/** Another live kube-learn held the lock for the whole wait. */
export class LockBusy extends Error {
  override name = 'LockBusy';
  constructor(
    readonly lockPath: string,
    readonly holder: string,
  ) {
    super(`${lockPath} is held by ${holder}`);
  }
}

export async function withLock<T>(lockPath: string, fn: (held: () => boolean) => T, options: LockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  // Longer than staleMs: a holder whose pid was reused after a crash is outwaited, not reported.
  const started = Date.now();
  const deadline = started + (options.timeoutMs ?? 12_000);
  let announced = false;
  for (;;) {
    const ino = tryAcquire(lockPath);
    if (ino !== undefined) {
      try {
        return fn(() => holds(lockPath, ino));
      } finally {
        release(lockPath, ino);
      }
    }
    const holder = inspect(lockPath);
    if (holder && isStale(holder, staleMs, options)) {
      breakStale(lockPath, holder.ino);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusy(lockPath, holderName(holder));
    if (!announced && Date.now() - started >= (options.quietWaitMs ?? QUIET_WAIT_MS)) {
      announced = true;
      options.onWait?.(holderName(holder));
    }
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.floor(Math.random() * 20)));
  }
}

/**
 * The lock's inode when acquired; undefined when someone else holds it.
 *
 * The lock is written in full under a temp name and then hard-linked into
 * place (link fails if the lock exists), so a lock file never exists without
 * its pid: a holder killed at any instant leaves a lock judged stale at once.
 */
function tryAcquire(lockPath: string): number | undefined {
  const temp = join(dirname(lockPath), `.${basename(lockPath)}.${randomHex(12)}.tmp`);
  const fd = openSync(temp, EXCLUSIVE, 0o600);
  try {
    try {
      writeSync(fd, `${process.pid} ${hostname()} ${Date.now()}\n`);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temp, lockPath);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return undefined;
      // A file system without hard links: create the lock directly, with a
      // short window in which it has no pid yet (judged by age then).
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') return createDirectly(lockPath);
      throw err;
    }
    return lstatSync(lockPath).ino;
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
}

function createDirectly(lockPath: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(lockPath, EXCLUSIVE, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw err;
  }
  try {
    writeSync(fd, `${process.pid} ${hostname()} ${Date.now()}\n`);
    return fstatSync(fd).ino;
  } catch (err) {
    unlinkSync(lockPath);
    throw err;
  } finally {
    closeSync(fd);
  }
}

function holds(lockPath: string, ino: number): boolean {
  try {
    return lstatSync(lockPath).ino === ino;
  } catch {
    return false;
  }
}

function release(lockPath: string, ino: number): void {
  try {
    if (lstatSync(lockPath).ino === ino) unlinkSync(lockPath);
  } catch {
    // Already gone (broken as stale by another process): nothing to release.
  }
}

interface Holder {
  ino: number;
  pid: number;
  host: string;
  ageMs: number;
}

function inspect(lockPath: string): Holder | undefined {
  try {
    const st = lstatSync(lockPath);
    let text = '';
    if (st.isFile()) {
      try {
        text = readHead(lockPath, 200);
      } catch {
        // Unreadable: judged by age alone.
      }
    }
    const [pid, host] = text.trim().split(/\s+/);
    return { ino: st.ino, pid: Number(pid) || 0, host: host ?? '', ageMs: Date.now() - st.mtimeMs };
  } catch {
    // Released between our attempt and this look: try again.
    return undefined;
  }
}

/**
 * The first `bytes` of a lock file: it is polled, and whatever a neighbour
 * put there (2 GB, or a FIFO swapped in after the lstat) must cost no more
 * than a real lock's few bytes, and never block.
 */
function readHead(path: string, bytes: number): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  try {
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

function isStale(h: Holder, staleMs: number, options: LockOptions): boolean {
  // Far in the future too: a clock set back must not make a lock live forever.
  if (Math.abs(h.ageMs) > staleMs) return true;
  // Garbage, an empty file, a FIFO, a folder: no process holds it.
  if (h.pid <= 0) return h.ageMs > (options.noPidGraceMs ?? NO_PID_GRACE_MS);
  if (h.host !== hostname()) return false;
  if (!isAlive(h.pid)) return true;
  // Alive, but its pid was given to another program after a crash: nothing holds the lock.
  return (options.isKubeLearn ?? isKubeLearn)(h.pid) === false;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function breakStale(lockPath: string, ino: number): void {
  // Named like a temp file, so the orphan sweep removes it if we are killed right here.
  const aside = join(dirname(lockPath), `.${basename(lockPath)}.stale-${randomHex(6)}.tmp`);
  try {
    renameSync(lockPath, aside);
  } catch {
    return; // Someone else broke it first.
  }
  try {
    if (lstatSync(aside).ino !== ino) {
      // Between our look and the rename, the stale lock was broken and a live
      // process took a fresh one: put it back (link fails rather than replace).
      try {
        linkSync(aside, lockPath);
      } catch {
        // A third process holds the lock now; the fresh one we moved is lost.
      }
    }
  } finally {
    try {
      // A folder planted as the lock is removed too, not left aside forever.
      rmSync(aside, { recursive: true, force: true });
    } catch {
      // Nothing to clean.
    }
  }
}
