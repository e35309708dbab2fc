/**
 * A quick load of a lesson file's YAML, for lint to try before the full
 * parse (src/lesson/yaml-source.ts): js-yaml builds plain values about ten
 * times faster than the yaml package builds its document of nodes with
 * their positions. It gives a value or nothing: whatever it is unsure of
 * (a syntax it rejects, anchors, tags, directives, tabs, collection keys,
 * deep nesting) it leaves to the full parse, which alone reports problems
 * and where they are. Plain scalars resolve through the yaml package's own
 * YAML 1.2 core schema tags, in its order, so both give the same values.
 */
import { FAILSAFE_SCHEMA, load, type State, Type } from 'js-yaml';
import { isScalar, Schema as YamlSchema } from 'yaml';
import { LineIndex } from '../text/line-index.js';
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

/** The one tag of coreScalarType (js-yaml keeps one type per tag, and the core schema has three ints and three floats). */
const CORE_SCALAR = 'tag:kube-learn,2026:core-scalar';

/**
 * The yaml package's core scalar tags as one js-yaml implicit type: a plain
 * scalar takes the first tag whose test it passes, as the yaml package's
 * composer picks it (the failsafe str, seq and map are js-yaml's own).
 */
export function coreScalarType(tags: readonly CoreTag[]): Type {
  const scalars = tags.filter((t) => t.default === true && t.test !== undefined);
  // Most plain scalars of a lesson are prose: when no tag's test can match a space, text with one is a string at once.
  const spaced = scalars.some((t) => mayMatchSpace(t.test!));
  const tagOf = (data: string) => (!spaced && data.includes(' ') ? undefined : scalars.find((t) => t.test!.test(data)));
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
    construct: (data: string) => {
      const tag = last?.data === data ? last.tag : tagOf(data)!;
      const resolved = tag.resolve(data, refuse, RESOLVE_OPTIONS);
      return isScalar(resolved) ? resolved.value : resolved;
    },
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

/** js-yaml's failsafe schema with the core scalars (exported for its tests). */
export const schema = FAILSAFE_SCHEMA.extend({ implicit: [coreScalarType(new YamlSchema({ schema: 'core' }).tags as CoreTag[])] });
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
const UNSURE = /^(?:%|---|\.\.\.)|[\t\r]|(?:^|[\s[{,])!|["'\]},]#|[|>][1-9]?\+|[|>][-1-9]{0,2} *(?:#[^\n]*)?\n\n* +\n/m;

export interface FastYaml {
  value: unknown;
  /**
   * Where the value of a top-level key starts, as the full parse's position
   * of its node, when the text there is `raw` (plain, or quoted without
   * escapes); otherwise undefined (the caller then defers too).
   */
  valueAt(key: string, raw: string): Position | undefined;
}

/**
 * The collections in a value; undefined when one is reached twice (a shared
 * object: an alias), has children past the depth limit, holds a null, or has
 * a key the two parsers spell differently (a null key: js-yaml's "null", the
 * yaml package's ""). No lesson field takes a null, and empty nodes (`-` or
 * `key:` with nothing after) are where the two parsers' block rules differ.
 */
function collectionsOf(root: unknown, limit: number): Set<object> | undefined {
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null) return undefined;
    if (typeof value !== 'object') continue;
    if (seen.has(value) || depth >= limit) return undefined;
    seen.add(value);
    if (Array.isArray(value)) for (const child of value) stack.push([child, depth + 1]);
    else
      for (const [key, child] of Object.entries(value)) {
        if (key === 'null') return undefined;
        stack.push([child, depth + 1]);
      }
  }
  return seen;
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

interface Frame {
  open: number;
  line: number;
  result?: unknown;
}

/** `keys`: the top-level keys whose values valueAt may be asked for. */
export function fastYaml(text: string, keys: readonly string[] = []): FastYaml | undefined {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES || UNSURE.test(text) || hasLongLine(text)) return undefined;
  if (flowTooDeep(text, MAX_DEPTH) !== undefined) return undefined;
  let unsure = false;
  const closed = new Set<unknown>();
  const frames: Frame[] = [];
  /** Where keys of interest end, each with the node that holds it. */
  const found: { key: string; end: number; parent: Frame | undefined }[] = [];
  const listener = (event: 'open' | 'close', state: State) => {
    if (event === 'open') {
      frames.push({ open: state.position, line: state.line });
      return;
    }
    const frame = frames.pop()!;
    const s = state as State & { tag: string | null; anchor: string | null };
    frame.result = s.result;
    if (s.anchor !== null || !IMPLICIT_TAGS.has(s.tag)) unsure = true;
    const collection = s.kind === 'mapping' || s.kind === 'sequence';
    if (collection) closed.add(s.result);
    const end = s.position;
    // Only a node that ends on a later line than where its open began can span lines.
    if (!unsure && state.line > frame.line) {
      const start = skipSpace(text, frame.open);
      const first = text[start];
      const flow = collection ? first === '[' || first === '{' : first !== '|' && first !== '>';
      if (flow && underIndented(text, start, end)) unsure = true;
    }
    if (s.kind === 'scalar' && typeof s.result === 'string' && keys.includes(s.result))
      found.push({ key: s.result, end, parent: frames.at(-1) });
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
  const inValue = collectionsOf(value, MAX_DEPTH);
  if (!inValue || inValue.size !== closed.size) return undefined;
  let lines: LineIndex | undefined;
  return {
    value,
    valueAt(key, raw) {
      // A value equal to the key (`title: next`) is followed by no colon.
      const starts = found.flatMap((f) => (f.key === key && f.parent?.result === value ? [afterColon(text, f.end) ?? []].flat() : []));
      if (starts.length !== 1) return undefined;
      const start = starts[0]!;
      const plain = text.startsWith(raw, start) && PLAIN_END.test(text.slice(start + raw.length, start + raw.length + 1));
      const quote = text[start];
      const quoted = (quote === '"' || quote === "'") && text.startsWith(`${raw}${quote}`, start + 1) && !/["'\\]/.test(raw);
      if (!plain && !quoted) return undefined;
      lines ??= new LineIndex(text);
      return lines.linePos(start);
    },
  };
}
