#!/usr/bin/env node
// Extracts, from a clone of the kubernetes/api repository (k8s.io/api, tags
// v0.N.x for Kubernetes 1.N), the facts about Kubernetes releases that no
// npm package carries: which release serves which apiVersion of each kind
// (with the lifecycle the API declares: introduced, deprecated, removed),
// and which fields each release added. Writes scripts/data/k8s-api-releases.json,
// an input of gen-k8s-schema.mjs, committed so that the generator needs no
// clone of its own.
//
//   node scripts/extract-k8s-api.mjs PATH-TO-kubernetes/api-CLONE
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'scripts', 'data', 'k8s-api-releases.json');
/** The first release whose kinds are recorded (apps/v1 is GA since 1.9; older removals are long gone). */
const FIRST = 16;
/** The releases whose fields are compared: the target and the newest one. */
const FIELD_RELEASES = [35, 36];

const repo = process.argv[2];
if (!repo) {
  console.error('usage: node scripts/extract-k8s-api.mjs PATH-TO-kubernetes/api-CLONE');
  process.exit(2);
}
const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

/** The newest patch tag of each minor release. */
function releaseTags() {
  const tags = new Map();
  for (const tag of git('tag', '--list', 'v0.*').split('\n')) {
    const m = /^v0\.(\d+)\.(\d+)$/.exec(tag);
    if (!m) continue;
    const [minor, patch] = [Number(m[1]), Number(m[2])];
    if (minor >= FIRST && (tags.get(minor)?.patch ?? -1) < patch) tags.set(minor, { tag, patch });
  }
  return [...tags].sort(([a], [b]) => a - b).map(([minor, { tag }]) => ({ minor, tag }));
}

/** The hand-written Go files of each API package (group/version) at a tag. */
function packages(tag) {
  const files = git('ls-tree', '-r', '--name-only', tag).split('\n');
  const byDir = new Map();
  for (const file of files) {
    const handWritten = file.endsWith('.go') && !/(_test|\.pb|_generated)\.go$/.test(file) && !file.includes('/zz_generated');
    if (!handWritten && !file.endsWith('/zz_generated.prerelease-lifecycle.go')) continue;
    const dir = dirname(file);
    if (dir.split('/').length !== 2 || dir.startsWith('testdata') || dir.startsWith('.')) continue;
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  return byDir;
}

function show(tag, files) {
  return files.map((f) => git('show', `${tag}:${f}`)).join('\n');
}

/** Structs: their json field names, inline embeddings, and whether they are kinds a client manages (+genclient). */
function parseStructs(source) {
  const structs = new Map();
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^type (\w+) struct \{/.exec(lines[i]);
    if (!m) continue;
    const comments = [];
    for (let j = i - 1; j >= 0 && (lines[j].startsWith('//') || lines[j].trim() === ''); j--) comments.push(lines[j]);
    const fields = [];
    const inline = [];
    let typeMeta = false;
    for (i++; i < lines.length && !lines[i].startsWith('}'); i++) {
      const line = lines[i].trim();
      if (line.startsWith('//') || line === '') continue;
      const tag = /`[^`]*json:"([^",]*)[^"]*"[^`]*`/.exec(line);
      const embedded = /^(?:\w+\.)?(\w+)\s+`/.exec(line);
      if (/^(metav1\.)?TypeMeta\b/.test(line)) typeMeta = true;
      else if (tag && tag[1] !== '' && tag[1] !== '-') fields.push(tag[1]);
      else if (tag && tag[1] === '' && embedded) inline.push(embedded[1]);
    }
    structs.set(m[1], { fields, inline, kind: typeMeta && comments.some((c) => /^\/\/ \+genclient\b/.test(c)) });
  }
  return structs;
}

function lifecycle(source) {
  const out = new Map();
  for (const m of source.matchAll(
    /func \(in \*(\w+)\) APILifecycle(Introduced|Deprecated|Removed)\(\) \(major, minor int\) \{\s*return 1, (\d+)/g,
  )) {
    out.set(m[1], { ...out.get(m[1]), [m[2].toLowerCase()]: Number(m[3]) });
  }
  return out;
}

const pascal = (w) => w[0].toUpperCase() + w.slice(1);

const kinds = {};
const fieldsAt = new Map();
for (const { minor, tag } of releaseTags()) {
  for (const [dir, files] of packages(tag)) {
    const source = show(tag, files);
    const group = /const GroupName = "([^"]*)"/.exec(source)?.[1];
    if (group === undefined) continue;
    const version = dir.split('/')[1];
    const apiVersion = group === '' ? version : `${group}/${version}`;
    const structs = parseStructs(source);
    const life = lifecycle(source);
    for (const [name, struct] of structs) {
      if (!struct.kind) continue;
      const gvk = `${apiVersion}/${name}`;
      kinds[gvk] ??= { first: minor, last: minor };
      const entry = kinds[gvk];
      entry.last = minor;
      const declared = life.get(name);
      if (declared) Object.assign(entry, declared);
    }
    if (FIELD_RELEASES.includes(minor)) {
      // kubernetes-models' name for a type: Api + group dir + version + Go name (ApiCoreV1Container).
      const prefix = `Api${pascal(dir.split('/')[0])}${pascal(version)}`;
      const all = (name, seen = new Set()) => {
        const s = structs.get(name);
        if (!s || seen.has(name)) return [];
        seen.add(name);
        return [...s.fields, ...s.inline.flatMap((n) => all(n, seen))];
      };
      for (const name of structs.keys()) fieldsAt.set(`${minor}|${prefix}${name}`, all(name));
    }
  }
  console.error(`read ${tag}`);
}

const [target, newest] = FIELD_RELEASES;
const added = {};
for (const [key, fields] of fieldsAt) {
  const [minor, type] = key.split('|');
  if (Number(minor) !== newest) continue;
  const before = fieldsAt.get(`${target}|${type}`);
  if (!before) continue;
  const fresh = fields.filter((f) => !before.includes(f));
  if (fresh.length > 0) added[type] = fresh.sort();
}

const sorted = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));
const data = {
  about: {
    source: `kubernetes/api (k8s.io/api) at the newest patch tag of each release from 1.${FIRST} to 1.${newest}`,
    kinds:
      'for each apiVersion/kind a client manages (+genclient): the first and last release whose API has it, and its declared lifecycle (prerelease-lifecycle-gen: introduced, deprecated, removed)',
    addedFields: `fields of each type that Kubernetes 1.${newest} has and 1.${target} has not`,
    generatedBy: 'scripts/extract-k8s-api.mjs; do not edit by hand',
  },
  newest: `1.${newest}`,
  kinds: sorted(kinds),
  addedFields: { [`1.${newest}`]: sorted(added) },
};
writeFileSync(OUT, `${JSON.stringify(data, null, 1)}\n`);
console.log(
  `wrote ${relative(root, OUT)}: ${Object.keys(kinds).length} kinds, ${Object.keys(added).length} types with fields added in 1.${newest}`,
);
