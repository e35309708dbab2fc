/**
 * How many terminal columns text takes, and word wrapping by that measure.
 * ANSI escapes take no columns; East Asian wide characters and emoji take
 * two; combining marks and other zero-width characters take none.
 */

// CSI (ESC [ ... final byte) and OSC (ESC ] ... BEL or ESC \) sequences.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * A pattern of Unicode property classes (`\p{...}`, flag u), made when
 * first used. V8 loads the ICU sets of such a pattern when it compiles it,
 * and compiles a regex literal with the script: the three below cost ~2 ms
 * before the first prompt, which most text, tested by code unit first, never uses.
 */
function unicodeClass(source: string): () => RegExp {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, 'u'));
}

// Creating a Segmenter loads ICU data (about 6 ms at start-up). Most text
// needs none: in printable ASCII, and in any text without the code points
// below, every code point is a grapheme of its own. These are the ones that
// can join their neighbours (Unicode's grapheme cluster rules, UAX #29):
// marks and other extenders, joiners, variation selectors, emoji modifiers,
// regional indicators (flags), Hangul jamo, the two spacing marks that are
// letters, the prepended marks of the Basic Multilingual Plane, CR (of
// CR LF); and, so that a newer Unicode can't slip past this list, every
// code point beyond the BMP except the emoji and CJK planes.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const JOINS = unicodeClass(
  String.raw`[\p{M}\p{Grapheme_Extend}\p{Join_Control}\p{Variation_Selector}\p{Emoji_Modifier}\p{Regional_Indicator}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0e33\u0eb3\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\r\u{10000}-\u{1efff}\u{1fb00}-\u{1ffff}\u{40000}-\u{10ffff}]`,
);
let segmenter: Intl.Segmenter | undefined;

/**
 * Code units of the Basic Multilingual Plane that are one column wide or
 * two and join nothing: none is a mark, a format or control character, a
 * joiner or a variation selector. The tutor's own text uses these (dashes,
 * quotes, arrows, ⏎, ✔, box drawing), and testing them here spares the
 * Unicode property regexes below: compiling those costs ~1 ms at start-up.
 */
export function isPlainCodeUnit(c: number): boolean {
  return (
    (c >= 0x20 && c < 0x7f) ||
    (c >= 0xa0 && c < 0x300 && c !== 0xad) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x20a0 && c <= 0x20cf) ||
    (c >= 0x2100 && c <= 0x23ff) ||
    (c >= 0x2460 && c <= 0x27bf) ||
    (c >= 0x2b00 && c <= 0x2bff)
  );
}

function allPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isPlainCodeUnit(text.charCodeAt(i))) return false;
  return true;
}

/** The user-perceived characters (grapheme clusters) of `text`. */
export function graphemes(text: string): Iterable<string> {
  if (PRINTABLE_ASCII.test(text)) return text;
  if (allPlain(text) || !JOINS().test(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
const ZERO_WIDTH = unicodeClass(String.raw`^(?:\p{Mn}|\p{Me}|\p{Cf}|\p{Cc})+$`);
const EMOJI = unicodeClass(String.raw`\p{Extended_Pictographic}`);

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    cp === 0x2329 ||
    cp === 0x232a ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function graphemeWidth(g: string): number {
  if (g.length === 1 && isPlainCodeUnit(g.charCodeAt(0))) return isWide(g.charCodeAt(0)) ? 2 : 1;
  if (ZERO_WIDTH().test(g)) return 0;
  const cp = g.codePointAt(0)!;
  if (cp < 0x7f) return cp < 0x20 ? 0 : 1;
  if (isWide(cp)) return 2;
  // Emoji shown as pictures (VS16, or a ZWJ sequence) take two columns.
  if (EMOJI().test(g) && (g.includes('\ufe0f') || g.includes('\u200d'))) return 2;
  return 1;
}

export function displayWidth(text: string): number {
  // Printable ASCII holds no escape (ESC is a control character): most words are measured here.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  const plain = stripAnsi(text);
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  for (const segment of graphemes(plain)) width += graphemeWidth(segment);
  return width;
}

/** A run of text and the style it is shown in (applied per line, so escapes never span lines). */
export interface Piece {
  text: string;
  style?: (text: string) => string;
}

type Word = Piece[];

function wordWidth(word: Word): number {
  return word.reduce((sum, p) => sum + displayWidth(p.text), 0);
}

function splitWords(pieces: readonly Piece[]): Word[] {
  const words: Word[] = [];
  let current: Word = [];
  for (const piece of pieces) {
    const parts = piece.text.split(/(\s+)/);
    parts.forEach((part, i) => {
      if (i % 2 === 1) {
        if (current.length > 0) words.push(current);
        current = [];
      } else if (part !== '') {
        current.push({ ...piece, text: part });
      }
    });
  }
  if (current.length > 0) words.push(current);
  return words;
}

/** Breaks a word wider than the line into chunks that fit. */
function breakWord(word: Word, width: number): Word[] {
  const chunks: Word[] = [];
  let chunk: Word = [];
  let used = 0;
  for (const piece of word) {
    let text = '';
    for (const segment of graphemes(piece.text)) {
      const w = graphemeWidth(segment);
      if (used + w > width && used > 0) {
        if (text) chunk.push({ ...piece, text });
        chunks.push(chunk);
        chunk = [];
        text = '';
        used = 0;
      }
      text += segment;
      used += w;
    }
    if (text) chunk.push({ ...piece, text });
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * One line's words, spaced, with neighbouring runs of the same style merged
 * so a styled phrase gets one escape pair, not one per word.
 */
function paint(words: readonly Word[]): string {
  const runs: Piece[] = [];
  words.forEach((word, i) => {
    for (const [j, piece] of word.entries()) {
      const prev = runs.at(-1);
      const space = i > 0 && j === 0 ? ' ' : '';
      if (prev && prev.style === piece.style) prev.text += space + piece.text;
      else {
        if (space) runs.push({ text: space });
        runs.push({ ...piece });
      }
    }
  });
  return runs.map((p) => (p.style ? p.style(p.text) : p.text)).join('');
}

/**
 * wrapPieces for unstyled printable ASCII: every character one column, every
 * word a string. Most lesson text is this, and a lesson's first screen is
 * laid out before its first prompt, where the general path's objects per
 * word cost ~1.3M instructions (callgrind) of a plain start's ~17M over Node's.
 * Undefined where a word needs breaking (the general path does that).
 */
function wrapAscii(text: string, width: number, first: string, rest: string): string[] | undefined {
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  let used = displayWidth(prefix);
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (line !== '' && used + 1 + word.length <= width) {
      line += ` ${word}`;
      used += 1 + word.length;
      continue;
    }
    if (line !== '') {
      lines.push(prefix + line);
      prefix = rest;
      used = displayWidth(prefix);
    }
    if (word.length > Math.max(1, width - used)) return undefined;
    line = word;
    used += word.length;
  }
  lines.push(prefix + line);
  return lines.map((l) => l.trimEnd());
}

/**
 * Greedy word wrap of styled text to `width` columns. The first line starts
 * with `first`, the others with `rest` (a hanging indent). Whitespace runs
 * become one space; no line ends in a space.
 */
export function wrapPieces(pieces: readonly Piece[], width: number, first = '', rest = first): string[] {
  if (pieces.every((p) => p.style === undefined)) {
    const text = pieces.length === 1 ? pieces[0]!.text : pieces.map((p) => p.text).join('');
    const lines = PRINTABLE_ASCII.test(text) ? wrapAscii(text, width, first, rest) : undefined;
    if (lines) return lines;
  }
  const lines: string[] = [];
  let prefix = first;
  let line: Word[] = [];
  let used = displayWidth(prefix);
  const room = () => Math.max(1, width - displayWidth(prefix));
  const flush = () => {
    lines.push(prefix + paint(line));
    prefix = rest;
    line = [];
    used = displayWidth(prefix);
  };
  for (const word of splitWords(pieces)) {
    const w = wordWidth(word);
    if (line.length > 0 && used + 1 + w <= width) {
      line.push(word);
      used += 1 + w;
      continue;
    }
    if (line.length > 0) flush();
    const chunks = w <= room() ? [word] : breakWord(word, room());
    chunks.forEach((chunk, i) => {
      if (i > 0) flush();
      line.push(chunk);
      used += wordWidth(chunk);
    });
  }
  if (line.length > 0 || lines.length === 0) lines.push(prefix + paint(line));
  return lines.map((l) => l.trimEnd());
}

/** Plain text wrapped to `width`. */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  return wrapPieces([{ text }], width, first, rest);
}

/** `text` cut to at most `columns` terminal columns, ending in "…" where it was cut. */
export function truncateToWidth(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let out = '';
  let used = 0;
  for (const segment of graphemes(text)) {
    const w = graphemeWidth(segment);
    if (used + w > columns - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` padded with spaces to `columns` terminal columns (`padEnd` counts UTF-16 units, not columns). */
export function padToWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}
