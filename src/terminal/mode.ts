/**
 * Which front end a run gets, decided in one place for every command that
 * talks to the learner (a lesson, the course map, `continue`).
 */

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
export function wantsPlain(opts: { plain?: boolean }, ctx: ModeContext = process): boolean {
  const accessible = ctx.env.ACCESSIBLE !== undefined && ctx.env.ACCESSIBLE !== '' && ctx.env.ACCESSIBLE !== '0';
  // stdin last: asking process.stdin makes it (a stream, before the first screen), which plain mode defers.
  return opts.plain === true || accessible || ctx.env.TERM === 'dumb' || !ctx.stdout.isTTY || !ctx.stdin.isTTY;
}
