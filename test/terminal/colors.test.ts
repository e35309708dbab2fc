import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorLevel, palette } from '../../src/terminal/colors.js';

describe('colorLevel', () => {
  const tty = { plain: false, colorDepth: 24 };
  it('follows the terminal when nothing is set', () => {
    expect(colorLevel({}, tty)).toBe(3);
    expect(colorLevel({}, { plain: false, colorDepth: 8 })).toBe(2);
    expect(colorLevel({}, { plain: false, colorDepth: 1 })).toBe(0);
    expect(colorLevel({}, { plain: false })).toBe(0);
  });
  it('NO_COLOR (non-empty) turns colour off, even with FORCE_COLOR', () => {
    expect(colorLevel({ NO_COLOR: '1' }, tty)).toBe(0);
    expect(colorLevel({ NO_COLOR: '1', FORCE_COLOR: '3' }, tty)).toBe(0);
    expect(colorLevel({ NO_COLOR: '' }, tty)).toBe(3);
  });
  it('plain mode has no colour unless FORCE_COLOR asks', () => {
    expect(colorLevel({}, { plain: true, colorDepth: 24 })).toBe(0);
    expect(colorLevel({ FORCE_COLOR: '1' }, { plain: true })).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '' }, { plain: true })).toBe(1);
    expect(colorLevel({ FORCE_COLOR: 'true' }, { plain: true })).toBe(1);
    expect(colorLevel({ FORCE_COLOR: '3' }, { plain: true })).toBe(3);
    expect(colorLevel({ FORCE_COLOR: '9' }, { plain: true })).toBe(3);
  });
  it('FORCE_COLOR=0 or false turns colour off on a terminal', () => {
    expect(colorLevel({ FORCE_COLOR: '0' }, tty)).toBe(0);
    expect(colorLevel({ FORCE_COLOR: 'false' }, tty)).toBe(0);
  });
});

describe('palette', () => {
  it('styles nothing at level 0 and colours at level 1', async () => {
    expect((await palette(0)).code('x')).toBe('x');
    expect((await palette(0)).enabled).toBe(false);
    expect((await palette(1)).code('x')).toBe('\u001b[36mx\u001b[39m');
  });

  it('nests and breaks lines as chalk does: a style closed inside opens again, each line stands alone', async () => {
    const c = await palette(1);
    expect(c.muted(`a ${c.bold('b')} c`)).toBe('\u001b[2ma \u001b[1mb\u001b[22m\u001b[2m c\u001b[22m');
    expect(c.heading('one\r\ntwo\nthree')).toBe(
      '\u001b[1m\u001b[4mone\u001b[24m\u001b[22m\r\n\u001b[1m\u001b[4mtwo\u001b[24m\u001b[22m\n\u001b[1m\u001b[4mthree\u001b[24m\u001b[22m',
    );
    expect(c.code('')).toBe('');
  });

  it('writes what chalk 5 writes for the same styles, whatever the text (chalk is a test oracle, not loaded by the CLI)', async () => {
    const { Chalk } = await import('chalk');
    const pieces = fc.constantFrom('a', ' ', '\n', '\r\n', '\r', '\u001b[22m', '\u001b[39m', '\u001b[24m', '\u001b[1m', '\u001b', 'é', '✔');
    const text = fc.array(pieces, { maxLength: 12 }).map((xs) => xs.join(''));
    for (const level of [1, 2, 3] as const) {
      const c = await palette(level);
      const k = new Chalk({ level });
      const pairs = [
        [c.code, k.cyan],
        [c.heading, k.bold.underline],
        [c.right, k.green],
        [c.wrong, k.yellow],
        [c.hint, k.magenta],
        [c.muted, k.dim],
        [c.accent, k.cyan],
        [c.bold, k.bold],
      ] as const;
      fc.assert(
        fc.property(text, (t) => {
          for (const [ours, theirs] of pairs) expect(ours(t)).toBe(theirs(t));
        }),
      );
    }
  });
});
