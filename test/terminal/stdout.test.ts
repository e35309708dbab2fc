/**
 * Standard output on real descriptors: FIFOs (a pipe, as a shell makes
 * one), a file and /dev/null, with the stream Node would make for each.
 */
import { execFileSync } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { closeSync, constants, createWriteStream, mkdtempSync, openSync, readFileSync, readSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StandardOutput } from '../../src/terminal/stdout.js';
import { WAITING_EVENT } from '../../src/terminal/waiting.js';

const { O_RDONLY, O_WRONLY, O_NONBLOCK } = constants;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kube-learn-stdout-'));
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

let fifos = 0;
/** A FIFO's two ends; the reading end never blocks. */
function pipe({ nonBlocking = false } = {}): { reader: number; writer: number } {
  const path = join(tmp, `fifo-${fifos++}`);
  execFileSync('mkfifo', [path]);
  const reader = openSync(path, O_RDONLY | O_NONBLOCK);
  const writer = openSync(path, O_WRONLY | (nonBlocking ? O_NONBLOCK : 0));
  return { reader, writer };
}

/** What `fd` holds now, without waiting. */
function readNow(fd: number): Buffer {
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.alloc(65_536);
    let n: number;
    try {
      n = readSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks);
}

/** Reads `fd` until it has given `bytes` bytes (the stream writes as the event loop turns). */
async function readAll(fd: number, bytes: number): Promise<Buffer> {
  let got = Buffer.alloc(0);
  for (let i = 0; i < 500 && got.length < bytes; i++) {
    got = Buffer.concat([got, readNow(fd)]);
    if (got.length < bytes) await sleep(2);
  }
  return got;
}

/** Standard output on `fd`, whose stream is made the way Node makes process.stdout for a pipe; `made` counts them. */
function outputOn(fd: number, makeStream?: () => NodeJS.WriteStream) {
  const made: NodeJS.WriteStream[] = [];
  const output = new StandardOutput(() => {
    const stream = makeStream?.() ?? (new Socket({ fd, readable: false, writable: true }) as unknown as NodeJS.WriteStream);
    made.push(stream);
    cleanups.push(() => stream.destroy());
    return stream;
  }, fd);
  return { output, made };
}

describe.runIf(process.platform !== 'win32')('standard output', () => {
  it('writes a pipe itself until the program waits for the learner, then through the stream, in order', async () => {
    const { reader, writer } = pipe();
    cleanups.push(() => closeSync(reader));
    const { output, made } = outputOn(writer);
    const events = new EventEmitter();
    output.writeDirectlyUntilWaiting(events);

    expect(output.isTerminal).toBe(false);
    output.write('Step 1 of 37\n');
    output.write('? Ready\n');
    expect(made).toHaveLength(0);
    expect(readNow(reader).toString()).toBe('Step 1 of 37\n? Ready\n');

    events.emit(WAITING_EVENT);
    expect(made).toHaveLength(0);
    output.write('Step 2 of 37\n');
    expect(made).toHaveLength(1);
    expect((await readAll(reader, 13)).toString()).toBe('Step 2 of 37\n');
  });

  it('hands the stream what a full pipe did not take, cut within a character, and the reader gets it all in order', async () => {
    const { reader, writer } = pipe({ nonBlocking: true });
    cleanups.push(() => closeSync(reader));
    const { output, made } = outputOn(writer);
    output.writeDirectlyUntilWaiting(new EventEmitter());
    // Three-byte characters, more of them than a pipe holds (64 KiB): write(2) stops somewhere, maybe inside one.
    const text = `${'€'.repeat(30_000)}.\n`;
    const bytes = Buffer.byteLength(text);
    output.write(text);
    expect(made).toHaveLength(1);
    expect((await readAll(reader, bytes)).equals(Buffer.from(text))).toBe(true);
  });

  it('a reader gone: the stream reports EPIPE to the listeners, as it would have', async () => {
    const { reader, writer } = pipe();
    closeSync(reader);
    const { output, made } = outputOn(writer);
    const codes: (string | undefined)[] = [];
    output.on('error', (error) => codes.push(error.code));
    output.writeDirectlyUntilWaiting(new EventEmitter());
    output.write('Step 1 of 37\n');
    expect(made).toHaveLength(1);
    await once(made[0]!, 'error').catch(() => undefined);
    expect(codes).toEqual(['EPIPE']);
  });

  it('writes a file itself', () => {
    const path = join(tmp, 'out.txt');
    const fd = openSync(path, 'w');
    cleanups.push(() => closeSync(fd));
    const { output, made } = outputOn(fd);
    output.writeDirectlyUntilWaiting(new EventEmitter());
    output.write('Step 1 of 37\n');
    expect(made).toHaveLength(0);
    expect(readFileSync(path, 'utf8')).toBe('Step 1 of 37\n');
  });

  it('a device (a terminal, /dev/null) gets the stream at once: its width and colours are the stream’s', async () => {
    const fd = openSync('/dev/null', 'w');
    const { output, made } = outputOn(fd, () => createWriteStream('', { fd }) as unknown as NodeJS.WriteStream);
    output.writeDirectlyUntilWaiting(new EventEmitter());
    expect(output.isTerminal).toBe(false);
    expect(made).toHaveLength(1);
    output.write('Step 1 of 37\n');
    expect(made).toHaveLength(1);
  });

  it('is the stream from the first write in any other run (a command), and its listeners are on it', async () => {
    const { reader, writer } = pipe();
    cleanups.push(() => closeSync(reader));
    const { output, made } = outputOn(writer);
    const heard: string[] = [];
    output.on('error', (error) => heard.push(error.message));
    output.write('id  title\n');
    expect(made).toHaveLength(1);
    made[0]!.emit('error', new Error('disk full'));
    expect(heard).toEqual(['disk full']);
    expect((await readAll(reader, 10)).toString()).toBe('id  title\n');
  });

  it('asking for the stream ends writing the descriptor itself', async () => {
    const { reader, writer } = pipe();
    cleanups.push(() => closeSync(reader));
    const { output, made } = outputOn(writer);
    output.writeDirectlyUntilWaiting(new EventEmitter());
    output.write('one\n');
    const stream = output.stream();
    output.write('two\n');
    expect(made).toEqual([stream]);
    expect((await readAll(reader, 8)).toString()).toBe('one\ntwo\n');
  });
});
