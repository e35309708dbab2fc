/**
 * Standard output: everything in src/ writes it through here, and names
 * process.stdout nowhere else (test/architecture/stdout.test.ts), so one
 * object knows whether Node's stream for it has been made, and the error
 * listeners (a reader gone, a full disk) are on it whoever made it.
 */
type ErrorListener = (error: NodeJS.ErrnoException) => void;

export class StandardOutput {
  private made?: NodeJS.WriteStream;
  private readonly errorListeners: ErrorListener[] = [];

  constructor(private readonly makeStream: () => NodeJS.WriteStream) {}

  /** Node's stream, made now if it was not: what a terminal front end and inquirer draw on. */
  stream(): NodeJS.WriteStream {
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

  get isTerminal(): boolean {
    return this.stream().isTTY === true;
  }

  write(text: string): void {
    this.stream().write(text);
  }

  /** `listener` hears the stream's errors, from whenever it is made. */
  on(event: 'error', listener: ErrorListener): this {
    this.errorListeners.push(listener);
    this.made?.on(event, listener);
    return this;
  }
}

export const stdout = new StandardOutput(() => process.stdout);
