/**
 * Turns a failed file operation on the state folder into the one line the
 * learner sees. Anything not about storage is returned unchanged.
 */
import { dirname } from 'node:path';
import { CheckFailed } from '../errors.js';
import { LockBusy } from './lock.js';

const REASONS: Record<string, (file: string) => string> = {
  EACCES: (f) => `no permission to write in ${dirname(f)}`,
  EPERM: (f) => `no permission to write in ${dirname(f)}`,
  EROFS: (f) => `${dirname(f)} is on a read-only file system`,
  ENOSPC: () => 'the disk is full',
  EDQUOT: () => 'the disk quota is used up',
  ENOTDIR: (f) => `a file is in the way of the folder ${dirname(f)}`,
  EEXIST: (f) => `a file is in the way of the folder ${dirname(f)}`,
  EISDIR: (f) => `${f} is a folder, not a file`,
  EIO: () => 'an input/output error from the disk',
};

/** `doing` completes "could not ... <file>", e.g. "save progress to"; `after` ends the line. */
export function storageError(err: unknown, doing: string, file: string, after = ''): unknown {
  if (err instanceof LockBusy) {
    return new CheckFailed(`could not ${doing} ${file}: another kube-learn is saving (${err.holder}); try again${after}`);
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(err instanceof Error)) return err;
  const reason = REASONS[code]?.(file) ?? `${code}`;
  return new CheckFailed(`could not ${doing} ${file}: ${reason}${after}`);
}
