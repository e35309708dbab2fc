/**
 * `kind: List` (apiVersion v1): not an object the API server stores, but a
 * wrapper kubectl unpacks, sending each of its `items` on its own. The
 * checker does the same: each item is checked as an object, its problems
 * placed in the file and their paths starting at `items[i]`.
 */
import { isMap, isSeq, type Node } from 'yaml';
import { describe, isNull, type Tree } from './nodes.js';
import { quote } from './problem.js';
import type { Reporter } from './report.js';

const LIST_FIELDS = ['apiVersion', 'kind', 'metadata', 'items'];

export interface CheckedObject {
  node: Node;
  reporter: Reporter;
}

/** The objects a document holds: itself, or the items of a v1 List (the List's own problems reported here). */
export function objectsOf(tree: Tree, root: Node, reporter: Reporter): CheckedObject[] {
  if (!isMap(root) || tree.text(tree.get(root, 'kind')) !== 'List' || tree.text(tree.get(root, 'apiVersion')) !== 'v1')
    return [{ node: root, reporter }];
  for (const entry of tree.entries(root)) {
    if (!LIST_FIELDS.includes(entry.key))
      reporter.at(entry.keyNode, [entry.key], `unknown field ${quote(entry.key)}`, {
        hint: 'a List has apiVersion, kind, metadata and items',
      });
  }
  const items = tree.entry(root, 'items');
  if (!items || isNull(items.value)) {
    reporter.at(items?.keyNode ?? root, ['items'], 'required', { hint: 'a List holds its objects under items:, each starting with "- "' });
    return [];
  }
  if (!isSeq(items.value)) {
    reporter.at(items.value, ['items'], `expected a list, got ${describe(items.value)}`, {
      hint: 'start each object of the List with "- "',
    });
    return [];
  }
  return tree.items(items.value).flatMap((node, i) => (node === null ? [] : [{ node, reporter: reporter.prefixed(['items', i]) }]));
}
