/**
 * The objects of one check, as the rules that span objects see them: the
 * learner's documents, and the lesson's context (objects the learner is
 * assumed to have applied on an earlier day). Problems are only ever
 * reported in the learner's own documents.
 */
import type { Node } from 'yaml';
import type { LineIndex } from '../text/line-index.js';
import { isNull, type Tree } from './nodes.js';
import { quote } from './problem.js';
import type { Reporter } from './report.js';

export interface ManifestObject {
  tree: Tree;
  root: Node;
  /** The `kind` as written (not necessarily one Kubernetes knows). */
  kind: string | undefined;
  /** False when the document repeats its aliases too often to be read further. */
  intact: boolean;
  /** Collects this object's problems; a context object's are never shown. */
  reporter: Reporter;
  origin: 'answer' | 'context';
  /** The text the object was read from, for "see line L". */
  lines: LineIndex;
}

export const kindOf = (o: ManifestObject): string | undefined => o.kind;

export const TOO_MANY_ALIASES = 'this document repeats its aliases (*name) too many times to be checked';
const names = new WeakMap<ManifestObject, string | undefined>();

/** metadata.name, read once: a file of thousands of objects asks for it often. */
export function nameOf(o: ManifestObject): string | undefined {
  if (!names.has(o)) names.set(o, o.tree.text(o.tree.get(o.tree.get(o.root, 'metadata'), 'name')));
  return names.get(o);
}

const namespaces = new WeakMap<ManifestObject, string | undefined>();

/** The namespace written in the object, read once; unset means "wherever kubectl sends it", which matches any. */
export function namespaceOf(o: ManifestObject): string | undefined {
  if (!namespaces.has(o)) {
    const value = o.tree.text(o.tree.get(o.tree.get(o.root, 'metadata'), 'namespace'));
    namespaces.set(o, value === '' ? undefined : value);
  }
  return namespaces.get(o);
}

/** Whether two objects can be in the same namespace, as far as their text says. */
export function sameNamespace(a: ManifestObject, b: ManifestObject): boolean {
  const x = namespaceOf(a);
  const y = namespaceOf(b);
  return x === undefined || y === undefined || x === y;
}

/** `Deployment "web"`, for messages. */
export function describeObject(o: ManifestObject): string {
  const name = nameOf(o);
  return `${kindOf(o) ?? 'object'}${name === undefined ? '' : ` ${quote(name)}`}`;
}

/** Where a referred object is: a line of the answer, or the lesson's context, which has no lines the learner sees. */
export function seeAt(o: ManifestObject, node: Node | null | undefined): string {
  if (o.origin === 'context') return 'already applied, as this exercise assumes';
  const offset = node?.range?.[0] ?? o.root.range?.[0] ?? 0;
  return `see line ${o.lines.linePos(offset).line}`;
}

/** Walks a path of mapping keys; null when any step is missing. */
export function nodeAtKeys(tree: Tree, from: Node | null, keys: readonly string[]): Node | null {
  let node = from;
  for (const key of keys) {
    if (isNull(node)) return null;
    node = tree.get(node, key);
  }
  return isNull(node) ? null : node;
}
