/**
 * Resource types as kubectl resolves them: the plural (`pods`), the singular
 * (`pod`), the short names (`po`), the kind in any case (`Pod`) and the
 * `plural.group` form (`deployments.apps`) all name one type. The list of
 * built-in types is data (data/api-resources.json, with its source).
 */
import raw from './data/api-resources.json' with { type: 'json' };

export interface ResourceType {
  /** The plural, as `kubectl api-resources` prints it: the canonical name. */
  name: string;
  kind: string;
  group: string;
  namespaced: boolean;
  shortNames: string[];
}

const TYPES: readonly ResourceType[] = raw.resources;

/** Every spelling kubectl accepts, lower-cased, to its type (the first wins: core `events` over events.k8s.io). */
const BY_SPELLING = new Map<string, ResourceType>();
for (const t of TYPES) {
  const spellings = [t.name, t.kind.toLowerCase(), ...t.shortNames];
  if (t.group) spellings.push(...[t.name, t.kind.toLowerCase()].map((s) => `${s}.${t.group}`));
  for (const s of spellings) if (!BY_SPELLING.has(s)) BY_SPELLING.set(s, t);
}

/**
 * `all` is a category, not a type: kubectl expands it to the common workload
 * types. It is accepted where a type is, and compares equal only to itself.
 */
export const ALL: ResourceType = { name: 'all', kind: 'all', group: '', namespaced: true, shortNames: [] };

/** The type of an object a command names without a type word (`create deployment NAME`, `run NAME`). */
export const IMPLIED: ResourceType = { name: '', kind: 'object', group: '', namespaced: true, shortNames: [] };

export function resourceType(word: string): ResourceType | undefined {
  const lower = word.toLowerCase();
  if (lower === 'all') return ALL;
  return BY_SPELLING.get(lower);
}

/** The spellings to suggest from: plurals, singulars and short names. */
export function resourceSpellings(): string[] {
  return TYPES.flatMap((t) => [t.name, t.kind.toLowerCase(), ...t.shortNames]);
}

/** "Pod", "Pods": the kind as a learner reads it, for feedback. */
export function kindWord(type: ResourceType, plural: boolean): string {
  if (type === ALL || type === IMPLIED) return plural ? 'objects' : 'object';
  if (!plural) return type.kind;
  if (type.kind.endsWith('s') && !type.kind.endsWith('ss')) return type.kind;
  return /(ss|x|ch|sh)$/.test(type.kind)
    ? `${type.kind}es`
    : /[^aeiou]y$/.test(type.kind)
      ? `${type.kind.slice(0, -1)}ies`
      : `${type.kind}s`;
}
