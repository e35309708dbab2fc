/**
 * Whether the state folder may hold progress: the learner's own folder,
 * writable by no one else. Refused when it is a symbolic link (kube-learn
 * would write where it points), not the learner's, or writable by group or
 * others: whoever can write there can delete or forge the progress
 * (XDG_STATE_HOME may point into a shared folder, where a neighbour can
 * make it first).
 */
import { lstatSync, mkdirSync, type Stats } from 'node:fs';
import { CheckFailed } from '../errors.js';

/**
 * Whether `dir` is there, made private (0700) first when `create`; a
 * CheckFailed when it is there but not for kube-learn to use.
 */
export function stateFolder(dir: string, { create }: { create: boolean }): boolean {
  if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
  let st: Stats;
  try {
    st = lstatSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw err;
  }
  const refuse = (why: string) =>
    new CheckFailed(`progress folder ${dir} ${why}; kube-learn keeps progress only in a folder that only you can write`);
  if (st.isSymbolicLink()) throw refuse('is a symbolic link');
  // A file in the way: no progress to read, and saving says so (ENOTDIR).
  if (!st.isDirectory()) return false;
  if (process.getuid !== undefined && st.uid !== process.getuid()) throw refuse(`belongs to another user (uid ${st.uid})`);
  if (process.getuid !== undefined && (st.mode & 0o022) !== 0) {
    throw refuse(
      `can be written by ${st.mode & 0o002 ? 'other users' : 'its group'} (mode ${(st.mode & 0o777).toString(8)}; chmod 700 it if it is yours)`,
    );
  }
  return true;
}
