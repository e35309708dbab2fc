/**
 * Whether to colour, decided once from the environment, and the few styles
 * the tutor uses: chalk's, drawn by ./ansi-style.ts without loading chalk
 * (or its detection, which looks at process.argv and the environment
 * behind our back).
 */
import type { ColorSupportLevel } from 'chalk';
import type { Tone } from '../tutor/prompter.js';
import { ansiStyle } from './ansi-style.js';

export interface ColorContext {
  /** Plain mode: no colour unless FORCE_COLOR asks for it. */
  plain: boolean;
  /** The colour depth of the output terminal, if it is one (tty.WriteStream.getColorDepth()). */
  colorDepth?: number;
}

/**
 * NO_COLOR (non-empty) wins; then FORCE_COLOR (0/false off, 1-3 or empty on,
 * as chalk and supports-color read it); then plain mode or no terminal means
 * none; otherwise what the terminal says it can do.
 */
export function colorLevel(env: NodeJS.ProcessEnv, ctx: ColorContext): ColorSupportLevel {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false') return 0;
    const n = Number.parseInt(force, 10);
    if (Number.isNaN(n)) return 1;
    return Math.max(0, Math.min(3, n)) as ColorSupportLevel;
  }
  if (ctx.plain || ctx.colorDepth === undefined) return 0;
  if (ctx.colorDepth >= 24) return 3;
  if (ctx.colorDepth >= 8) return 2;
  if (ctx.colorDepth >= 4) return 1;
  return 0;
}

type Style = (text: string) => string;

export interface Palette {
  /** False when every style returns its text unchanged. */
  readonly enabled: boolean;
  readonly code: Style;
  readonly heading: Style;
  readonly right: Style;
  readonly wrong: Style;
  readonly hint: Style;
  readonly muted: Style;
  readonly accent: Style;
  readonly bold: Style;
}

const same: Style = (text) => text;

/** Every style returns its text unchanged. */
export const noColor: Palette = {
  enabled: false,
  code: same,
  heading: same,
  right: same,
  wrong: same,
  hint: same,
  muted: same,
  accent: same,
  bold: same,
};

// SGR codes, [open, close]; chalk's named styles, which are these at every level above 0.
const BOLD = [1, 22] as const;
const DIM = [2, 22] as const;
const UNDERLINE = [4, 24] as const;
const GREEN = [32, 39] as const;
const YELLOW = [33, 39] as const;
const MAGENTA = [35, 39] as const;
const CYAN = [36, 39] as const;

/** The styles at a colour level, as chalk draws them (cyan, bold.underline, green, yellow, magenta, dim, cyan, bold). */
export async function palette(level: ColorSupportLevel): Promise<Palette> {
  if (level === 0) return noColor;
  return {
    enabled: true,
    code: ansiStyle(CYAN),
    heading: ansiStyle(BOLD, UNDERLINE),
    right: ansiStyle(GREEN),
    wrong: ansiStyle(YELLOW),
    hint: ansiStyle(MAGENTA),
    muted: ansiStyle(DIM),
    accent: ansiStyle(CYAN),
    bold: ansiStyle(BOLD),
  };
}

/** The style for a tone of text, if any. */
export function toneStyle(colors: Palette, tone: Tone): ((s: string) => string) | undefined {
  switch (tone) {
    case 'heading':
      return colors.heading;
    case 'right':
      return colors.right;
    case 'wrong':
      return colors.wrong;
    case 'hint':
      return colors.hint;
    case 'note':
      return colors.muted;
    case 'plain':
      return undefined;
  }
}
