/**
 * Standard input as a queue of lines. Every line is kept from the moment it
 * arrives, so answers piped in all at once are never lost between prompts
 * (readline.question per prompt drops lines that arrive early). Lines end
 * at \n, \r\n or \r, as node:readline splits them; splitting here spares
 * loading readline before the first prompt.
 */
import { Cancelled } from '../errors.js';
import type { StopSignal } from '../stop.js';

/** Past this many unread lines, stop reading input until the learner's side catches up. */
const HIGH_WATER = 256;
/**
 * A longer run of text without a line end is cut into lines of this length,
 * so endless input can't fill memory: one byte more than the largest
 * manifest (1 MiB), so a manifest's long line (a certificate, a large
 * annotation) arrives whole, and one too long for any manifest is refused as such.
 */
const MAX_LINE = 1024 * 1024 + 1;

export class LineReader {
  private readonly queue: string[] = [];
  private ended = false;
  private waiting?: { resolve: (line: string | undefined) => void; reject: (error: unknown) => void };
  /** Text after the last line end, in the pieces it came in (joined once, when the line ends: linear in its length). */
  private partial: string[] = [];
  private partialLength = 0;
  /** The last chunk ended in \r: a \n starting the next one belongs to that line end. */
  private afterCR = false;
  private paused = false;
  private failure?: Cancelled;
  private readonly onAbort = () => this.waiting?.reject(new Cancelled('signal'));
  private stream?: NodeJS.ReadableStream;

  /**
   * `input` may be a function that gives the stream: it is then asked at the
   * first read, not before. process.stdin is made when first asked for (a
   * socket or a file stream, with the stream machinery behind it): a lesson
   * shows its first screen first. Nothing typed meanwhile is lost; it waits
   * in the pipe or the terminal.
   */
  constructor(
    private readonly source: NodeJS.ReadableStream | (() => NodeJS.ReadableStream),
    private readonly signal?: StopSignal,
  ) {
    if (typeof source !== 'function') this.attach();
    signal?.addEventListener('abort', this.onAbort);
  }

  private get input(): NodeJS.ReadableStream {
    return this.stream ?? this.attach();
  }

  private attach(): NodeJS.ReadableStream {
    const input = typeof this.source === 'function' ? this.source() : this.source;
    this.stream = input;
    input.setEncoding('utf8');
    input.on('data', this.onData);
    input.on('end', this.onEnd);
    return input;
  }

  private readonly onData = (chunk: string) => {
    let from = this.afterCR && chunk.startsWith('\n') ? 1 : 0;
    this.afterCR = false;
    const ends = /\r\n|\n|\r/g;
    ends.lastIndex = from;
    for (let m = ends.exec(chunk); m; m = ends.exec(chunk)) {
      this.take(this.restOfLine(chunk.slice(from, m.index)));
      from = m.index + m[0].length;
      this.afterCR = m[0] === '\r' && from === chunk.length;
    }
    if (from < chunk.length) {
      this.partial.push(chunk.slice(from));
      this.partialLength += chunk.length - from;
    }
    while (this.partialLength > MAX_LINE) {
      const text = this.restOfLine('');
      this.take(text.slice(0, MAX_LINE));
      this.partial = [text.slice(MAX_LINE)];
      this.partialLength = text.length - MAX_LINE;
    }
  };

  /** The line so far followed by `end`; the partial line is emptied. */
  private restOfLine(end: string): string {
    const line = this.partial.length === 0 ? end : this.partial.join('') + end;
    this.partial = [];
    this.partialLength = 0;
    return line;
  }

  private readonly onEnd = () => {
    if (this.partialLength > 0) this.take(this.restOfLine(''));
    this.ended = true;
    if (this.waiting) this.settle().resolve(undefined);
  };

  private take(line: string): void {
    if (this.waiting) return this.settle().resolve(line);
    this.queue.push(line);
    // Endless input (`yes | kube-learn …`) must not fill memory.
    if (this.queue.length >= HIGH_WATER && !this.paused) {
      this.paused = true;
      this.input.pause();
    }
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
        this.input.resume();
      }
      // Through the event loop, not a resolved promise: a queue of invalid
      // answers would otherwise loop in microtasks and starve signal handlers.
      return new Promise((resolve, reject) => setImmediate(() => (this.signal?.aborted ? reject(new Cancelled('signal')) : resolve(line))));
    }
    if (this.ended) return Promise.resolve(undefined);
    this.stream ?? this.attach();
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
    // Never read: nothing to let go of (and no stdin to make now).
    if (!this.stream) return;
    this.stream.off('data', this.onData);
    this.stream.off('end', this.onEnd);
    this.stream.pause();
  }
}
