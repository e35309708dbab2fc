/**
 * A child process seen from outside, through Linux's /proc: whether it has a
 * file open, and how much CPU time it has used. The interrupt tests use them
 * to tell that a child is in the middle of a long load before sending SIGINT.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Whether the child has a file open whose path `matches`. */
export function hasOpen(pid: number, matches: (path: string) => boolean): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return matches(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** Clock ticks a second, for /proc's CPU times (100 on every Linux we know; asked, in case). */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** The child's CPU time so far, all its threads (a worker's too), in ms. */
export function cpuMs(pid: number): number {
  try {
    // After the command name in parentheses: state is field 3, utime and stime fields 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU time by which a start is surely past its set-up and into a long load:
 * a whole small lesson start costs 200-300 ms of CPU on a busy 2-core runner,
 * the loads these tests make take seconds.
 */
export const LOADING_CPU_MS = 700;
