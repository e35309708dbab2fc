/**
 * Whether to colour, decided once from the environment, and the few styles
 * the tutor uses: seven SGR styles, applied as chalk applies them (a style
 * closed inside is opened again, and each line is closed and opened on its
 * own), without chalk: loading it, its style tables and its own terminal
 * detection cost about a millisecond before the first screen.
 */
import type { Tone } from '../tutor/prompter.js';

/** 0: none, 1: 16 colours, 2: 256, 3: 16 million (the tutor uses the 16 basic ones at any level). */
export type ColorSupportLevel = 0 | 1 | 2 | 3;

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

/** `string` with every `find` followed by `then` (chalk's stringReplaceAll). */
function afterEach(string: string, find: string, then: string): string {
  return string.split(find).join(find + then);
}

/**
 * A style of SGR codes `[open, close]` (outermost first). Inside the text, a
 * code that closes one of them opens it again; each line break closes all
 * and opens them again after it, so a line stands on its own.
 */
function sgr(...codes: readonly (readonly [number, number])[]): Style {
  const open = codes.map(([o]) => `\u001b[${o}m`);
  const close = codes.map(([, c]) => `\u001b[${c}m`);
  const openAll = open.join('');
  const closeAll = [...close].reverse().join('');
  return (text) => {
    if (!text) return text;
    let body = text;
    if (body.includes('\u001b')) for (let i = codes.length - 1; i >= 0; i--) body = afterEach(body, close[i]!, open[i]!);
    if (body.includes('\n')) body = body.replace(/\r?\n/g, (brk) => `${closeAll}${brk}${openAll}`);
    return `${openAll}${body}${closeAll}`;
  };
}

const BOLD = [1, 22] as const;

/** The styles at a colour level. */
export async function palette(level: ColorSupportLevel): Promise<Palette> {
  if (level === 0) return noColor;
  return {
    enabled: true,
    code: sgr([36, 39]),
    heading: sgr(BOLD, [4, 24]),
    right: sgr([32, 39]),
    wrong: sgr([33, 39]),
    hint: sgr([35, 39]),
    muted: sgr([2, 22]),
    accent: sgr([36, 39]),
    bold: sgr(BOLD),
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
