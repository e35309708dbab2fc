/**
 * The YAML parser's errors in plain words. Its messages describe the parser
 * ("Implicit keys need to be on a single line"); a learner needs to hear what
 * is wrong with their line and where: a tab, a missing colon, a key that is
 * not lined up with the one above it.
 */
import { isMap, isScalar, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { LineIndex } from './line-index.js';

export interface Explained {
  offset: number;
  message: string;
  hint?: string;
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

function notLinedUp(text: string, lines: LineIndex, offset: number, what: 'key' | 'item'): Explained {
  const l = lineAt(text, lines, offset);
  let above = previousMeaningful(text, lines, l);
  if (what === 'item') {
    while (above && !/^\s*-(\s|$)/.test(above.text)) above = previousMeaningful(text, lines, above);
  }
  const where = above ? ` (line ${above.number} starts in column ${above.indent + 1}, this one in column ${l.indent + 1})` : '';
  return what === 'item'
    ? { offset: firstChar(l), message: `this list item is not lined up with the items above it${where}`, hint: 'every "- " of one list starts in the same column' }
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

/** The duplicated key at an offset and the line where it was first set. */
function duplicate(doc: Document.Parsed, offset: number, lines: LineIndex): { key: string; firstLine: number } | undefined {
  let found: { key: string; firstLine: number } | undefined;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Map<string, Node>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) continue;
        const name = String(key.value);
        const earlier = seen.get(name);
        if (earlier && key.range?.[0] === offset) {
          found = { key: name, firstLine: lines.linePos(earlier.range![0]).line };
          return visit.BREAK;
        }
        if (!earlier) seen.set(name, key);
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Every key set twice in its mapping, in one pass over the document. The
 * parser's own check (uniqueKeys) compares each key with every earlier one,
 * and explaining each of its errors walked the document again: a stranger's
 * file of 20,000 repeated keys took minutes. Parse with uniqueKeys off and
 * call this instead.
 */
export function duplicateKeys(doc: Document.Parsed, lines: LineIndex): Explained[] {
  const out: Explained[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
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
    },
  });
  return out;
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
      if (dup) {
        return {
          offset,
          message: `"${dup.key}" is set twice in this mapping (first on line ${dup.firstLine}); each key may appear only once`,
          hint: 'remove one of the two, or merge them',
        };
      }
      return { offset, message: 'this key is already set earlier in the same mapping; each key may appear only once', hint: 'remove one of the two, or merge them' };
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
      if (/flow (map|sequence)/i.test(first)) return { offset, message: 'a "{" or "[" is not closed where YAML expects it', hint: 'close it with "}" or "]", or write the value as indented lines instead' };
      return notLinedUp(text, lines, offset, 'key');
    case 'MISSING_CHAR':
      if (/quote/i.test(first)) return unclosedQuote(text, lines, offset, first.includes("'") && !first.includes('"') ? "'" : '"');
      if (/sequence item/i.test(first)) return notLinedUp(text, lines, offset, 'key');
      return { offset, message: `YAML syntax: ${first.toLowerCase()}` };
    default:
      return { offset, message: `YAML syntax: ${first.charAt(0).toLowerCase()}${first.slice(1)}` };
  }
}
