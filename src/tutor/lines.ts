/**
 * Standard input as a queue of lines. Every line is kept from the moment it
 * arrives, so answers piped in all at once are never lost between prompts
 * (readline.question per prompt drops lines that arrive early).
 */
import { createInterface, type Interface } from 'node:readline';
import { Cancelled } from '../errors.js';

/** Past this many unread lines, stop reading input until the learner's side catches up. */
const HIGH_WATER = 256;

export class LineReader {
  private readonly queue: string[] = [];
  private ended = false;
  private waiting?: { resolve: (line: string | undefined) => void; reject: (error: unknown) => void };
  private readonly rl: Interface;
  private paused = false;
  private failure?: Cancelled;
  private readonly onAbort = () => this.waiting?.reject(new Cancelled('signal'));

  constructor(
    input: NodeJS.ReadableStream,
    private readonly signal?: AbortSignal,
  ) {
    this.rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
    this.rl.on('line', (line) => {
      if (this.waiting) return this.settle().resolve(line);
      this.queue.push(line);
      // Endless input (`yes | kube-learn …`) must not fill memory.
      if (this.queue.length >= HIGH_WATER && !this.paused) {
        this.paused = true;
        this.rl.pause();
      }
    });
    this.rl.on('close', () => {
      this.ended = true;
      if (this.waiting) this.settle().resolve(undefined);
    });
    signal?.addEventListener('abort', this.onAbort);
  }

  private settle() {
    const waiting = this.waiting!;
    this.waiting = undefined;
    return waiting;
  }

  /** The next line, or undefined at the end of input. Rejects with Cancelled('signal') once the signal aborts. */
  next(): Promise<string | undefined> {
    if (this.signal?.aborted) return Promise.reject(new Cancelled('signal'));
    if (this.failure) return Promise.reject(this.failure);
    if (this.queue.length > 0) {
      const line = this.queue.shift();
      if (this.paused && this.queue.length < HIGH_WATER / 2) {
        this.paused = false;
        this.rl.resume();
      }
      // Through the event loop, not a resolved promise: a queue of invalid
      // answers would otherwise loop in microtasks and starve signal handlers.
      return new Promise((resolve, reject) =>
        setImmediate(() => (this.signal?.aborted ? reject(new Cancelled('signal')) : resolve(line))),
      );
    }
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** Ends the conversation from the other side (the output went away): this read and every later one throw `error`. */
  fail(error: Cancelled): void {
    this.failure = error;
    if (this.waiting) this.settle().reject(error);
  }

  close(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    this.rl.close();
  }
}
