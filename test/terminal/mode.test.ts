import { describe, expect, it } from 'vitest';
import { wantsPlain } from '../../src/terminal/mode.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };
const ctx = (env: NodeJS.ProcessEnv, stdin = tty, stdout = tty) => ({ stdin, stdout, env });

describe('wantsPlain', () => {
  it('interactive only with a terminal on both ends and nothing asking for plain', () => {
    expect(wantsPlain({}, ctx({ TERM: 'xterm-256color' }))).toBe(false);
    expect(wantsPlain({ plain: true }, ctx({}))).toBe(true);
    expect(wantsPlain({}, ctx({}, pipe))).toBe(true);
    expect(wantsPlain({}, ctx({}, tty, pipe))).toBe(true);
    expect(wantsPlain({}, ctx({ TERM: 'dumb' }))).toBe(true);
  });

  it('asks about stdin last, so a plain start does not make process.stdin before its first screen', () => {
    const untouched = {
      get isTTY(): boolean {
        throw new Error('stdin was asked');
      },
    };
    expect(wantsPlain({ plain: true }, ctx({}, untouched))).toBe(true);
    expect(wantsPlain({}, ctx({}, untouched, pipe))).toBe(true);
    expect(wantsPlain({}, ctx({ ACCESSIBLE: '1', TERM: 'dumb' }, untouched))).toBe(true);
  });

  it('ACCESSIBLE set (but not empty or 0) asks for plain', () => {
    expect(wantsPlain({}, ctx({ ACCESSIBLE: '1' }))).toBe(true);
    expect(wantsPlain({}, ctx({ ACCESSIBLE: 'yes' }))).toBe(true);
    expect(wantsPlain({}, ctx({ ACCESSIBLE: '' }))).toBe(false);
    expect(wantsPlain({}, ctx({ ACCESSIBLE: '0' }))).toBe(false);
  });
});
