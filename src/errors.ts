/**
 * The errors that cross layers. Each carries the exit code it stands for;
 * `src/run.ts` is the one place that turns them into a message and a code.
 */

export const ExitCode = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the CLI was called: unknown lesson, bad option value. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly exitCode = ExitCode.usage;
}

/**
 * Something the user gave us did not pass a check (a lint problem, a wrong
 * manifest, an unwritable state folder). The message is already for the user.
 * Exit 1.
 */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
  readonly exitCode = ExitCode.checkFailed;
}

/**
 * The learner stopped: Ctrl-C, a signal, or the end of input. Whichever front
 * end noticed it throws this one error, so the engine and the progress store
 * never need to know which.
 */
export class Cancelled extends Error {
  override name = 'Cancelled';
  /** `signal`: Ctrl-C, SIGTERM, SIGHUP (exit 130). `eof` and `quit`: exit 0. */
  constructor(
    readonly reason: 'signal' | 'eof' | 'quit',
    message = 'Cancelled',
  ) {
    super(message);
  }
  get exitCode(): ExitCodeValue {
    return this.reason === 'signal' ? ExitCode.interrupted : ExitCode.ok;
  }
}
