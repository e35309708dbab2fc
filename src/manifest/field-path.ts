/**
 * Where a lesson check's field path leads in a manifest. The grammar (parsing
 * and writing paths) is the lesson model's: src/lesson/field-path.ts.
 */
import { isMap, isSeq, type Node } from 'yaml';
import type { FieldSegment } from '../lesson/field-path.js';
import { isNull, type Tree } from './nodes.js';
import type { PathSegment } from './problem.js';

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
        for (const [i, item] of tree.items(node).entries()) next.push({ node: item, at: item ?? here.at, path: [...here.path, i] });
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
