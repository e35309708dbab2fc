/**
 * Parsing a YAML file from someone we don't know, keeping where every node
 * came from. Safe by construction: a size limit, no custom tags, a cap on
 * aliases (a "billion laughs" file stops here) and on nesting depth.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { LineIndex } from '../text/line-index.js';
import { duplicateKeysOf, explainYamlError, type Explained } from '../text/yaml-errors.js';
import { MAX_FILE_BYTES } from './file-limit.js';

export { MAX_FILE_BYTES };

export const MAX_ALIASES = 100;
export const MAX_DEPTH = 64;

export interface Position {
  line: number;
  col: number;
}

export interface SourceProblem extends Position {
  message: string;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  value: unknown;
  /** 1-based line and column of a character offset. */
  position(offset: number): Position;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}

/** What flowTooDeep looks at; the rest of the text is skipped by the regular expression engine's scan. */
const FLOW_MARK = /["'#[\]{}]/g;
const QUOTED_END = /["\\]/g;

/**
 * The offset where flow brackets (`[`, `{`) nest past the limit, outside
 * quotes and comments. The parser recurses per level, so a file of brackets
 * would cost seconds and the stack before any node exists to measure.
 * (Jumps from mark to mark: a loop over every character took ~15 ms for the
 * lint bench's 3.6 MB pack, JIT-cold.)
 */
export function flowTooDeep(text: string, limit: number): number | undefined {
  let depth = 0;
  FLOW_MARK.lastIndex = 0;
  for (let mark = FLOW_MARK.exec(text); mark; mark = FLOW_MARK.exec(text)) {
    const i = mark.index;
    const ch = text[i];
    if (ch === "'") FLOW_MARK.lastIndex = skipTo(text.indexOf("'", i + 1), text) + 1;
    else if (ch === '"') FLOW_MARK.lastIndex = doubleQuotedEnd(text, i + 1) + 1;
    else if (ch === '#') {
      if (i === 0 || /\s/.test(text[i - 1]!)) FLOW_MARK.lastIndex = skipTo(text.indexOf('\n', i), text) + 1;
    } else if (ch === '[' || ch === '{') {
      if (++depth > limit) return i;
    } else if (depth > 0) depth--;
  }
  return undefined;
}

/** An offset found by indexOf, or the end of the text where there was none. */
function skipTo(at: number, text: string): number {
  return at === -1 ? text.length : at;
}

/** The offset of the quote that ends a double-quoted scalar whose text starts at `from` (a backslash escapes the next character). */
function doubleQuotedEnd(text: string, from: number): number {
  QUOTED_END.lastIndex = from;
  for (let m = QUOTED_END.exec(text); m; m = QUOTED_END.exec(text)) {
    if (text[m.index] === '"') return m.index;
    QUOTED_END.lastIndex = m.index + 2;
  }
  return text.length;
}

interface Walked {
  /** Repeated keys, and keys that are lists or mappings (no lesson field has one for a name). */
  keyProblems: Explained[];
  /** The first node (in document order) nested past the limit, through values and items. */
  deep?: Node;
}

/**
 * The document's repeated and collection keys and how deep it goes, in one pass over its
 * nodes without recursion (the yaml package's visit() copies and freezes the
 * path at every node: it took ~4x this walk's time on the bench's pack).
 * Keys are walked for their repeats but do not count towards depth.
 */
function walk(root: unknown, lines: LineIndex, limit: number): Walked {
  const keyProblems: Explained[] = [];
  let deep: Node | undefined;
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop()!;
    if (depth > limit && deep === undefined && node) deep = node as Node;
    if (isMap(node)) {
      duplicateKeysOf(node, lines, keyProblems);
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        // toJS would turn such a key into its text, with a warning of Node's on stderr, and no place to point at.
        if (isMap(pair.key) || isSeq(pair.key))
          keyProblems.push({ offset: pair.key.range?.[0] ?? 0, message: 'a field name must be plain text, not a list or a mapping' });
        nodes.push(pair.value, pair.key);
        depths.push(depth + 1, -Infinity);
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        nodes.push(node.items[i]);
        depths.push(depth + 1);
      }
    }
  }
  return deep === undefined ? { keyProblems } : { keyProblems, deep };
}

export type ParseOutcome = { ok: true; parsed: ParsedYaml } | { ok: false; problems: SourceProblem[] };

export function parseYaml(text: string): ParseOutcome {
  const lines = new LineIndex(text);
  const position = (offset: number): Position => lines.linePos(offset);
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    return { ok: false, problems: [{ line: 1, col: 1, message: `file is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit` }] };
  }
  const deepAt = flowTooDeep(text, MAX_DEPTH);
  if (deepAt !== undefined) {
    return { ok: false, problems: [{ ...position(deepAt), message: `nested more than ${MAX_DEPTH} levels deep` }] };
  }
  let doc: Document.Parsed;
  try {
    // Repeated keys are found by walk() below, in linear time.
    // logLevel error: the parser's warnings are values here (doc.warnings), never Node warnings on stderr.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: true, customTags: [], logLevel: 'error' });
  } catch (error) {
    // The parser recurses per nesting level; a pathological file can exhaust the stack.
    if (error instanceof RangeError) return { ok: false, problems: [{ line: 1, col: 1, message: 'document is nested too deeply' }] };
    throw error;
  }
  const walked = walk(doc.contents, lines, MAX_DEPTH);
  const said = (e: Explained) => ({ offset: e.offset, message: e.hint ? `${e.message} (${e.hint})` : e.message });
  const found = [
    ...doc.errors.map((e) =>
      /call stack/i.test(e.message)
        ? { offset: e.pos[0], message: 'document is nested too deeply' }
        : said(explainYamlError(e, text, lines, doc)),
    ),
    ...walked.keyProblems.map(said),
    // The only warnings left with customTags: [] are tags we refuse to resolve.
    ...doc.warnings.map((e) => ({
      offset: e.pos[0],
      message: e.code === 'TAG_RESOLVE_FAILED' ? 'custom tags are not allowed' : `YAML: ${firstLine(e.message)}`,
    })),
  ].sort((a, b) => a.offset - b.offset);
  const problems: SourceProblem[] = found.map((f) => ({ ...position(f.offset), message: f.message }));
  if (problems.length > 0) return { ok: false, problems };

  const { deep } = walked;
  if (deep) {
    return { ok: false, problems: [{ ...position(deep.range?.[0] ?? 0), message: `nested more than ${MAX_DEPTH} levels deep` }] };
  }
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return { ok: true, parsed: { doc, value, position } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const bomb = /alias count/i.test(message);
    return {
      ok: false,
      problems: [
        {
          line: 1,
          col: 1,
          message: bomb
            ? `too many aliases (more than ${MAX_ALIASES} expanded); refusing a possible alias bomb`
            : `YAML: ${firstLine(message)}`,
        },
      ],
    };
  }
}

type MapNode = YAMLMap<unknown, unknown>;
type PairNode = MapNode['items'][number];
const indexes = new WeakMap<MapNode, Map<unknown, PairNode>>();

/**
 * A mapping's pair by key, through an index built once per mapping: a file
 * of 20,000 unknown fields is located in linear time, not searched 20,000
 * times over. The first pair of a key wins, as a search from the start would.
 */
function pairOf(map: MapNode, key: unknown): PairNode | undefined {
  let index = indexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) if (isScalar(p.key) && !index.has(p.key.value)) index.set(p.key.value, p);
    indexes.set(map, index);
  }
  return index.get(key);
}

/**
 * The node a path points at, or the nearest existing ancestor when the path
 * ends in a field that is missing. With `key`, a final mapping key's own
 * position (for unknown or duplicate fields) rather than its value's.
 */
export function nodeAt(doc: Document.Parsed, path: readonly PropertyKey[], key = false): Node | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = pairOf(node, segment);
      if (!pair) return node;
      if (key && i === path.length - 1) return pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item) return node;
      node = item;
    } else {
      return node as Node;
    }
  }
  return node as Node;
}

/** The key node of a field inside the mapping at `path`, if present. */
export function keyNodeAt(doc: Document.Parsed, path: readonly PropertyKey[], field: string): Node | undefined {
  const parent = nodeAt(doc, path);
  if (!isMap(parent)) return parent;
  const pair = pairOf(parent, field);
  return (pair?.key as Node | undefined) ?? parent;
}
