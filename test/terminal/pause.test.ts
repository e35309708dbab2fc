import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pauseKey, readPauseKey } from '../../src/terminal/pause.js';

describe('pauseKey', () => {
  it('Enter continues, q or Q or Ctrl-D quits, Ctrl-C interrupts', () => {
    expect(pauseKey('\r')).toBe('continue');
    expect(pauseKey('\n')).toBe('continue');
    expect(pauseKey('q')).toBe('quit');
    expect(pauseKey('Q')).toBe('quit');
    expect(pauseKey('\u0004')).toBe('quit');
    expect(pauseKey('\u0003')).toBe('interrupt');
  });

  it('ignores arrows, other escape sequences and other keys', () => {
    for (const key of ['\u001b[A', '\u001b[B', '\u001bOP', '\u001b', 'x', ' ', 'j']) expect(pauseKey(key)).toBeUndefined();
  });

  it('takes the first key that means something in a chunk of several, escape sequences and all', () => {
    expect(pauseKey('xq\r')).toBe('quit');
    expect(pauseKey('ab\rq')).toBe('continue');
    expect(pauseKey('\u001b[Bx\u001b[Aq')).toBe('quit');
    expect(pauseKey('\u001b[1;5Cq')).toBe('quit');
    // Alt+q is not q.
    expect(pauseKey('\u001bq')).toBeUndefined();
  });
});

describe('readPauseKey', () => {
  it('waits past keys that mean nothing, then stops reading', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream & PassThrough;
    const answer = readPauseKey(input);
    input.write('x');
    input.write('\u001b[B');
    input.write('q');
    await expect(answer).resolves.toBe('quit');
    expect(input.listenerCount('data')).toBe(0);
    expect(input.isPaused()).toBe(true);
  });

  it('answers interrupt when the signal aborts, and end at the end of input', async () => {
    const input = new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
    const stop = new AbortController();
    const interrupted = readPauseKey(input, stop.signal);
    stop.abort();
    await expect(interrupted).resolves.toBe('interrupt');
    const ended = readPauseKey(input);
    input.end();
    await expect(ended).resolves.toBe('end');
  });
});
