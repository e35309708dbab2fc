/**
 * Step 2 of the checker: the object against the Kubernetes schema of its
 * apiVersion and kind (found by ./object-kind.ts). Required fields, types,
 * enums, and unknown fields with a did-you-mean, each reported at the most
 * precise node: the value for a wrong value, the key for an unknown field,
 * the parent's key for a missing one.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { suggest } from '../text/suggest.js';
import { explainPath, KUBERNETES_VERSION, objectType, PRIMITIVES, type FieldType, type ObjectType } from './k8s-schema.js';
import { base64Problem, DECODING } from './base64.js';
import { describe, isNull, type Entry, type Tree } from './nodes.js';
import { identifyKind, type ObjectKind } from './object-kind.js';
import { isQuantity, QUANTITY_HINT, quantitySuggestions } from './quantity.js';
import { quote, type PathSegment } from './problem.js';
import type { Reporter } from './report.js';

const LIST_LIMIT = 8;

function oneOf(values: readonly string[]): string {
  const shown = values.slice(0, LIST_LIMIT).join(', ');
  return values.length > LIST_LIMIT ? `${shown}, ...` : shown;
}

class SchemaWalker {
  constructor(
    private readonly tree: Tree,
    private readonly report: Reporter,
    private readonly kind: string,
    private readonly text: string,
  ) {}

  /** The value's own text, as the learner typed it. */
  private source(node: Node): string {
    const [start, end] = node.range ?? [0, 0];
    return this.text.slice(start, end).trim();
  }

  value(node: Node | null, type: FieldType, path: PathSegment[], explain: string[], anchor: Node | null): void {
    if (node === null || isNull(node)) return;
    if (typeof type === 'string') {
      if (PRIMITIVES.has(type)) return this.primitive(node, type, path);
      const def = objectType(type);
      if (def !== 'any') this.object(node, def, path, explain, anchor);
      return;
    }
    if (type[0] === 'enum') return this.enumValue(node, type.slice(1) as string[], path);
    const inner = type[1] as FieldType;
    if (type[0] === 'array') {
      if (!isSeq(node)) return this.mismatch(node, 'a list', path);
      const items = (node.items as unknown[]).map((item) => this.tree.resolve(item));
      for (const [i, item] of items.entries()) this.value(item, inner, [...path, i], explain, item);
      return;
    }
    if (!isMap(node))
      return this.mismatch(node, 'a mapping', path, `"key: value" lines such as "${inner === 'string' ? 'app: web' : 'name: value'}"`);
    for (const entry of this.tree.entries(node)) this.value(entry.value, inner, [...path, entry.key], explain, entry.keyNode);
  }

  private object(node: Node, def: ObjectType, path: PathSegment[], explain: string[], anchor: Node | null): void {
    if (!isMap(node)) return this.mismatch(node, 'a mapping', path, `fields such as "${exampleField(def)}"`);
    const entries = this.tree.entries(node);
    for (const field of def.required ?? []) {
      const entry = entries.find((e) => e.key === field);
      if (!entry) this.report.at(anchor ?? node, [...path, field], 'required');
      else if (isNull(entry.value)) this.report.at(entry.keyNode, [...path, field], 'required, but it has no value');
    }
    for (const [index, entry] of entries.entries()) {
      if (entry.key === '<<') continue;
      const type = def.fields[entry.key];
      const added = def.newer?.[entry.key];
      if (added) {
        this.report.at(
          entry.keyNode,
          [...path, entry.key],
          `"${entry.key}" is newer than Kubernetes ${KUBERNETES_VERSION} (added in ${added}); a ${KUBERNETES_VERSION} cluster rejects it`,
          {
            severity: 'warning',
          },
        );
      }
      if (type !== undefined) {
        this.value(entry.value, type, [...path, entry.key], [...explain, entry.key], entry.keyNode);
      } else {
        this.unknownField(entry.keyNode, entry.key, def, path, explain, entries[index - 1]);
      }
    }
  }

  /** @param before the entry above it in the same mapping: when that one is empty and has this field, the line belongs under it. */
  private unknownField(keyNode: Node | null, key: string, def: ObjectType, path: PathSegment[], explain: string[], before?: Entry): void {
    // kubectl cannot turn such a key into JSON; its text (empty here) would name nothing the learner wrote.
    if (isMap(keyNode) || isSeq(keyNode)) {
      this.report.at(keyNode, path, 'a field name must be plain text, not a list or a mapping');
      return;
    }
    const known = Object.keys(def.fields);
    const near = suggest(key, known);
    const where = explainPath(this.kind, explain);
    let hint = `kubectl explain ${where} lists the fields${path.length === 0 ? ' of this kind' : ` of ${where.split('.').pop()}`}`;
    if (/^-\S/.test(key)) hint = `put a space after the dash to start a list item: "- ${key.slice(1)}"`;
    const parent = before && isNull(before.value) ? def.fields[before.key] : undefined;
    const inner = Array.isArray(parent) && parent[0] === 'array' ? parent[1] : parent;
    const innerDef = typeof inner === 'string' && !PRIMITIVES.has(inner) ? objectType(inner) : undefined;
    if (innerDef && innerDef !== 'any' && key in innerDef.fields) {
      const line = this.text
        .slice(keyNode?.range?.[0] ?? 0)
        .split('\n')[0]!
        .trim();
      const item = Array.isArray(parent) && parent[0] === 'array';
      this.report.at(keyNode, [...path, key], `unknown field ${quote(key)} here; it is a field of "${before!.key}" above it`, {
        hint: item ? `indent it under "${before!.key}:" as a list item: "- ${line}"` : `indent it under "${before!.key}:"`,
      });
      return;
    }
    const message = near ? `unknown field ${quote(key)}; did you mean "${near}"?` : `unknown field ${quote(key)}`;
    this.report.at(keyNode, [...path, key], message, { hint });
  }

  private enumValue(node: Node, values: readonly string[], path: PathSegment[]): void {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value === 'string' && values.includes(value)) return;
    if (!isScalar(node)) return this.mismatch(node, 'text', path);
    const near = suggest(String(value), values);
    const message = near ? `${quote(value)} is not a valid value; did you mean "${near}"?` : `${quote(value)} is not a valid value`;
    this.report.at(node, path, message, { hint: `one of: ${oneOf(values)}` });
  }

  private primitive(node: Node, type: string, path: PathSegment[]): void {
    if (type === 'any') return;
    const value = isScalar(node) ? node.value : undefined;
    const kind = typeof value;
    if (type === 'quantity' && kind === 'string') return this.quantity(node, value as string, path);
    if (type === 'bytes' && kind === 'string') return this.base64(node, value as string, path);
    const ok =
      (type === 'string' && kind === 'string') ||
      (type === 'boolean' && kind === 'boolean') ||
      (type === 'number' && kind === 'number') ||
      (type === 'integer' && kind === 'number' && Number.isInteger(value)) ||
      (type === 'int-or-string' && (kind === 'string' || (kind === 'number' && Number.isInteger(value)))) ||
      (type === 'number-or-string' && (kind === 'string' || kind === 'number')) ||
      (type === 'quantity' && kind === 'number');
    if (ok) return;
    const expected: Record<string, string> = {
      string: 'text',
      boolean: 'true or false',
      number: 'a number',
      integer: 'a whole number',
      'int-or-string': 'a whole number or text',
      'number-or-string': 'a number or text',
      quantity: 'a quantity (like 500m or 128Mi)',
      bytes: 'base64 text',
    };
    this.mismatch(node, expected[type] ?? type, path);
  }

  /** resource.Quantity's grammar (quantity.ts), with what the learner probably meant. */
  private quantity(node: Node, value: string, path: PathSegment[]): void {
    if (isQuantity(value)) return;
    const meant = quantitySuggestions(value).map((s) => `"${s}"`);
    const guess = meant.length > 0 ? `; did you mean ${meant.join(' or ')}?` : '';
    this.report.at(node, path, `${quote(value)} is not a Kubernetes quantity${guess}`, { hint: QUANTITY_HINT });
  }

  /** Fields of bytes are base64 in YAML and JSON; the API server decodes them as Go's encoding/json does (padding required, line breaks ignored). */
  private base64(node: Node, value: string, path: PathSegment[]): void {
    const bad = base64Problem(value);
    if (!bad) return;
    const secret = this.kind === 'Secret' && path[0] === 'data';
    this.report.at(node, path, `${quote(value)} ${bad}; ${DECODING}`, {
      hint: secret
        ? 'put plain text under stringData: instead of data:, or encode it: echo -n "..." | base64'
        : 'this field holds bytes, written in base64: encode them with base64',
    });
  }

  /** @param fields for a mapping, what to write there, in words a beginner knows ("fields such as ..."). */
  private mismatch(node: Node, expected: string, path: PathSegment[], fields?: string): void {
    const got = describe(node);
    const text = this.source(node);
    let hint: string | undefined;
    if (expected === 'text' && isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) {
      hint = `put it in quotes to keep it as text: "${text}"`;
    } else if (expected === 'text' && isMap(node) && node.items.length === 1 && !text.includes('\n')) {
      // `- echo hello: world`: ": " inside text makes YAML read a key and a value.
      hint = `put it in quotes, or YAML reads ": " as a key and its value: "${text.replace(/"/g, '\\"')}"`;
    } else if (isScalar(node) && typeof node.value === 'string' && /^["'].*["']$/.test(text) && expected !== 'text') {
      hint = `remove the quotes: ${text.slice(1, -1)}`;
    } else if (expected === 'a mapping' && isScalar(node) && typeof node.value === 'string' && /^[\w.-]+:\S/.test(node.value)) {
      hint = `add a space after the colon: ${node.value.replace(':', ': ')}`;
    } else if (expected === 'a mapping' && isSeq(node)) {
      hint = 'remove the "- " in front: a mapping is key: value lines';
    } else if (expected === 'a list' && isMap(node)) {
      hint = 'start each item of a list with "- "';
    } else if (expected === 'a list' && isScalar(node)) {
      hint = 'write each item on its own line starting with "- ", or as [a, b]';
    }
    const shown = !isScalar(node) || got === 'nothing' ? '' : typeof node.value === 'string' ? ` ${quote(node.value)}` : ` ${text}`;
    this.report.at(node, path, `expected ${fields ? `${fields} here` : expected}, got ${got}${shown}`, { hint });
  }
}

/**
 * Checks apiVersion and kind, then every field. Returns the kind when it is
 * one Kubernetes serves (so the API-server rules can run), else undefined.
 */
export function checkSchema(tree: Tree, root: Node, report: Reporter, text: string): ObjectKind | undefined {
  const known = identifyKind(tree, root, report);
  if (!known) return undefined;
  new SchemaWalker(tree, report, known.kind, text).value(root, known.type, [], [], root);
  return { apiVersion: known.apiVersion, kind: known.kind };
}

/** Values a beginner recognises, for the fields most often met. */
const EXAMPLES: Record<string, string> = {
  name: 'web',
  image: 'nginx:1.30',
  containerPort: '80',
  port: '80',
  key: 'app',
  path: '/',
  mountPath: '/data',
  claimName: 'data',
  app: 'web',
};
const PREFERRED = ['name', 'containerPort', 'port', 'image', 'key', 'path', 'mountPath'];

/** One field of a type, written out as a line: `containerPort: 80`. */
function exampleField(def: ObjectType): string {
  const fields = Object.keys(def.fields);
  const field =
    PREFERRED.find((f) => def.required?.includes(f)) ?? def.required?.[0] ?? PREFERRED.find((f) => f in def.fields) ?? fields[0] ?? 'name';
  const type = def.fields[field];
  if (EXAMPLES[field]) return `${field}: ${EXAMPLES[field]}`;
  if (type === 'integer' || type === 'number') return `${field}: 1`;
  if (type === 'boolean') return `${field}: true`;
  if (Array.isArray(type) && type[0] === 'enum') return `${field}: ${String(type[1])}`;
  return type === 'string' ? `${field}: ...` : `${field}:`;
}
