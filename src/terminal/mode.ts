/**
 * Which front end a run gets, decided in one place for every command that
 * talks to the learner (a lesson, the course map, `continue`).
 */
import { stdout } from './stdout.js';

export interface ModeContext {
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/**
 * Plain (line by line) with --plain, without a terminal on both ends, on a
 * dumb terminal (it cannot move the cursor the interactive prompts need),
 * or with ACCESSIBLE set (screen readers follow lines, not a redrawn screen).
 */
export function wantsPlain(opts: { plain?: boolean }, ctx: ModeContext = processContext()): boolean {
  const accessible = ctx.env.ACCESSIBLE !== undefined && ctx.env.ACCESSIBLE !== '' && ctx.env.ACCESSIBLE !== '0';
  // stdin last: even asked of its file descriptor, it is a system call the other answers may spare.
  return opts.plain === true || accessible || ctx.env.TERM === 'dumb' || !ctx.stdout.isTTY || !ctx.stdin.isTTY;
}

/**
 * This process, with stdin asked of its file descriptor: process.stdin would
 * make the stream (~0.2 ms in a terminal), which both front ends make only
 * once the first screen is out. node:tty is loaded already when stdout is a
 * terminal, the only case that asks. stdout is asked of ./stdout.ts, which
 * tells a pipe or a file without making its stream.
 */
function processContext(): ModeContext {
  return {
    stdin: {
      get isTTY() {
        return process.getBuiltinModule('node:tty').isatty(0);
      },
    },
    stdout: {
      get isTTY() {
        return stdout.isTerminal;
      },
    },
    env: process.env,
  };
}
