/**
 * The Kubernetes object schema, as generated data (data/k8s-schema.json, made
 * by scripts/gen-k8s-schema.mjs from the Kubernetes OpenAPI definitions; see
 * its `about`). This module only looks things up in it.
 */
import raw from './data/k8s-schema.json' with { type: 'json' };
import { suggest } from '../text/suggest.js';

/** A primitive name, a type name, or ['enum', ...values] / ['array', T] / ['map', T]. */
export type FieldType = string | readonly ['enum', ...string[]] | readonly ['array', FieldType] | readonly ['map', FieldType];

export interface ObjectType {
  fields: Record<string, FieldType>;
  required?: string[];
  /** Fields a newer Kubernetes has that this one does not. */
  newer?: string[];
}

interface SchemaData {
  about: { kubernetes: string; origin: string; newer: string };
  kinds: Record<string, string>;
  removed: Record<string, string[]>;
  types: Record<string, ObjectType | 'any'>;
}

const data = raw as unknown as SchemaData;

export const KUBERNETES_VERSION = data.about.kubernetes;
/** The release the `newer` fields come from, e.g. "1.34". */
export const NEWER_VERSION = /OpenAPI v?(\d+\.\d+)/.exec(data.about.newer)?.[1] ?? 'newer';

export const PRIMITIVES = new Set(['string', 'boolean', 'number', 'integer', 'int-or-string', 'number-or-string', 'any']);

/** A named object type; 'any' for the few that take any value (RawExtension, FieldsV1). */
export function objectType(name: string): ObjectType | 'any' {
  return data.types[name] ?? 'any';
}

export type KindLookup =
  | { found: true; type: string }
  | { found: false; reason: 'removed' | 'other-version'; apiVersions: string[] }
  | { found: false; reason: 'unknown-kind'; suggestion?: string | undefined }
  | { found: false; reason: 'custom-resource' };

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
/** Every API group built into Kubernetes, served or removed; other groups with a dot are custom resources. */
const builtInGroups = new Set([...Object.keys(data.kinds), ...Object.keys(data.removed)].map((gvk) => groupOf(gvk.slice(0, gvk.lastIndexOf('/')))));

const kindNames = new Map<string, string[]>();
for (const gvk of Object.keys(data.kinds)) {
  const slash = gvk.lastIndexOf('/');
  const kind = gvk.slice(slash + 1);
  kindNames.set(kind, [...(kindNames.get(kind) ?? []), gvk.slice(0, slash)]);
}

/** The schema of an apiVersion and kind, or why there is none. */
export function lookupKind(apiVersion: string, kind: string): KindLookup {
  const gvk = `${apiVersion}/${kind}`;
  const type = data.kinds[gvk];
  if (type) return { found: true, type };
  const served = kindNames.get(kind);
  if (data.removed[gvk]) return { found: false, reason: 'removed', apiVersions: served ?? data.removed[gvk] };
  if (served) return { found: false, reason: 'other-version', apiVersions: served };
  const group = groupOf(apiVersion);
  if (group.includes('.') && !builtInGroups.has(group)) return { found: false, reason: 'custom-resource' };
  return { found: false, reason: 'unknown-kind', suggestion: suggest(kind, kindNames.keys()) };
}

/** Where `kubectl explain` documents a field: `pod.spec.containers`. */
export function explainPath(kind: string, fields: readonly (string | number)[]): string {
  return [kind.toLowerCase(), ...fields.filter((f): f is string => typeof f === 'string')].join('.');
}
