/**
 * The palette's styles (src/terminal/ansi-style.ts) against chalk itself,
 * which drew them before: the same bytes for any text, at every level, with
 * escapes of the same styles already inside it and line breaks of any kind.
 */
import { Chalk, type ChalkInstance, type ColorSupportLevel } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ansiStyle } from '../../src/terminal/ansi-style.js';
import { type Palette, palette } from '../../src/terminal/colors.js';

/** The palette as it was made with chalk. */
function chalkPalette(c: ChalkInstance): Omit<Palette, 'enabled'> {
  return {
    code: c.cyan,
    heading: c.bold.underline,
    right: c.green,
    wrong: c.yellow,
    hint: c.magenta,
    muted: c.dim,
    accent: c.cyan,
    bold: c.bold,
  };
}

const PIECES = [
  'a',
  ' ',
  '\n',
  '\r',
  '\r\n',
  '\u001b',
  '\u001b[39m',
  '\u001b[22m',
  '\u001b[24m',
  '\u001b[36m',
  '\u001b[1m',
  '\u001b[2m',
  'é',
  '日',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));

describe('the palette without chalk', () => {
  it.each([1, 2, 3] as ColorSupportLevel[])('draws every style as chalk does at level %i', async (level) => {
    const ours = await palette(level);
    const theirs = chalkPalette(new Chalk({ level }));
    expect(ours.enabled).toBe(true);
    fc.assert(
      fc.property(text, fc.constantFrom(...(Object.keys(theirs) as (keyof typeof theirs)[])), (t, style) => {
        expect(ours[style](t)).toBe(theirs[style](t));
      }),
      { numRuns: 3000 },
    );
  });

  it('nests as chalk does: a style over text another style already drew', () => {
    const c = new Chalk({ level: 1 });
    const heading = ansiStyle([1, 22], [4, 24]);
    const dim = ansiStyle([2, 22]);
    const inner = `${c.bold('bold')} and\nmore ${c.dim('dim')}`;
    expect(heading(inner)).toBe(c.bold.underline(inner));
    expect(dim(inner)).toBe(c.dim(inner));
  });
});
