/**
 * Standard input as a queue of lines. Every line is kept from the moment it
 * arrives, so answers piped in all at once are never lost between prompts
 * (readline.question per prompt drops lines that arrive early).
 */
import { createInterface, type Interface } from 'node:readline';
import { Cancelled } from '../errors.js';

export class LineReader {
  private readonly queue: string[] = [];
  private ended = false;
  private waiting?: { resolve: (line: string | undefined) => void; reject: (error: unknown) => void };
  private readonly rl: Interface;
  private failure?: Cancelled;
  private readonly onAbort = () => this.waiting?.reject(new Cancelled('signal'));

  constructor(
    input: NodeJS.ReadableStream,
    private readonly signal?: AbortSignal,
  ) {
    this.rl = createInterface({ input, crlfDelay: Infinity, terminal: false });
    this.rl.on('line', (line) => {
      if (this.waiting) this.settle().resolve(line);
      else this.queue.push(line);
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
    if (this.queue.length > 0) return Promise.resolve(this.queue.shift());
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
