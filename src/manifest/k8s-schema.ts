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
  /** Fields the target release does not have yet, each with the release that added it. */
  newer?: Record<string, string>;
}

/** What the target release does with an apiVersion of a kind it does not simply serve. */
export type VersionStatus =
  | { served: 'removed'; in: string; use: string[] }
  | { served: 'added'; in: string }
  | { served: 'alpha' | 'beta' }
  | { served: 'yes' };

interface SchemaData {
  about: { kubernetes: string };
  kinds: Record<string, string>;
  versions: Record<string, VersionStatus>;
  types: Record<string, ObjectType | 'any'>;
}

const data = raw as unknown as SchemaData;

/**
 * Values the API server accepts from a closed set where the OpenAPI schema
 * says only "string": a label selector's operator (apimachinery
 * pkg/apis/meta/v1/validation ValidateLabelSelectorRequirement, field.NotSupported).
 */
const API_ENUMS: Record<string, Record<string, FieldType>> = {
  ApimachineryPkgApisMetaV1LabelSelectorRequirement: { operator: ['enum', 'In', 'NotIn', 'Exists', 'DoesNotExist'] },
};
for (const [name, fields] of Object.entries(API_ENUMS)) {
  const type = data.types[name];
  if (type && type !== 'any') Object.assign(type.fields, fields);
}

export { KUBERNETES_VERSION } from './kubernetes-version.js';
/** The release the data was generated for; test/manifest/data.test.ts holds it equal to KUBERNETES_VERSION. */
export const DATA_KUBERNETES_VERSION = data.about.kubernetes;

export const PRIMITIVES = new Set([
  'string',
  'boolean',
  'number',
  'integer',
  'int-or-string',
  'number-or-string',
  'quantity',
  'bytes',
  'any',
]);

/** A named object type; 'any' for the few that take any value (RawExtension, FieldsV1). */
export function objectType(name: string): ObjectType | 'any' {
  return data.types[name] ?? 'any';
}

export type KindLookup =
  | { found: true; type: string; status?: Exclude<VersionStatus, { served: 'removed' }> }
  | { found: false; reason: 'not-served'; status: VersionStatus }
  | { found: false; reason: 'other-version'; apiVersions: string[] }
  | { found: false; reason: 'unknown-kind'; suggestion?: string | undefined }
  | { found: false; reason: 'custom-resource' };

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const versionOf = (gvk: string) => gvk.slice(0, gvk.lastIndexOf('/'));
/** Every API group built into Kubernetes, served or removed; other groups with a dot are custom resources. */
const builtInGroups = new Set([...Object.keys(data.kinds), ...Object.keys(data.versions)].map((gvk) => groupOf(versionOf(gvk))));

/** Each kind with the apiVersions the target release serves it as. */
const kindNames = new Map<string, string[]>();
for (const gvk of [...Object.keys(data.kinds), ...Object.keys(data.versions)]) {
  const kind = gvk.slice(gvk.lastIndexOf('/') + 1);
  const list = kindNames.get(kind) ?? [];
  kindNames.set(kind, list);
  const status = data.versions[gvk];
  if ((status === undefined || status.served === 'yes') && !list.includes(versionOf(gvk))) list.push(versionOf(gvk));
}

/** The schema of an apiVersion and kind, or why there is none. */
export function lookupKind(apiVersion: string, kind: string): KindLookup {
  const gvk = `${apiVersion}/${kind}`;
  const type = data.kinds[gvk];
  const status = data.versions[gvk];
  if (status?.served === 'removed') return { found: false, reason: 'not-served', status };
  if (type) return status ? { found: true, type, status } : { found: true, type };
  if (status) return { found: false, reason: 'not-served', status };
  const served = kindNames.get(kind);
  if (served) return { found: false, reason: 'other-version', apiVersions: served };
  const group = groupOf(apiVersion);
  if (group.includes('.') && !builtInGroups.has(group)) return { found: false, reason: 'custom-resource' };
  return { found: false, reason: 'unknown-kind', suggestion: suggest(kind, kindNames.keys()) };
}

/** Where `kubectl explain` documents a field: `pod.spec.containers`. */
export function explainPath(kind: string, fields: readonly (string | number)[]): string {
  return [kind.toLowerCase(), ...fields.filter((f): f is string => typeof f === 'string')].join('.');
}
