/**
 * Replacing a file so that a crash at any instant leaves the old file or the
 * new one, never a torn one: write a temp file in the same folder, fsync it,
 * rename it over the target, fsync the folder so the rename itself is durable.
 *
 * The temp file's name is random and it is created exclusively (O_EXCL, and
 * O_NOFOLLOW where the platform has it), so a file or symlink planted at a
 * guessable path is never opened, let alone written through.
 */
import { closeSync, constants, fchmodSync, fsyncSync, lstatSync, openSync, readdirSync, renameSync, unlinkSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomHex } from './random-name.js';

const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
const TEMP_TRIES = 8;

export interface AtomicOptions {
  mode?: number;
  /**
   * Asked after the data is durable and just before the rename: false means
   * the target must not be replaced any more (the writer lost its lock); the
   * temp file is removed and Abandoned is thrown.
   */
  stillValid?: () => boolean;
  /** The random part of the temp name; replaceable only so a test can make it collide. */
  random?: () => string;
}

function tempPrefix(target: string): string {
  return `.${basename(target)}.`;
}

/** The write was given up before the rename: the target is as it was. */
export class Abandoned extends Error {
  override name = 'Abandoned';
}

export function tempName(target: string, random: string): string {
  return join(dirname(target), `${tempPrefix(target)}${random}.tmp`);
}

/** `data`: the text, or the bytes in parts, written in order. */
export function writeFileAtomic(target: string, data: string | readonly Uint8Array[], options: AtomicOptions = {}): void {
  const mode = options.mode ?? 0o600;
  const random = options.random ?? (() => randomHex(12));
  const { fd, path: temp } = createExclusive(target, mode, random);
  try {
    try {
      // The mode given to open is reduced by the umask; set it exactly.
      fchmodSync(fd, mode);
      writeAll(fd, typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.stillValid && !options.stillValid()) throw new Abandoned(`${target} was not replaced`);
    renameSync(temp, target);
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
  fsyncDir(dirname(target));
}

/** A write may take fewer bytes than given (a signal, a full disk): the rest is written again. */
function writeAll(fd: number, parts: readonly Uint8Array[]): void {
  let rest = parts.filter((p) => p.length > 0);
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    let whole = 0;
    while (whole < rest.length && written >= rest[whole]!.length) written -= rest[whole++]!.length;
    rest = whole < rest.length ? [rest[whole]!.subarray(written), ...rest.slice(whole + 1)] : [];
  }
}

function createExclusive(target: string, mode: number, random: () => string): { fd: number; path: string } {
  for (let i = 0; ; i++) {
    const path = tempName(target, random());
    try {
      return { fd: openSync(path, EXCLUSIVE, mode), path };
    } catch (err) {
      // Something is already there: pick another name, never open it.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || i + 1 >= TEMP_TRIES) throw err;
    }
  }
}

/** Makes a rename durable. Not every platform can open a folder (Windows cannot); there it is skipped. */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY);
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'EBADF') throw err;
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes temp files left by a process killed mid-write. Called with the lock
 * held, when no live writer has a temp file; the age limit spares a writer
 * whose lock was judged stale while it was still (very slowly) writing.
 */
export function removeOrphans(target: string, olderThanMs: number, now: number = Date.now()): number {
  const dir = dirname(target);
  const prefix = tempPrefix(target);
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    try {
      const st = lstatSync(path);
      if (now - st.mtimeMs >= olderThanMs) {
        unlinkSync(path);
        removed++;
      }
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // The temp file may never have been written; the original is untouched either way.
  }
}
