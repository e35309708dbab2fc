/**
 * The quickest load of a lesson file's YAML, tried before js-yaml
 * (fast-yaml.ts): most lesson files are written in a small part of YAML
 * (block mappings and sequences, one-line plain and quoted scalars, one-line
 * flow sequences of scalars, literal and folded block scalars), which this
 * reads line by line. Anything outside that part, or anything it is unsure
 * of (a null, a repeated key, a comment more indented than its block, a
 * scalar that may go on to the next line, a tab, a control character...),
 * gives undefined and is left to js-yaml, then to the full parse. On the
 * lint bench's pack js-yaml and the checks around it took ~300 ms; this,
 * a tenth of that.
 */
/** A plain scalar's value as the YAML 1.2 core schema resolves it; undefined to defer (a null). */
export type PlainScalar = (text: string) => { value: unknown } | undefined;

export interface BlockYaml {
  value: Record<string, unknown>;
  /** Where the one-line value of a top-level key among `keys` starts (an offset), when it was one. */
  valueStart: Map<string, number>;
}

/**
 * Characters outside these are left to the other parsers: controls, tabs,
 * CRs, Unicode spaces and separators (YAML and JavaScript disagree on what
 * is white space), zero-width and bidirectional marks, a BOM, surrogates.
 */
const OUTSIDE = /[^\n\x20-\x7e\u00a1-\u167f\u1681-\u1fff\u2010-\u2027\u2030-\u205e\u2070-\u2fff\u3001-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
/** What may not start a plain scalar (a `-` only before a space, or alone). */
const PLAIN_START = /[-?:,[\]{}#&*!|>'"%@`]/;
/** Lessons nest a few levels; deeper texts are left to the others, which know the real limit. */
const DEPTH_LIMIT = 32;
/** Keys longer than this are left to the others (the yaml package limits implicit keys to 1,024 characters). */
const KEY_LIMIT = 64;

class Defer extends Error {}
const defer = (): never => {
  throw new Defer();
};

/** The lesson's mapping, or undefined to leave the text to js-yaml. `keys`: top-level keys whose value start is wanted. */
export function blockYaml(text: string, keys: readonly string[], plain: PlainScalar): BlockYaml | undefined {
  if (!text.endsWith('\n') || OUTSIDE.test(text)) return undefined;
  try {
    return new Reader(text, keys, plain).document();
  } catch (error) {
    if (error instanceof Defer) return undefined;
    throw error;
  }
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/**
 * The keys met so far, by length and first and last character: a lesson
 * repeats a few dozen keys thousands of times, and a key that is the same
 * string as before is neither copied out of the text nor hashed again.
 */
const keyStrings = new Map<number, string>();
/** Keys known to be strings to the core schema (see Reader.goodKey). */
const goodKeys = new Set<string>();

function knownKey(text: string, from: number, to: number): string {
  const slot = ((to - from) << 16) | (text.charCodeAt(from) << 8) | (text.charCodeAt(to - 1) & 0xff);
  const known = keyStrings.get(slot);
  if (known !== undefined && text.startsWith(known, from)) return known;
  const key = text.slice(from, to);
  if (keyStrings.size < 4096) keyStrings.set(slot, key);
  return key;
}

/** Whether a character code may be in a key: a letter, a digit, `_`, `$` or `-`. */
function keyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === DASH;
}

/**
 * Reads the text line by line, by offsets into it (the lines are never
 * copied): `start[i]` and `end[i]` bound line i, without its line break.
 */
class Reader {
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  /** How many spaces each line starts with. */
  private readonly spaces: number[] = [];
  /** The line being read. */
  private at = 0;
  readonly valueStart = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly keys: readonly string[],
    private readonly plain: PlainScalar,
  ) {
    for (let from = 0; from < text.length; ) {
      const nl = text.indexOf('\n', from);
      let first = from;
      while (text.charCodeAt(first) === SPACE) first++;
      this.start.push(from);
      this.end.push(nl);
      this.spaces.push(first - from);
      from = nl + 1;
    }
  }

  private get count(): number {
    return this.start.length;
  }

  /** How many spaces line i starts with. */
  private indent(i: number): number {
    return this.spaces[i]!;
  }

  private blank(i: number): boolean {
    return this.start[i]! + this.indent(i) === this.end[i]!;
  }

  /** Whether line i has a sequence item's `- ` (or a lone `-`) at column `col`. */
  private isItem(i: number, col: number): boolean {
    const at = this.start[i]! + col;
    if (this.text.charCodeAt(at) !== DASH) return false;
    return at + 1 === this.end[i]! || this.text.charCodeAt(at + 1) === SPACE;
  }

  document(): BlockYaml {
    this.skip(0);
    if (this.at >= this.count || this.indent(this.at) !== 0) defer();
    const value = this.mapping(0, 0, 1);
    this.skip(0);
    if (this.at < this.count) defer();
    return { value, valueStart: this.valueStart };
  }

  /**
   * Moves past blank lines and comment lines; a line of spaces, or a comment
   * more indented than `most` (where it could follow a scalar that goes on),
   * defers.
   */
  private skip(most: number): void {
    for (; this.at < this.count; this.at++) {
      const indent = this.indent(this.at);
      const first = this.start[this.at]! + indent;
      if (first === this.end[this.at]!) {
        if (indent > 0) defer();
        continue;
      }
      if (this.text.charCodeAt(first) !== HASH) return;
      if (indent > most) defer();
    }
  }

  /** The key at column `col` of the current line, and the column of what follows its `:` and spaces; undefined if there is none. */
  private key(col: number): { key: string; valueCol: number } | undefined {
    const { text } = this;
    const from = this.start[this.at]! + col;
    const lineEnd = this.end[this.at]!;
    const c = text.charCodeAt(from);
    if (!keyChar(c) || (c >= 48 && c <= 57) || c === DASH) return undefined;
    let i = from + 1;
    while (i < lineEnd && keyChar(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== COLON || i - from > KEY_LIMIT) return undefined;
    const colonAt = i;
    i++;
    if (i < lineEnd && text.charCodeAt(i) !== SPACE) return undefined;
    while (i < lineEnd && text.charCodeAt(i) === SPACE) i++;
    return { key: knownKey(text, from, colonAt), valueCol: i - this.start[this.at]! };
  }

  /** Whether a key is a string to the core schema (and not `__proto__`); remembered when it is. */
  private goodKey(key: string): boolean {
    if (key === '__proto__' || this.plain(key)?.value !== key) return false;
    goodKeys.add(key);
    return true;
  }

  /** A block mapping whose keys are at column `indent`; the first key is on the current line at column `col`. */
  private mapping(indent: number, col: number, depth: number): Record<string, unknown> {
    if (depth > DEPTH_LIMIT) defer();
    const out: Record<string, unknown> = {};
    for (let first = true; ; first = false) {
      if (!first) {
        this.skip(indent);
        if (this.at >= this.count) break;
        const next = this.indent(this.at);
        if (next < indent) break;
        if (next > indent) defer();
        if (this.isItem(this.at, indent)) break;
        col = indent;
      }
      const found = this.key(col) ?? defer();
      const { key, valueCol } = found;
      if (Object.hasOwn(out, key) || (!goodKeys.has(key) && !this.goodKey(key))) defer();
      if (this.start[this.at]! + valueCol < this.end[this.at]!) {
        if (depth === 1 && this.keys.includes(key)) this.valueStart.set(key, this.start[this.at]! + valueCol);
        out[key] = this.inline(valueCol, indent, depth);
        continue;
      }
      // The value starts on a later line: more indented, or a sequence at the key's own indentation.
      this.at++;
      this.skip(Number.POSITIVE_INFINITY);
      if (this.at >= this.count) defer();
      const below = this.indent(this.at);
      if (below > indent) out[key] = this.block(below, depth + 1);
      else if (below === indent && this.isItem(this.at, indent)) out[key] = this.sequence(indent, depth + 1);
      else defer();
    }
    return out;
  }

  /** A block sequence whose `-` are at column `indent`, from the current line. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > DEPTH_LIMIT) defer();
    const out: unknown[] = [];
    for (let first = true; ; first = false) {
      if (!first) {
        this.skip(indent);
        if (this.at >= this.count) break;
        const next = this.indent(this.at);
        if (next < indent) break;
        if (next > indent || !this.isItem(this.at, indent)) {
          if (next === indent) break;
          defer();
        }
      }
      const lineStart = this.start[this.at]!;
      let col = indent + 1;
      while (this.text.charCodeAt(lineStart + col) === SPACE) col++;
      // `-` alone (an empty item or one on the lines below) and `- - x` are left to the others.
      if (lineStart + col >= this.end[this.at]! || this.isItem(this.at, col)) defer();
      if (this.key(col)) out.push(this.mapping(col, col, depth + 1));
      else out.push(this.inline(col, indent, depth));
    }
    return out;
  }

  /** A block node that starts on the current line at column `indent`. */
  private block(indent: number, depth: number): unknown {
    if (this.isItem(this.at, indent)) return this.sequence(indent, depth);
    return this.mapping(indent, indent, depth);
  }

  /**
   * The value that starts at column `col` of the current line, in a block
   * whose entries are at column `indent`; moves past it.
   */
  private inline(col: number, indent: number, depth: number): unknown {
    const { text } = this;
    const from = this.start[this.at]! + col;
    const lineEnd = this.end[this.at]!;
    const ch = text[from];
    if (ch === '|' || ch === '>') return this.blockScalar(text.slice(from, lineEnd), indent);
    let value: unknown;
    if (ch === '[') {
      if (depth + 1 > DEPTH_LIMIT) defer();
      value = flowSequence(text, from, lineEnd, this.plain);
    } else if (ch === "'" || ch === '"') {
      if (quotedEnd(text, from, lineEnd) !== lineEnd) defer();
      value = unquote(text, from, lineEnd);
    } else value = plainIn(text, from, lineEnd, false, this.plain);
    this.at++;
    // A one-line value: what follows must not be more indented (the scalar would go on, or be an error).
    this.skip(indent);
    if (this.at < this.count && this.indent(this.at) > indent) defer();
    return value;
  }

  /** A literal (`|`, `|-`) or folded (`>`, `>-`) block scalar, its parent's entries at column `indent`. */
  private blockScalar(header: string, indent: number): string {
    if (header !== '|' && header !== '|-' && header !== '>' && header !== '>-') defer();
    this.at++;
    // The content's indentation is its first line's: a first line that is blank, or not more indented, is left to the others.
    if (this.at >= this.count || this.blank(this.at)) defer();
    const content = this.indent(this.at);
    if (content <= indent) defer();
    const { text } = this;
    const body: string[] = [];
    let blanks = 0;
    for (; this.at < this.count; this.at++) {
      const from = this.start[this.at]!;
      const to = this.end[this.at]!;
      if (from === to) {
        blanks++;
        continue;
      }
      const at = this.indent(this.at);
      // A line of spaces, or a trailing space: where the parsers' rules for blank lines and folding get subtle.
      if (from + at === to || text.charCodeAt(to - 1) === SPACE) defer();
      if (at < content) break;
      for (; blanks > 0; blanks--) body.push('');
      body.push(text.slice(from + content, to));
    }
    // The blank lines after the last text are not the scalar's (clip and strip drop them).
    let value: string;
    if (header[0] === '|') value = body.join('\n');
    else {
      // Folding: lines join with a space; blank lines between two become line breaks. More indented lines keep theirs: left to the others.
      value = '';
      let breaks = -1;
      for (const part of body) {
        if (part.length === 0) {
          breaks++;
          continue;
        }
        if (part.charCodeAt(0) === SPACE) defer();
        value += breaks < 0 ? part : breaks === 0 ? ` ${part}` : `${'\n'.repeat(breaks)}${part}`;
        breaks = 0;
      }
    }
    if (header.length === 1) value += '\n';
    this.skip(indent);
    if (this.at < this.count && this.indent(this.at) > indent) defer();
    return value;
  }
}

/** The offset just past the quoted scalar that starts at `from`, which must end before `to` (on its line). */
function quotedEnd(text: string, from: number, to: number): number {
  const quote = text.charCodeAt(from);
  for (let i = from + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */ && quote === 34 /* " */) defer();
    if (c !== quote) continue;
    if (quote === 39 /* ' */ && text.charCodeAt(i + 1) === 39) {
      i++;
      continue;
    }
    return i + 1;
  }
  return defer();
}

function unquote(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return text[start] === "'" ? inner.replaceAll("''", "'") : inner;
}

/**
 * A one-line plain scalar from `from` to `to` (in a flow collection when
 * `flow`). `: ` would make a mapping and ` #` a comment; a trailing space or
 * `:`, or in a flow collection a flow indicator or quote, is where the
 * parsers' rules get subtle: those defer.
 */
function plainIn(text: string, from: number, to: number, flow: boolean, plain: PlainScalar): unknown {
  if (from >= to) defer();
  const first = text.charCodeAt(from);
  if (PLAIN_START.test(text[from]!) && !(first === DASH && to - from > 1 && text.charCodeAt(from + 1) !== SPACE)) defer();
  const last = text.charCodeAt(to - 1);
  if (last === SPACE || last === COLON) defer();
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE) {
      if (text.charCodeAt(i + 1) === HASH) defer();
    } else if (c === COLON) {
      const next = text.charCodeAt(i + 1);
      if (next === SPACE || (flow && (next === 44 || next === 93 || next === 125))) defer();
    } else if (flow && (c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || c === 34 || c === 39)) defer();
  }
  const resolved = plain(text.slice(from, to));
  if (!resolved) defer();
  return resolved!.value;
}

/** A flow sequence of scalars on one line, from its `[` at `from` to a `]` that ends the line at `to`. */
function flowSequence(text: string, from: number, to: number, plain: PlainScalar): unknown[] {
  const out: unknown[] = [];
  let i = from + 1;
  const space = () => {
    while (text.charCodeAt(i) === SPACE) i++;
  };
  space();
  if (text[i] === ']') {
    if (i + 1 !== to) defer();
    return out;
  }
  for (;;) {
    space();
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = quotedEnd(text, i, to);
      out.push(unquote(text, i, end));
      i = end;
      space();
    } else {
      let end = i;
      while (end < to && text[end] !== ',' && text[end] !== ']') end++;
      let last = end;
      while (last > i && text.charCodeAt(last - 1) === SPACE) last--;
      out.push(plainIn(text, i, last, true, plain));
      i = end;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']' && i + 1 === to) return out;
    return defer();
  }
}
