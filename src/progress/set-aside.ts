/**
 * The copies a store leaves beside the progress file rather than overwrite
 * anything it cannot read back: a corrupt file moved aside, and the last
 * file of an old format before it is first rewritten in the new one.
 */
import { constants, copyFileSync, existsSync } from 'node:fs';

/** `path.suffix`, or `path.suffix-1`, `-2`… when that is taken: nothing set aside earlier is overwritten. */
function asideName(path: string, suffix: string): string {
  let name = `${path}.${suffix}`;
  for (let i = 1; existsSync(name); i++) name = `${path}.${suffix}-${i}`;
  return name;
}

/** The name for a corrupt file moved aside at `at`: a timestamp valid as a file name everywhere (no colons). */
export function corruptName(path: string, at: Date): string {
  return asideName(path, `corrupt-${at.toISOString().replace(/[:.]/g, '-')}`);
}

/** Before an old format is first overwritten, a copy stays, in case the migration is wrong. */
export function keepOldFormat(path: string, version: number): void {
  const copy = `${path}.v${version}.bak`;
  if (!existsSync(copy)) copyFileSync(path, copy, constants.COPYFILE_EXCL);
}
