/**
 * Step 3 for ConfigMaps (upstream: ValidateConfigMap and IsConfigMapKey in
 * kubernetes/kubernetes; the decoding of data and binaryData in the API
 * server). Day 2 teaches which stage refuses what, so the messages of the
 * decoding stage say so.
 */
import { base64Problem, DECODING } from './base64.js';
import { isMap, isScalar, type Node } from 'yaml';
import { isNull, type Entry, type Tree } from './nodes.js';
import { formatPath, quote } from './problem.js';
import type { Reporter } from './report.js';

/** core.MaxSecretSize, which ConfigMaps share: data and binaryData values together. */
export const MAX_CONFIGMAP_BYTES = 1024 * 1024;

/** IsConfigMapKey: what is wrong with a data or binaryData key, or undefined. */
export function configMapKey(key: string): string | undefined {
  if (key === '') return 'must not be empty';
  if (key.length > 253) return `must be at most 253 characters (it has ${key.length})`;
  if (!/^[-._a-zA-Z0-9]+$/.test(key)) return 'may contain only letters, digits, "-", "_" and "."';
  if (key === '.') return 'must not be "."';
  if (key === '..') return 'must not be ".."';
  if (key.startsWith('..')) return 'must not start with ".."';
  return undefined;
}

function entriesOf(tree: Tree, root: Node, field: string): { entry: Entry | undefined; items: Entry[] } {
  const entry = tree.entry(root, field);
  return { entry, items: entry && isMap(entry.value) ? tree.entries(entry.value) : [] };
}

export function checkConfigMap(tree: Tree, root: Node, report: Reporter): void {
  const data = entriesOf(tree, root, 'data');
  const binary = entriesOf(tree, root, 'binaryData');
  let bytes = 0;

  // Before the key rules add problems of their own at the same paths.
  for (const item of data.items) {
    const value = tree.resolve(item.value);
    if (isScalar(value) && typeof value.value === 'string') bytes += Buffer.byteLength(value.value);
    else if (!isNull(value)) explainDecoding(report, formatPath(['data', item.key]));
  }

  for (const [field, { items }] of [
    ['data', data],
    ['binaryData', binary],
  ] as const) {
    for (const item of items) {
      const bad = configMapKey(item.key);
      if (bad)
        report.at(item.keyNode, [field, item.key], `key ${quote(item.key)} ${bad}`, {
          hint: 'a key becomes a file name when the ConfigMap is mounted: letters, digits, "-", "_" and "."',
        });
    }
  }

  const dataKeys = new Map(data.items.map((e) => [e.key, e]));
  for (const item of binary.items) {
    const text = tree.text(item.value);
    // Whether it is base64 at all is the schema's check of every field of bytes (schema-check.ts).
    if (text !== undefined && !base64Problem(text)) bytes += Buffer.from(text, 'base64').length;
    const twin = dataKeys.get(item.key);
    if (twin)
      report.at(
        twin.keyNode,
        ['data', item.key],
        `key ${quote(item.key)} is also a key of binaryData; a key may be in data or in binaryData, not both`,
      );
  }

  if (bytes > MAX_CONFIGMAP_BYTES) {
    const at = data.entry?.keyNode ?? binary.entry?.keyNode ?? root;
    report.at(
      at,
      [],
      `the values of data and binaryData add up to ${bytes} bytes; a ConfigMap holds at most ${MAX_CONFIGMAP_BYTES} (1 MiB)`,
      {
        hint: 'larger content belongs in a volume or an image, not in a ConfigMap',
      },
    );
  }
}

/** A data value that is not text was reported by the schema step; it is the decoding stage that refuses it. */
function explainDecoding(report: Reporter, path: string): void {
  for (const problem of report.problems) {
    if (problem.path === path && problem.severity === 'error' && !problem.message.includes(DECODING)) {
      problem.message = `${problem.message}: ConfigMap data values are strings, and ${DECODING}`;
    }
  }
}
