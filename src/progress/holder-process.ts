/**
 * Whether the live process named in a lock is a kube-learn at all. A lock
 * left by a crash keeps its pid; once the system gives that pid to another
 * program (a shell, an editor), "alive" says nothing about the lock, and
 * waiting the whole stale limit for it makes every start wait.
 *
 * Linux tells through /proc/<pid>/cmdline: a kube-learn is started as
 * `node …/kube-learn …` (the npm bin, npx, a file in a package folder of
 * that name) or runs a file of this package (`node dist/cli.js` in a clone,
 * a test). Elsewhere, or when /proc does not
 * say, the answer is unknown and the lock is judged by its age, as before.
 * A wrong "no" is survivable: a holder checks that its lock is still its own
 * before it replaces the file (./lock.ts `held`), and starts over if not.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../package-root.js';

export type ProcessReader = (pid: number) => { args: string[]; cwd?: string } | undefined;

/** The command line and working folder of a process, from /proc; undefined when /proc cannot say. */
export const readProc: ProcessReader = (pid) => {
  if (process.platform !== 'linux') return undefined;
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return undefined;
  }
  let cwd: string | undefined;
  try {
    cwd = readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    // Another user's process: its arguments still say what it runs.
  }
  return { args: raw.split('\0').filter(Boolean), cwd };
};

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * True: a kube-learn (or code of this package); false: another program (or
 * a zombie, whose command line is empty); undefined: cannot tell.
 */
export function isKubeLearn(pid: number, read: ProcessReader = readProc, root: () => string = packageRoot): boolean | undefined {
  const proc = read(pid);
  if (proc === undefined) return undefined;
  // What it runs, not what runs it: the first word is the program (node), wherever that is installed.
  const args = proc.args.slice(1);
  if (args.some((a) => a.split('/').includes('kube-learn'))) return true;
  let ours: string;
  try {
    ours = root();
  } catch {
    return undefined;
  }
  // Only what names a file: a bare word ("bash", "-e", "day4") resolves into any working folder.
  return args.some((a) => {
    if (!a.includes('/') && !/\.[cm]?[jt]s$/.test(a)) return false;
    if (!isAbsolute(a) && proc.cwd === undefined) return false;
    return inside(ours, resolve(proc.cwd ?? '/', a));
  });
}
