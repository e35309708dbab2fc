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
});
