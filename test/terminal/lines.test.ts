import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Cancelled } from '../../src/errors.js';
import { LineReader } from '../../src/terminal/lines.js';

/** Every line the reader gives for these chunks of input, up to the end. */
async function linesOf(chunks: readonly (string | Buffer)[]): Promise<string[]> {
  const input = new PassThrough();
  const reader = new LineReader(input);
  for (const chunk of chunks) input.write(chunk);
  input.end();
  const lines: string[] = [];
  for (let line = await reader.next(); line !== undefined; line = await reader.next()) lines.push(line);
  reader.close();
  return lines;
}

describe('LineReader', () => {
  it('given a function, asks it for the stream at the first read, and keeps what arrived before', async () => {
    const input = new PassThrough();
    input.write('early\n');
    let asked = 0;
    const reader = new LineReader(() => {
      asked++;
      return input;
    });
    expect(asked).toBe(0);
    const first = reader.next();
    input.end('late\n');
    expect([await first, await reader.next(), await reader.next()]).toEqual(['early', 'late', undefined]);
    expect(asked).toBe(1);
    reader.close();
  });

  it('closed before any read, it never asks for the stream', () => {
    const reader = new LineReader(() => {
      throw new Error('asked for the stream');
    });
    reader.close();
  });

  it('ends lines at \\n, \\r\\n and \\r, as node:readline does', async () => {
    expect(await linesOf(['a\nb\r\nc\rd\n'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps empty lines: Enter alone is an answer', async () => {
    expect(await linesOf(['\n\n1\n'])).toEqual(['', '', '1']);
  });

  it('joins a line split across chunks, and \\r\\n split between two chunks is one line end', async () => {
    expect(await linesOf(['ku', 'be\r', '\nctl\r', 'x\n'])).toEqual(['kube', 'ctl', 'x']);
  });

  it('gives the last line even without a line end', async () => {
    expect(await linesOf(['one\ntwo'])).toEqual(['one', 'two']);
    expect(await linesOf(['one\r'])).toEqual(['one']);
  });

  it('decodes UTF-8 split inside a character', async () => {
    const bytes = Buffer.from('✔ Pod\n');
    expect(await linesOf([bytes.subarray(0, 1), bytes.subarray(1)])).toEqual(['✔ Pod']);
  });

  it('keeps a line as long as a whole manifest (a certificate, a large annotation) in one piece', async () => {
    const long = 'x'.repeat(300 * 1024);
    expect(await linesOf([`a: ${long.slice(0, 70_000)}`, `${long.slice(70_000)}\n`, 'b\n'])).toEqual([`a: ${long}`, 'b']);
  });

  it('cuts text that never ends a line into lines just longer than a manifest may be, so it cannot fill memory', async () => {
    const MiB = 1024 * 1024;
    const lines = await linesOf(Array.from({ length: 40 }, () => 'x'.repeat(64 * 1024)));
    expect(lines.map((l) => l.length)).toEqual([MiB + 1, MiB + 1, 40 * 64 * 1024 - 2 * (MiB + 1)]);
  });

  it('takes time that grows linearly with a long line arriving in many chunks', async () => {
    const { growth } = await import('../helpers/growth.js');
    // Synchronous: the chunks go straight to the reader's data handler.
    const feed = (chunks: number) => {
      const input = new PassThrough();
      const reader = new LineReader(input);
      for (let i = 0; i < chunks; i++) input.emit('data', 'x'.repeat(1024));
      reader.close();
    };
    expect(growth(feed, (n) => n, 512)).toBeLessThan(3);
  });

  it('waits for a line that has not come yet, and says undefined at the end of input', async () => {
    const input = new PassThrough();
    const reader = new LineReader(input);
    const next = reader.next();
    input.write('late\n');
    await expect(next).resolves.toBe('late');
    const end = reader.next();
    input.end();
    await expect(end).resolves.toBeUndefined();
    reader.close();
  });

  it('stops a waiting read with Cancelled("signal") when the signal aborts', async () => {
    const input = new PassThrough();
    const stop = new AbortController();
    const reader = new LineReader(input, stop.signal);
    const next = reader.next();
    stop.abort();
    await expect(next).rejects.toEqual(new Cancelled('signal'));
    reader.close();
  });
});
