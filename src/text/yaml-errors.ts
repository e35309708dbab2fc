/**
 * The YAML parser's errors in plain words. Its messages describe the parser
 * ("Implicit keys need to be on a single line"); a learner needs to hear what
 * is wrong with their line and where: a tab, a missing colon, a key that is
 * not lined up with the one above it.
 */
import { isMap, isScalar, isSeq, visit, YAMLParseError, type Document, type Node, type YAMLError, type YAMLMap } from 'yaml';
import type { LineIndex } from './line-index.js';

export interface Explained {
  offset: number;
  message: string;
  hint?: string;
  /** A consequence of an error already explained (the rest of a list item whose "- " is missing): not worth a message of its own. */
  followOn?: boolean;
}

interface SourceLine {
  number: number;
  start: number;
  text: string;
  indent: number;
}

function lineAt(text: string, lines: LineIndex, offset: number): SourceLine {
  const { line } = lines.linePos(offset);
  return lineNumber(text, lines, line);
}

function lineNumber(text: string, lines: LineIndex, number: number): SourceLine {
  const start = lines.lineStarts[number - 1] ?? text.length;
  const end = lines.lineStarts[number] ?? text.length;
  const body = text.slice(start, end).replace(/\r?\n$/, '');
  return { number, start, text: body, indent: body.length - body.trimStart().length };
}

const meaningful = (l: SourceLine) => l.text.trim() !== '' && !l.text.trimStart().startsWith('#');

function nextMeaningful(text: string, lines: LineIndex, after: SourceLine): SourceLine | undefined {
  for (let n = after.number + 1; n <= lines.lineStarts.length; n++) {
    const l = lineNumber(text, lines, n);
    if (meaningful(l)) return l;
  }
  return undefined;
}

function previousMeaningful(text: string, lines: LineIndex, before: SourceLine): SourceLine | undefined {
  for (let n = before.number - 1; n >= 1; n--) {
    const l = lineNumber(text, lines, n);
    if (meaningful(l)) return l;
  }
  return undefined;
}

/** Where the key of a line starts (after any `- ` list markers), 0-based. */
function keyColumn(l: SourceLine): number {
  const m = /^(\s*(?:-\s+)*)/.exec(l.text)!;
  return m[1]!.length;
}

function keyName(l: SourceLine): string {
  return /^([^:#]+):/.exec(l.text.slice(keyColumn(l)))?.[1]?.trim() ?? l.text.trim();
}

const firstChar = (l: SourceLine) => l.start + l.indent;

/** A key line indented more than the line above it, which YAML then reads as part of that line's value. */
function tooDeep(text: string, lines: LineIndex, errorLine: SourceLine): Explained | undefined {
  const next = nextMeaningful(text, lines, errorLine);
  if (!next || next.indent <= keyColumn(errorLine) || !/:(\s|$)/.test(next.text)) return undefined;
  const above = keyName(errorLine);
  return {
    offset: firstChar(next),
    message: `this line is indented more than "${above}:" on line ${errorLine.number}; keys of one mapping must start in the same column`,
    hint: `line "${keyName(next)}:" up with "${above}:" (column ${keyColumn(errorLine) + 1}), or give "${above}:" no value on its own line if the new key belongs inside it`,
  };
}

/**
 * `containers: nginx` followed by indented lines: the key already has its
 * value on its own line, so what is indented under it cannot belong to it.
 * The fix is on the line above, so that is where it is reported.
 */
function valueThenBlock(text: string, lines: LineIndex, l: SourceLine): Explained | undefined {
  const above = previousMeaningful(text, lines, l);
  const item = /^\s*-(\s|$)/.test(l.text);
  if (!above || l.indent < keyColumn(above) || (l.indent === keyColumn(above) && !item)) return undefined;
  const m = /^([^:#'"]+):[ \t]+([^\s#|>&*!][^#]*?)\s*(#.*)?$/.exec(above.text.slice(keyColumn(above)));
  if (!m) return undefined;
  const [, key, value] = m as unknown as [string, string, string];
  return {
    offset: above.start + above.text.indexOf(value, keyColumn(above) + key.length),
    message: `"${key.trim()}:" has a value on its own line ("${value}"), so the indented lines below it cannot belong to it`,
    hint: `remove "${value}" after "${key.trim()}:" if the lines below are its value, or indent them less if they are not`,
  };
}

function notLinedUp(text: string, lines: LineIndex, offset: number, what: 'key' | 'item'): Explained {
  const l = lineAt(text, lines, offset);
  const misplaced = valueThenBlock(text, lines, l);
  if (misplaced) return misplaced;
  let above = previousMeaningful(text, lines, l);
  if (what === 'item') {
    while (above && !/^\s*-(\s|$)/.test(above.text)) above = previousMeaningful(text, lines, above);
  }
  // Said only when the columns differ: the same column with a parse error means the cause is elsewhere (a tab, a missing "- ").
  const where =
    above && above.indent !== l.indent
      ? ` (line ${above.number} starts in column ${above.indent + 1}, this one in column ${l.indent + 1})`
      : '';
  return what === 'item'
    ? {
        offset: firstChar(l),
        message: `this list item is not lined up with the items above it${where}`,
        hint: 'every "- " of one list starts in the same column',
      }
    : {
        offset: firstChar(l),
        message: `this line is not lined up with the keys around it${where}`,
        hint: 'YAML nests by indentation: keys of one mapping start in the same column, usually 2 spaces further in than their parent',
      };
}

function unclosedQuote(text: string, lines: LineIndex, offset: number, quote: string): Explained {
  // The opening quote is the last one on the closest line above that has an odd number of them.
  let l: SourceLine | undefined = lineAt(text, lines, Math.max(0, offset - 1));
  while (l) {
    const count = l.text.split(quote).length - 1;
    if (count % 2 === 1) {
      return { offset: l.start + l.text.lastIndexOf(quote), message: `this quoted text is never closed: add the closing ${quote}` };
    }
    l = l.number > 1 ? lineNumber(text, lines, l.number - 1) : undefined;
  }
  return { offset, message: `a quoted text is never closed: add the closing ${quote}` };
}

interface Duplicate {
  key: string;
  firstLine: number;
  /** The mapping is a list item whose first key comes again: the "- " of a new item is probably missing. */
  newItem?: { first: Node; repeat: Node };
}

const duplicateIndexes = new WeakMap<Document.Parsed, Map<number, Duplicate>>();

/**
 * The duplicated key at an offset and the line where it was first set.
 * Every repeated key of the document is found in one pass, the first time
 * one is asked for: walking the document once per key made a manifest of
 * 40,000 repeated keys take 90 s.
 */
function duplicate(doc: Document.Parsed, offset: number, lines: LineIndex): Duplicate | undefined {
  let index = duplicateIndexes.get(doc);
  if (!index) {
    index = duplicateIndex(doc, lines);
    duplicateIndexes.set(doc, index);
  }
  return index.get(offset);
}

function duplicateIndex(doc: Document.Parsed, lines: LineIndex): Map<number, Duplicate> {
  const index = new Map<number, Duplicate>();
  const name = (k: Node | null) => (isScalar(k) ? String(k.value) : undefined);
  visit(doc, {
    Map(_, map, path) {
      if (!isMap(map)) return;
      const keys = map.items.map((pair) => pair.key as Node | null);
      const first = new Map<string, Node>();
      // In a list item, the first key seen again starts what was meant as the next item.
      const restart = keys.findIndex((k, i) => i > 0 && name(k) === name(keys[0]!));
      const inList = isSeq(path.at(-1));
      keys.forEach((key, i) => {
        const offset = key?.range?.[0];
        const keyName = name(key);
        if (offset === undefined || keyName === undefined) return;
        const earlier = first.get(keyName);
        if (!earlier) {
          first.set(keyName, key!);
          return;
        }
        // The first mapping (in document order) that has a key at this offset answers for it.
        if (index.has(offset)) return;
        const found: Duplicate = { key: keyName, firstLine: lines.linePos(earlier.range![0]).line };
        if (inList && restart > 0 && restart <= i) found.newItem = { first: keys[0]!, repeat: keys[restart]! };
        index.set(offset, found);
      });
    },
  });
  return index;
}

/**
 * The parser's DUPLICATE_KEY errors, found in linear time: the parser's own
 * check (uniqueKeys) compares each key with every earlier one of its
 * mapping. Parse with uniqueKeys off and merge these into the errors
 * (mergeDuplicateKeyErrors). Merge keys (`<<`) may repeat, as the parser allows.
 */
export function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const out: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        // NaN is no duplicate of NaN, as the parser compares keys (===).
        if (!isScalar(key) || typeof key.value === 'symbol' || Number.isNaN(key.value) || !key.range) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else out.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
  return out;
}

/** The document's errors with its duplicate keys' among them, each before the first error past its offset. */
export function withDuplicateKeyErrors(doc: Document.Parsed): YAMLError[] {
  const duplicates = duplicateKeyErrors(doc).sort((a, b) => a.pos[0] - b.pos[0]);
  if (duplicates.length === 0) return doc.errors;
  const out: YAMLError[] = [];
  let d = 0;
  for (const error of doc.errors) {
    while (d < duplicates.length && duplicates[d]!.pos[0] < error.pos[0]) out.push(duplicates[d++]!);
    out.push(error);
  }
  out.push(...duplicates.slice(d));
  return out;
}

/**
 * The keys set twice in one mapping, each against the line where it was
 * first set. A set per mapping, so a stranger's file of 20,000 repeated keys
 * is linear: the parser's own check (uniqueKeys) compares each key with every
 * earlier one. Parse with uniqueKeys off and call this on every mapping
 * (src/lesson/yaml-source.ts walks the document once for this and its depth).
 */
export function duplicateKeysOf(map: YAMLMap<unknown, unknown>, lines: LineIndex, out: Explained[]): void {
  const seen = new Map<unknown, Node>();
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || key.range === undefined || key.range === null) continue;
    const earlier = seen.get(key.value);
    if (!earlier) {
      seen.set(key.value, key);
      continue;
    }
    out.push({
      offset: key.range[0],
      message: `"${String(key.value)}" is set twice in this mapping (first on line ${lines.linePos(earlier.range![0]).line}); each key may appear only once`,
      hint: 'remove one of the two, or merge them',
    });
  }
}

export function explainYamlError(error: YAMLError, text: string, lines: LineIndex, doc?: Document.Parsed): Explained {
  const offset = error.pos[0];
  const l = lineAt(text, lines, offset);
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (error.code) {
    case 'TAB_AS_INDENT': {
      const tab = l.text.indexOf('\t');
      return {
        offset: tab >= 0 ? l.start + tab : offset,
        message: 'a tab is used for indentation here; YAML indents with spaces only',
        hint: 'replace the tab with spaces (2 per level is usual); many editors can insert spaces when you press Tab',
      };
    }
    case 'DUPLICATE_KEY': {
      const dup = doc && duplicate(doc, offset, lines);
      if (dup?.newItem) {
        const start = dup.newItem.repeat.range![0];
        if (start !== offset) return { offset, message: `"${dup.key}" is set twice in this list item`, followOn: true };
        const first = lineAt(text, lines, dup.newItem.first.range![0]);
        const dash = first.text.lastIndexOf('- ', keyColumn(first));
        const line = lineAt(text, lines, start);
        return {
          offset,
          message: `"${dup.key}" is set twice in this list item (first on line ${dup.firstLine}); a "- " is probably missing before it, to start a new item`,
          hint: `write "- ${line.text.trim()}", the "- " in column ${dash + 1} like the item on line ${first.number}, and indent the lines of this item under it`,
        };
      }
      if (dup) {
        return {
          offset,
          message: `"${dup.key}" is set twice in this mapping (first on line ${dup.firstLine}); each key may appear only once`,
          hint: 'remove one of the two, or merge them',
        };
      }
      return {
        offset,
        message: 'this key is already set earlier in the same mapping; each key may appear only once',
        hint: 'remove one of the two, or merge them',
      };
    }
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const deep = tooDeep(text, lines, l);
      if (deep) return deep;
      const body = l.text.slice(keyColumn(l));
      if (!/:(\s|$)/.test(body) && /\S\s+\S/.test(body)) {
        const fixed = body.trim().replace(/\s+/, ': ');
        return { offset: firstChar(l), message: 'this line has no colon after its key', hint: `write "${fixed}"` };
      }
      if (/:\s.*:(\s|$)/.test(body)) {
        const [key, ...rest] = body.split(/:\s+/);
        return {
          offset,
          message: 'this value contains ": ", which YAML reads as the start of another key',
          hint: `put the value in quotes: ${key!.trim()}: "${rest.join(': ').trim().replace(/"/g, '\\"')}"`,
        };
      }
      return notLinedUp(text, lines, offset, 'key');
    }
    case 'BAD_INDENT':
      if (/sequence items/i.test(first)) return notLinedUp(text, lines, offset, 'item');
      if (/flow (map|sequence)/i.test(first))
        return {
          offset,
          message: 'a "{" or "[" is not closed where YAML expects it',
          hint: 'close it with "}" or "]", or write the value as indented lines instead',
        };
      return notLinedUp(text, lines, offset, 'key');
    case 'MISSING_CHAR':
      if (/quote/i.test(first)) return unclosedQuote(text, lines, offset, first.includes("'") && !first.includes('"') ? "'" : '"');
      if (/sequence item/i.test(first)) return notLinedUp(text, lines, offset, 'key');
      return { offset, message: `YAML syntax: ${first.toLowerCase()}` };
    default:
      return { offset, message: `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}` };
  }
}
