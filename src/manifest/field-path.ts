/**
 * The field paths lesson checks use: `spec.containers[0].image`, `[*]` for
 * every item of a list (or every value of a mapping), and `["key.with.dots"]`
 * for keys that contain ".", "[" or "]" (`metadata.labels["app.kubernetes.io/name"]`).
 */
import { isMap, isSeq, type Node } from 'yaml';
import { isNull, type Tree } from './nodes.js';
import type { PathSegment } from './problem.js';

export type FieldSegment = { key: string } | { index: number } | { any: true };

export type ParsedFieldPath = { ok: true; segments: FieldSegment[] } | { ok: false; error: string };

/** Parses a field path; the error says what is wrong, for the lesson linter. */
export function parseFieldPath(path: string): ParsedFieldPath {
  const segments: FieldSegment[] = [];
  let i = 0;
  const fail = (error: string): ParsedFieldPath => ({ ok: false, error: `${error} at character ${i + 1} of ${JSON.stringify(path)}` });
  if (path.trim() === '') return { ok: false, error: 'the path is empty' };
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '[') {
      const quote = path[i + 1];
      let close: number;
      if (quote === '"' || quote === "'") {
        // A quoted key may itself contain "]": find its closing quote first.
        let end = i + 2;
        while (end < path.length && path[end] !== quote) end += path[end] === '\\' && quote === '"' ? 2 : 1;
        close = path[end + 1] === ']' ? end + 1 : -1;
      } else {
        close = path.indexOf(']', i);
      }
      if (close < 0) return fail('"[" is never closed');
      const inner = path.slice(i + 1, close);
      if (inner === '*') segments.push({ any: true });
      else if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) segments.push({ key: JSON.parse(inner) as string });
      else if (/^'[^']*'$/.test(inner)) segments.push({ key: inner.slice(1, -1) });
      else return fail(`"[${inner}]" is not an index, [*] or a quoted key`);
      i = close + 1;
    } else {
      if (ch === '.') {
        if (segments.length === 0) return fail('a path cannot start with "."');
        i++;
      } else if (segments.length > 0) {
        return fail('expected "." or "["');
      }
      const m = /^[^.[\]]+/.exec(path.slice(i));
      if (!m) return fail('expected a field name');
      segments.push({ key: m[0] });
      i += m[0].length;
    }
  }
  return { ok: true, segments };
}

/** One place a path leads to. `node` is null when the key is there with no value. */
export interface FieldMatch {
  node: Node | null;
  /** The key node (for mapping entries) or the item itself (for list items). */
  at: Node | null;
  path: PathSegment[];
}

export interface Resolved {
  matches: FieldMatch[];
  /** Where the path stopped when it found nothing: the deepest place it reached. */
  deepest: FieldMatch;
}

const MAX_MATCHES = 10_000;

export function resolveFieldPath(tree: Tree, root: Node, segments: readonly FieldSegment[]): Resolved {
  let frontier: FieldMatch[] = [{ node: root, at: root, path: [] }];
  let deepest = frontier[0]!;
  for (const segment of segments) {
    const next: FieldMatch[] = [];
    for (const here of frontier) {
      const node = tree.resolve(here.node);
      if ('key' in segment) {
        const entry = isMap(node) ? tree.entries(node).find((e) => e.key === segment.key) : undefined;
        if (entry) next.push({ node: entry.value, at: entry.keyNode, path: [...here.path, segment.key] });
      } else if ('index' in segment) {
        const items = isSeq(node) ? tree.items(node) : [];
        if (segment.index < items.length) {
          const item = items[segment.index]!;
          next.push({ node: item, at: item ?? here.at, path: [...here.path, segment.index] });
        }
      } else if (isSeq(node)) {
        tree.items(node).forEach((item, i) => next.push({ node: item, at: item ?? here.at, path: [...here.path, i] }));
      } else if (isMap(node)) {
        for (const entry of tree.entries(node)) next.push({ node: entry.value, at: entry.keyNode, path: [...here.path, entry.key] });
      }
      if (next.length > MAX_MATCHES) break;
    }
    if (next.length === 0) return { matches: [], deepest };
    frontier = next.slice(0, MAX_MATCHES);
    deepest = frontier.find((m) => !isNull(m.node)) ?? frontier[0]!;
  }
  return { matches: frontier, deepest };
}

/** A parsed path written back: `spec.containers[*].image`. */
export function formatFieldPath(segments: readonly FieldSegment[]): string {
  let out = '';
  for (const s of segments) {
    if ('any' in s) out += '[*]';
    else if ('index' in s) out += `[${s.index}]`;
    else if (/^[^.[\]"']+$/.test(s.key)) out += out === '' ? s.key : `.${s.key}`;
    else out += `[${JSON.stringify(s.key)}]`;
  }
  return out;
}
