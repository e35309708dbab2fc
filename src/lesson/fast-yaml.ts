/**
 * A quick load of a lesson file's YAML, for lint to try before the full
 * parse (src/lesson/yaml-source.ts): js-yaml builds plain values about ten
 * times faster than the yaml package builds its document of nodes with
 * their positions. It gives a value or nothing: whatever it is unsure of
 * (a syntax it rejects, anchors, tags, directives, tabs, collection keys,
 * deep nesting) it leaves to the full parse, which alone reports problems
 * and where they are. Plain scalars resolve through the yaml package's own
 * YAML 1.2 core schema tags, in its order, so both give the same values.
 * Quicker still, a text in the small part of YAML lessons are written in is
 * read line by line first (block-yaml.ts); js-yaml takes what it leaves.
 */
import { FAILSAFE_SCHEMA, load, type State, Type } from 'js-yaml';
import { isScalar, Schema as YamlSchema } from 'yaml';
import { LineIndex } from '../text/line-index.js';
import { blockYaml, type PlainScalar } from './block-yaml.js';
import { flowTooDeep, MAX_DEPTH, MAX_FILE_BYTES, type Position } from './yaml-source.js';

interface CoreTag {
  tag: string;
  default?: boolean | 'key';
  test?: RegExp;
  resolve: (value: string, onError: (message: string) => void, options: object) => unknown;
}

/** The options the full parse resolves scalars with (the yaml package's defaults). */
const RESOLVE_OPTIONS = { intAsBigInt: false };

function refuse(message: string): never {
  throw new Error(`the core schema refused a scalar: ${message}`);
}

/** How many distinct scalars coreScalarType remembers the tag of (a memo, not a leak, over a pack of any size). */
const MEMO_LIMIT = 4096;

/** The one tag of coreScalarType (js-yaml keeps one type per tag, and the core schema has three ints and three floats). */
const CORE_SCALAR = 'tag:kube-learn,2026:core-scalar';

interface CoreScalars {
  /** The core tag a plain scalar takes; undefined for a string. */
  tagOf(data: string): CoreTag | undefined;
  /** The value of a plain scalar that takes `tag`. */
  construct(data: string, tag: CoreTag): unknown;
}

/** How the yaml package's core schema resolves plain scalars: by the first tag whose test the text passes. */
function coreScalars(tags: readonly CoreTag[]): CoreScalars {
  const scalars = tags.filter((t) => t.default === true && t.test !== undefined);
  // Most plain scalars of a lesson are prose: when no tag's test can match a space, text with one is a string at once.
  const spaced = scalars.some((t) => mayMatchSpace(t.test!));
  // Keys and short values repeat through a file and across files: each distinct one is tested against the tags once.
  const known = new Map<string, CoreTag | null>();
  return {
    tagOf(data) {
      if (!spaced && data.includes(' ')) return undefined;
      let tag = known.get(data);
      if (tag === undefined) {
        if (known.size >= MEMO_LIMIT) known.clear();
        tag = scalars.find((t) => t.test!.test(data)) ?? null;
        known.set(data, tag);
      }
      return tag ?? undefined;
    },
    construct(data, tag) {
      const resolved = tag.resolve(data, refuse, RESOLVE_OPTIONS);
      return isScalar(resolved) ? resolved.value : resolved;
    },
  };
}

/**
 * The yaml package's core scalar tags as one js-yaml implicit type: a plain
 * scalar takes the first tag whose test it passes, as the yaml package's
 * composer picks it (the failsafe str, seq and map are js-yaml's own).
 */
export function coreScalarType(tags: readonly CoreTag[]): Type {
  const { tagOf, construct } = coreScalars(tags);
  let last: { data: string; tag: CoreTag } | undefined;
  return new Type(CORE_SCALAR, {
    kind: 'scalar',
    // An explicit tag passes itself too: such a node goes to the full parse.
    resolve: (data: unknown, explicit?: string) => {
      if (explicit !== undefined) throw new Error('explicit tags are left to the full parse');
      const tag = typeof data === 'string' ? tagOf(data) : undefined;
      last = tag && { data: data as string, tag };
      return tag !== undefined;
    },
    construct: (data: string) => construct(data, last?.data === data ? last.tag : tagOf(data)!),
  });
}

/**
 * Whether a regular expression might match a space: true unless its source
 * names no space, no class that holds one (`\s`, `\S`, `\D`, `\W`, `[^`), no
 * wildcard `.` and no escaped backslash (which would make a `\.` a wildcard).
 */
export function mayMatchSpace(re: RegExp): boolean {
  return /[ \u00a0]|\\[sSDWpPu]|\[\^|\\\\|(?:^|[^\\])\./.test(re.source) || re.flags.includes('x');
}

const CORE_TAGS = new YamlSchema({ schema: 'core' }).tags as CoreTag[];

/** js-yaml's failsafe schema with the core scalars (exported for its tests). */
export const schema = FAILSAFE_SCHEMA.extend({ implicit: [coreScalarType(CORE_TAGS)] });

/** A plain scalar the core schema way, for blockYaml (exported for its tests); a null defers (no lesson field takes one). */
export const plainScalar: PlainScalar = (() => {
  const { tagOf, construct } = coreScalars(CORE_TAGS);
  return (data) => {
    const tag = tagOf(data);
    if (tag === undefined) return { value: data };
    const value = construct(data, tag);
    return value === null ? undefined : { value };
  };
})();
/** The tags a node may end with when none was written: none, plain and unresolved (a string), or a core scalar's. */
const IMPLICIT_TAGS = new Set<string | null>([null, '?', CORE_SCALAR]);

/**
 * Texts with any of these go to the full parse: directives (a `%YAML 1.1`
 * changes the schema), document markers (js-yaml reads `----` as one),
 * tabs, CRs, tags (a `!` where a node can start; the tag check of the
 * listener misses one before an empty node), a `#` right after a quote or a
 * flow indicator (a comment the yaml package refuses without a space before
 * it), block scalars that keep their trailing line breaks (`|+`, `>2+`: the
 * two parsers count blank lines at the end differently), and a block scalar
 * whose leading blank lines hold spaces (the yaml package wants an
 * indentation indicator there).
 */
const UNSURE: readonly [needle: string, RegExp][] = [
  ['%', /^%/m],
  ['---', /^---/m],
  ['...', /^\.\.\./m],
  ['!', /(?:^|[\s[{,])!/m],
  ['#', /["'\]},]#/],
  ['+', /[|>][1-9]?\+/],
  // (Most lessons hold a `|`; searching for a blank line's ' \n' first took longer than this pattern.)
  ['', /[|>][-1-9]{0,2} *(?:#[^\n]*)?\n\n* +\n/],
];

/**
 * Whether the text has any of UNSURE. Each pattern runs only on a text that
 * holds its needle: most lesson files hold none of them, and one regular
 * expression of all of them scanned every file whole (~15 ms for the bench's
 * 3.6 MB pack, JIT-cold, against ~6 ms).
 */
function unsureText(text: string): boolean {
  if (text.includes('\t') || text.includes('\r')) return true;
  for (const [needle, pattern] of UNSURE) if (text.includes(needle) && pattern.test(text)) return true;
  return false;
}

export interface FastYaml {
  value: unknown;
  /**
   * Where the value of a top-level key starts, as the full parse's position
   * of its node, when the text there is `raw` (plain, or quoted without
   * escapes); otherwise undefined (the caller then defers too).
   */
  valueAt(key: string, raw: string): Position | undefined;
  /** True when the text has no control, separator or bidirectional character and no escape: no string of the value needs neutralising. */
  safeText?: boolean;
}

/**
 * How many collections a value holds, itself included; -1 when it holds more
 * than `most` (an object reached twice: an alias), one past the depth limit,
 * a null, or a key the two parsers spell differently (a null key: js-yaml's
 * "null", the yaml package's ""). No lesson field takes a null, and empty
 * nodes (`-` or `key:` with nothing after) are where the two parsers' block
 * rules differ. Recursive: the depth is at most `limit`.
 */
function collectionCount(value: object, depth: number, limit: number, most: number): number {
  if (depth >= limit || most < 1) return -1;
  let count = 1;
  const visit = (child: unknown): boolean => {
    if (child === null) return false;
    if (typeof child !== 'object') return true;
    const n = collectionCount(child, depth + 1, limit, most - count);
    count += n;
    return n > 0;
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!visit(value[i])) return -1;
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (key === 'null' || !visit(record[key])) return -1;
  }
  return count;
}

/** The offset of the first character that is not a space, a line break or a comment, from `at`. */
function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\n') i++;
    if (text[i] !== '#') return i;
    while (i < text.length && text[i] !== '\n') i++;
  }
}

/** The offset past `:` and what follows it up to the value, after a key that ends at `at`. */
function afterColon(text: string, at: number): number | undefined {
  let i = at;
  while (text[i] === ' ') i++;
  return text[i] === ':' ? skipSpace(text, i + 1) : undefined;
}

/**
 * Whether a flow node (a quoted or plain scalar, a flow collection) from
 * `start` to `end` goes on to a line indented no more than the start of its
 * line's content (past any `- `). js-yaml does not check how far the lines of
 * a quoted scalar or a flow collection are indented; the yaml package
 * requires them to be indented more than their parent. This asks for a
 * little more (a line as far in as a value that starts its own line), so it
 * may defer a valid file, never pass an invalid one.
 */
function underIndented(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let content = lineStart;
  for (;;) {
    while (text[content] === ' ') content++;
    if (text[content] !== '-' || text[content + 1] !== ' ') break;
    content++;
  }
  const least = content - lineStart;
  for (let nl = text.indexOf('\n', start); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (text[i] === ' ') i++;
    if (i < end && text[i] !== '\n' && i - nl - 1 <= least) return true;
  }
  return false;
}

/** How a plain scalar can end: a line break, a space, a comment, the end, or a flow indicator. */
const PLAIN_END = /^(?:$|[\s,\]}#])/;

/**
 * Whether a line is longer than 1,024 characters: an implicit key must end
 * within that (the yaml package enforces it; js-yaml does not). A loop: the
 * regular expression /[^\n]{1025}/ rescans each line from every offset.
 */
function hasLongLine(text: string): boolean {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
    if (nl - start > 1024) return true;
    start = nl + 1;
  }
  return text.length - start > 1024;
}

/** `keys`: the top-level keys whose values valueAt may be asked for. */
export function fastYaml(text: string, keys: readonly string[] = []): FastYaml | undefined {
  // The full parse counts brackets in the text, even in a block scalar: past the limit, it has a problem to report.
  if (Buffer.byteLength(text) > MAX_FILE_BYTES || flowTooDeep(text, MAX_DEPTH) !== undefined) return undefined;
  const block = blockYaml(text, keys, plainScalar);
  // blockYaml reads no text with such characters, nor an escape.
  if (block) return { value: block.value, valueAt: (key, raw) => valueAtStart(text, block.valueStart.get(key), raw), safeText: true };
  if (unsureText(text) || hasLongLine(text)) return undefined;
  let unsure = false;
  let collections = 0;
  let lastCollection: unknown;
  // The nodes open, innermost last: where each began (offset and line), and its number in the order of opening.
  const opens: number[] = [];
  const lines: number[] = [];
  const serials: number[] = [];
  let opened = 0;
  /** Where keys of interest end, each with the number of the node that holds it. */
  const found: { key: string; end: number; parent: number | undefined }[] = [];
  /** The values of the nodes that hold a key of interest, by number (undefined until the node closes). */
  const holders = new Map<number, unknown>();
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      opens.push(state.position);
      lines.push(state.line);
      serials.push(opened++);
      return;
    }
    const open = opens.pop()!;
    const line = lines.pop()!;
    const serial = serials.pop()!;
    if (holders.has(serial)) holders.set(serial, state.result);
    const s = state as State & { tag: string | null; anchor: string | null };
    if (s.anchor !== null || !IMPLICIT_TAGS.has(s.tag)) unsure = true;
    const collection = s.kind === 'mapping' || s.kind === 'sequence';
    // A node may close twice: js-yaml reads a flow collection at the start of a block mapping's line as its first key, then keeps it.
    if (collection && s.result !== lastCollection) {
      collections++;
      lastCollection = s.result;
    }
    const end = s.position;
    // Only a node that ends on a later line than where its open began can span lines.
    if (!unsure && state.line > line) {
      const start = skipSpace(text, open);
      const first = text[start];
      const flow = collection ? first === '[' || first === '{' : first !== '|' && first !== '>';
      if (flow && underIndented(text, start, end)) unsure = true;
    }
    if (s.kind === 'scalar' && typeof s.result === 'string' && keys.includes(s.result)) {
      const parent = serials.at(-1);
      found.push({ key: s.result, end, parent });
      if (parent !== undefined) holders.set(parent, undefined);
    }
  };
  let value: unknown;
  try {
    // js-yaml's own depth limit stops its recursion well before the stack runs out.
    value = load(text, { schema, listener, maxDepth: 2 * MAX_DEPTH } as Parameters<typeof load>[1]);
  } catch {
    return undefined;
  }
  // A lesson is a mapping; a root scalar or sequence is left to the full parse, which says so with a position.
  if (unsure || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // A collection that is not in the value was a mapping key (js-yaml makes it a string; the yaml package warns).
  if (collectionCount(value, 0, MAX_DEPTH, collections) !== collections) return undefined;
  return {
    value,
    valueAt(key, raw) {
      // A value equal to the key (`title: next`) is followed by no colon.
      const starts = found.flatMap((f) =>
        f.key === key && f.parent !== undefined && holders.get(f.parent) === value ? [afterColon(text, f.end) ?? []].flat() : [],
      );
      return starts.length === 1 ? valueAtStart(text, starts[0], raw) : undefined;
    },
  };
}

/** The position of a value that starts at `start`, when the text there is `raw` (plain, or quoted without escapes). */
function valueAtStart(text: string, start: number | undefined, raw: string): Position | undefined {
  if (start === undefined) return undefined;
  const plain = text.startsWith(raw, start) && PLAIN_END.test(text.slice(start + raw.length, start + raw.length + 1));
  const quote = text[start];
  const quoted = (quote === '"' || quote === "'") && text.startsWith(`${raw}${quote}`, start + 1) && !/["'\\]/.test(raw);
  if (!plain && !quoted) return undefined;
  return new LineIndex(text).linePos(start);
}
