/**
 * The two hostile state folders the store must cope with: a
 * read-only folder and a full disk. Root ignores permission bits, so as root
 * a read-only bind mount stands in for chmod; both return undefined where the
 * machine allows neither, and the test skips.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function canWrite(dir: string): boolean {
  try {
    writeFileSync(join(dir, '.probe'), 'x');
    rmSync(join(dir, '.probe'));
    return true;
  } catch {
    return false;
  }
}

/** Makes `dir` read-only; returns the undo, or undefined when this machine cannot. */
export function makeReadOnly(dir: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    if (!canWrite(dir)) return () => chmodSync(dir, 0o755);
    chmodSync(dir, 0o755);
    return undefined;
  }
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const undo = () => execFileSync('umount', [dir], { stdio: 'ignore' });
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'ignore' });
  } catch {
    undo();
    return undefined;
  }
  if (canWrite(dir)) {
    undo();
    return undefined;
  }
  return undo;
}

/** A tmpfs of `size` bytes mounted at `dir` (root only); returns the unmount, or undefined. */
export function tinyTmpfs(dir: string, size: number): (() => void) | undefined {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return () => execFileSync('umount', [dir], { stdio: 'ignore' });
}
