/**
 * Reading the YAML node tree: following aliases (with a budget, so a
 * "billion laughs" document cannot make the checker walk forever), mapping
 * entries with their key nodes, and the plain value of a scalar.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** How many alias uses one document may make us follow. */
export const MAX_ALIAS_FOLLOWS = 1000;

export class AliasBudgetExceeded extends Error {}

export class Tree {
  private follows = 0;
  constructor(readonly doc: Document.Parsed) {}

  /** The node itself, or what an alias points at. */
  resolve(node: unknown): Node | null {
    if (isAlias(node)) {
      if (++this.follows > MAX_ALIAS_FOLLOWS) throw new AliasBudgetExceeded();
      return (node.resolve(this.doc) as Node | undefined) ?? null;
    }
    return (node as Node | null | undefined) ?? null;
  }

  /** A mapping's entries with string keys, in order; merge keys (`<<`) are kept as ordinary entries. */
  entries(map: YAMLMap): Entry[] {
    return map.items.map((pair) => {
      const keyNode = this.resolve(pair.key);
      return { key: keyText(keyNode), keyNode: (pair.key as Node | null) ?? null, value: this.resolve(pair.value), pair };
    });
  }

  /** The entry of a mapping with this key. */
  entry(map: unknown, key: string): Entry | undefined {
    const node = this.resolve(map);
    return isMap(node) ? this.entries(node).find((e) => e.key === key) : undefined;
  }

  /** The value node at a key of a mapping. */
  get(map: unknown, key: string): Node | null {
    return this.entry(map, key)?.value ?? null;
  }

  /** The items of a list, resolved, at their indices (an empty item is null). */
  items(seq: unknown): (Node | null)[] {
    const node = this.resolve(seq);
    return isSeq(node) ? (node as YAMLSeq).items.map((item) => this.resolve(item)) : [];
  }

  /** The scalar value of a node, or undefined when it is not a scalar. */
  scalar(node: unknown): unknown {
    const resolved = this.resolve(node);
    return isScalar(resolved) ? resolved.value : undefined;
  }

  /** The text of a scalar when it is a string. */
  text(node: unknown): string | undefined {
    const value = this.scalar(node);
    return typeof value === 'string' ? value : undefined;
  }
}

export interface Entry {
  key: string;
  keyNode: Node | null;
  value: Node | null;
  pair: Pair;
}

/** How a key reads once it is JSON, as the API server sees it. */
function keyText(node: Node | null): string {
  if (isScalar(node)) return node.value === null ? 'null' : String(node.value);
  return '';
}

/** Whether a node is missing or an explicit null (`key:` with nothing, `~`, `null`). */
export function isNull(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** The character offset where a node starts. */
export function offsetOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** A name for the kind of value a node holds, for messages. */
export function describe(node: Node | null): string {
  if (node === null || isNull(node)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number') return Number.isInteger(v) ? 'a number' : 'a decimal number';
    if (typeof v === 'boolean') return 'true/false';
    return 'text';
  }
  return 'a value';
}
