/**
 * Standard output: everything in src/ writes it through here, and names
 * process.stdout nowhere else (test/architecture/stdout.test.ts), so one
 * object knows whether Node's stream for it has been made, and the error
 * listeners (a reader gone, a full disk) are on it whoever made it.
 *
 * A lesson start writes its first screen without the stream. Node makes
 * process.stdout when it is first asked for, and on a pipe or a socket that
 * loads its `net` module and makes a socket: ~1.5 ms of a start's ~5 ms
 * beyond Node's own, and ~2 ms later on the screen (bench/README.md). So
 * until the program first waits for the learner (./waiting.ts), a pipe, a
 * socket or a file is written with write(2), as Node itself writes a file.
 * From then on the stream is used, made at the next write: it never blocks
 * the process on a reader that stopped reading, as write(2) on a full pipe
 * would. A write(2) that fails or writes short (a full non-blocking pipe, a
 * reader gone) hands what is left to the stream, which writes it, or
 * reports why not to the same listeners, as it always did. A terminal
 * gets the stream at once: its width and colours are the stream's.
 */
import { fstatSync, writeSync } from 'node:fs';
import { WAITING_EVENT } from './waiting.js';

type ErrorListener = (error: NodeJS.ErrnoException) => void;

export class StandardOutput {
  private made?: NodeJS.WriteStream;
  private readonly errorListeners: ErrorListener[] = [];
  /** Whether writes skip the stream: 'maybe' until the descriptor is looked at. */
  private direct: 'no' | 'maybe' | 'yes' = 'no';

  constructor(
    private readonly makeStream: () => NodeJS.WriteStream,
    /** The stream's file descriptor. */
    private readonly fd = 1,
  ) {}

  /**
   * Writes go to the file descriptor, if it is a pipe, a socket or a file,
   * until `events` says the program waits for the learner, or something
   * asks for the stream.
   */
  writeDirectlyUntilWaiting(events: NodeJS.EventEmitter = process): void {
    if (this.made !== undefined) return;
    this.direct = 'maybe';
    events.once(WAITING_EVENT, () => {
      this.direct = 'no';
    });
  }

  /** Node's stream, made now if it was not: what a terminal front end and inquirer draw on. */
  stream(): NodeJS.WriteStream {
    this.direct = 'no';
    if (this.made === undefined) {
      this.made = this.makeStream();
      for (const listener of this.errorListeners) this.made.on('error', listener);
    }
    return this.made;
  }

  /** The stream if it was made: what is left to flush at exit. */
  get streamIfMade(): NodeJS.WriteStream | undefined {
    return this.made;
  }

  /** Known without the stream while writes skip it (a pipe, a socket, a file); otherwise asked of the stream, made now as process.stdout is. */
  get isTerminal(): boolean {
    return !this.writesDirectly() && this.stream().isTTY === true;
  }

  write(text: string): void {
    if (!this.writesDirectly()) {
      this.stream().write(text);
      return;
    }
    let written = 0;
    try {
      written = writeSync(this.fd, text);
      if (written === Buffer.byteLength(text)) return;
    } catch {
      // Nothing was written: the stream writes it, or reports why it cannot.
    }
    this.stream().write(written === 0 ? text : Buffer.from(text).subarray(written));
  }

  /** `listener` hears the stream's errors, from whenever it is made. */
  on(event: 'error', listener: ErrorListener): this {
    this.errorListeners.push(listener);
    this.made?.on(event, listener);
    return this;
  }

  private writesDirectly(): boolean {
    if (this.direct === 'maybe') this.direct = takesWrites(this.fd) ? 'yes' : 'no';
    return this.direct === 'yes';
  }
}

/** A pipe, a socket or a file: never a terminal, and written as Node's stream would write it. */
function takesWrites(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFIFO() || info.isSocket() || info.isFile();
  } catch {
    // Closed, or not ours to look at: the stream decides what that means, as before.
    return false;
  }
}

export const stdout = new StandardOutput(() => process.stdout);
