/**
 * The one place that turns an outcome into an exit code and an error into a
 * one-line message on stderr. Nothing else calls process.exit.
 */
import { Cancelled, CheckFailed, ExitCode, UsageError } from './errors.js';
import { neutralize } from './text/sanitize.js';
import { stdout } from './terminal/stdout.js';

/** Commander reports its own parse errors; we only map them to an exit code. */
function isCommanderError(error: unknown): error is { code: string; exitCode: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('commander.')
  );
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof Cancelled) return error.exitCode;
  if (error instanceof UsageError || error instanceof CheckFailed) return error.exitCode;
  if (isCommanderError(error)) {
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    return quiet.includes(error.code) ? ExitCode.ok : ExitCode.usage;
  }
  return ExitCode.checkFailed;
}

function messageFor(error: unknown): string | undefined {
  if (error instanceof Cancelled)
    return error.reason === 'signal' ? (error.message === 'Cancelled' ? 'Interrupted.' : error.message) : undefined;
  if (isCommanderError(error)) return undefined;
  if (error instanceof UsageError || error instanceof CheckFailed) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return `unexpected error: ${text} (set KUBE_LEARN_DEBUG=1 for details)`;
}

/** Waits for buffered output, unless the reader is gone (`| head`): then nothing will drain. */
function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.writableNeedDrain || stream.destroyed) return resolve();
    stream.once('drain', resolve);
    stream.once('close', resolve);
    stream.once('error', resolve);
  });
}

let stderrMade = false;

/** process.stderr, with the listener that keeps a closed stderr (`2>&-`, a reader gone) from crashing the process. */
function stderr(): NodeJS.WriteStream {
  if (!stderrMade) {
    stderrMade = true;
    process.stderr.on('error', () => undefined);
  }
  return process.stderr;
}

/**
 * Writes to stderr. process.stderr is made when first asked for (a socket
 * or a terminal stream: ~2 ms on a lesson's way to its first prompt), so a
 * run started with `streams: 'when-written'` makes it only to write to it;
 * everything on that run's way writes through here.
 */
export function writeStderr(text: string): void {
  stderr().write(text);
}

export interface RunOptions {
  /**
   * 'at-once' (the default): stdout's and stderr's streams are made at the
   * start, so a command that writes process.stderr directly is covered.
   * 'when-written' (a lesson start, the course map, `continue`): stderr is
   * made when writeStderr first writes, and stdout writes its first screen
   * without its stream (./terminal/stdout.ts).
   */
  streams?: 'at-once' | 'when-written';
}

export async function run(main: () => Promise<number | void>, options: RunOptions = {}): Promise<never> {
  let code: number;
  // Why stdout could not take the output (the reader went away: `| head`; a
  // full disk). Such an error arrives after the write: it is noted here
  // rather than crashing the process, and decides the exit code at the end.
  let outputFailure: string | undefined;
  stdout.on('error', (error) => {
    outputFailure ??= error.code ?? error.message;
  });
  if (options.streams === 'when-written') {
    stdout.writeDirectlyUntilWaiting();
  } else {
    stdout.stream();
    stderr();
  }
  try {
    code = (await main()) ?? ExitCode.ok;
  } catch (error) {
    code = exitCodeFor(error);
    const message = messageFor(error);
    if (message) writeStderr(`kube-learn: ${neutralize(message.split('\n')[0]!)}\n`);
    if (process.env.KUBE_LEARN_DEBUG && error instanceof Error && error.stack) writeStderr(`${error.stack}\n`);
  }
  const { streamIfMade } = stdout;
  await Promise.all([streamIfMade ? flush(streamIfMade) : undefined, stderrMade ? flush(process.stderr) : undefined]);
  // A write that failed reports it in the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  if (outputFailure !== undefined && code === ExitCode.ok) {
    // The command's output is incomplete: a script must not take it for success.
    code = ExitCode.checkFailed;
    writeStderr(`kube-learn: the output could not be written (${neutralize(outputFailure)})\n`);
  }
  // Prompt libraries and stdin readers may still hold the event loop open.
  process.exit(code);
}
