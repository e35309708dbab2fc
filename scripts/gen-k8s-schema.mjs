#!/usr/bin/env node
// Generates src/manifest/data/k8s-schema.json: the Kubernetes object schema
// the manifest checker walks (kinds, fields, field types, enums, required
// fields), for the oldest Kubernetes release still supported (TARGET), derived
// from sources that are themselves generated from the Kubernetes API. Nothing
// in the output is written by hand.
//
//   node scripts/gen-k8s-schema.mjs          write the file
//   node scripts/gen-k8s-schema.mjs --check  exit 1 if the file is out of date
//
// Sources:
// - kubernetes-models 5.1.0 (Kubernetes 1.36) and @kubernetes-models/apimachinery:
//   kinds, field names and types, required fields and enums from their type
//   declarations; whether a number must be an integer by asking their
//   precompiled validators. Installed on demand (scripts/k8s-models-source.mjs).
// - scripts/data/k8s-api-releases.json, extracted from kubernetes/api by
//   scripts/extract-k8s-api.mjs: which release serves which apiVersion of a
//   kind, and the fields the newest release added. With it the 1.36 models
//   become the 1.35 schema: fields 1.35 lacks are marked "newer", apiVersions
//   1.35 does not serve are listed in "versions" with the reason.
import { readFileSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { MODELS_VERSION, modelsNodeModules } from './k8s-models-source.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'src', 'manifest', 'data', 'k8s-schema.json');
const RELEASES = JSON.parse(await readFile(join(root, 'scripts', 'data', 'k8s-api-releases.json'), 'utf8'));

/**
 * The oldest release the Kubernetes project still supports (it supports the
 * newest three): the release a manifest must work on to work everywhere.
 */
const TARGET = '1.35';
/** The release kubernetes-models MODELS_VERSION was generated from (its changelog: "Update to Kubernetes v1.36.0"). */
const MODELS_KUBERNETES = '1.36';

const MODULES = modelsNodeModules();
const packageDir = (name) => join(MODULES, name);
const packageVersion = (name) => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;

const MODELS = packageDir('kubernetes-models');
const MACHINERY = packageDir('@kubernetes-models/apimachinery');

async function declarationFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_schemas' && entry.name !== 'node_modules') out.push(...(await declarationFiles(path)));
    } else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') {
      out.push(path);
    }
  }
  return out.sort();
}

/** `IIoK8sApiCoreV1Container` -> `ApiCoreV1Container`: the data file's type names. */
const shortName = (alias) => alias.replace(/^IIoK8s/, '');

/**
 * One declaration file: `export { IContainer as IIoK8sApiCoreV1Container, ... }`
 * names the definition; the interface (or type alias) describes it.
 */
function readDeclaration(path, text) {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const local = new Map(); // local interface or alias name -> canonical alias
  const imports = new Map(); // imported name -> canonical alias (imports keep the alias name)
  let declaration;
  let canonical;
  for (const statement of file.statements) {
    if (
      ts.isImportDeclaration(statement) &&
      statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings)
    ) {
      for (const el of statement.importClause.namedBindings.elements) imports.set(el.name.text, el.name.text);
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const el of statement.exportClause.elements) {
        if (el.propertyName && el.name.text.startsWith('IIoK8s')) {
          local.set(el.propertyName.text, el.name.text);
          canonical = el.name.text;
        }
      }
    }
  }
  if (!canonical) return undefined;
  const localName = [...local.keys()][0];
  for (const statement of file.statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === localName)
      declaration = statement;
  }
  if (!declaration) throw new Error(`${path}: no declaration of ${localName}`);
  return { path, file, canonical, declaration, names: new Map([...imports, ...local]) };
}

const PRIMITIVES = new Set(['string', 'boolean', 'number', 'integer', 'int-or-string', 'number-or-string', 'quantity', 'bytes', 'any']);

/**
 * A field type in the data file's encoding: a primitive name, a type name
 * (a definition with fields), ["enum", ...values], ["array", T] or ["map", T].
 */
function encode(node, decl, aliases, inline) {
  const where = () => `${relative(root, decl.path)}: ${node.getText(decl.file)}`;
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 'string';
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean';
    case ts.SyntaxKind.NumberKeyword:
      return 'number';
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.ObjectKeyword:
      return 'any';
    case ts.SyntaxKind.ArrayType:
      return ['array', encode(node.elementType, decl, aliases, inline)];
    case ts.SyntaxKind.ParenthesizedType:
      return encode(node.type, decl, aliases, inline);
    case ts.SyntaxKind.LiteralType:
      if (ts.isStringLiteral(node.literal)) return ['enum', node.literal.text];
      break;
    case ts.SyntaxKind.UnionType: {
      const parts = node.types.map((t) => encode(t, decl, aliases, inline));
      if (parts.every((p) => Array.isArray(p) && p[0] === 'enum')) return ['enum', ...parts.flatMap((p) => p.slice(1))];
      const set = new Set(parts.map(String));
      if (set.size === 2 && set.has('string') && set.has('number')) return 'number-or-string';
      break;
    }
    case ts.SyntaxKind.TypeLiteral: {
      if (node.members.length === 0) return 'any';
      const [index] = node.members;
      if (node.members.length === 1 && ts.isIndexSignatureDeclaration(index)) return ['map', encode(index.type, decl, aliases, inline)];
      // An object written out in place (StatefulSet's volumeClaimTemplates)
      // becomes a type of its own, named after where it sits.
      if (inline && node.members.every((m) => ts.isPropertySignature(m))) return inline(node.members);
      break;
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText(decl.file);
      if (name === 'Array' && node.typeArguments?.length === 1) return ['array', encode(node.typeArguments[0], decl, aliases, inline)];
      const alias = decl.names.get(name);
      if (alias) return aliases.get(alias) ?? shortName(alias);
      break;
    }
  }
  throw new Error(`unsupported type in ${where()}`);
}

function propertyName(member, decl) {
  const name = member.name;
  if (ts.isStringLiteral(name) || ts.isIdentifier(name)) return name.text;
  throw new Error(`${decl.path}: unsupported property name ${name.getText(decl.file)}`);
}

async function readModels() {
  const files = [...(await declarationFiles(MACHINERY)), ...(await declarationFiles(MODELS))];
  const decls = [];
  for (const path of files) {
    const decl = readDeclaration(path, await readFile(path, 'utf8'));
    if (decl) decls.push(decl);
  }
  // Type aliases (Time, Quantity, IntOrString, MicroTime) are inlined: first
  // the ones that are plain keywords or unions of them.
  const aliases = new Map();
  for (const decl of decls) {
    if (!ts.isTypeAliasDeclaration(decl.declaration)) continue;
    let type = encode(decl.declaration.type, decl, aliases);
    if (decl.canonical === 'IIoK8sApimachineryPkgUtilIntstrIntOrString') type = 'int-or-string';
    if (decl.canonical === 'IIoK8sApimachineryPkgApiResourceQuantity') type = 'quantity';
    aliases.set(decl.canonical, type);
  }
  const types = {};
  const kinds = {};
  for (const decl of decls) {
    if (!ts.isInterfaceDeclaration(decl.declaration)) continue;
    const name = shortName(decl.canonical);
    const define = (typeName, members) => {
      const fields = {};
      const required = [];
      for (const member of members) {
        if (!ts.isPropertySignature(member) || !member.type) throw new Error(`${decl.path}: unsupported member`);
        const field = propertyName(member, decl);
        fields[field] = encode(member.type, decl, aliases, (inner) => define(`${typeName}.${field}`, inner));
        if (!member.questionToken) required.push(field);
      }
      types[typeName] = Object.keys(fields).length === 0 ? 'any' : { fields, ...(required.length ? { required } : {}) };
      return typeName;
    };
    define(name, decl.declaration.members);
    // A kind's interface pins apiVersion and kind to one literal each.
    const fields = types[name].fields ?? {};
    const literal = (t) => (Array.isArray(t) && t[0] === 'enum' && t.length === 2 ? t[1] : undefined);
    const [apiVersion, kind] = [literal(fields.apiVersion), literal(fields.kind)];
    if (apiVersion && kind) {
      fields.apiVersion = 'string';
      fields.kind = 'string';
      kinds[`${apiVersion}/${kind}`] = name;
    }
  }
  return { decls, types, kinds };
}

/** Every `string` field the validators reject "%%%" for as not `format: byte` holds base64 (Secret.data, caBundle). */
async function markBytes(types, decls) {
  const validators = validatorFiles(decls);
  const probe = (type) =>
    type === 'string'
      ? '%%%'
      : Array.isArray(type) && type[0] === 'array'
        ? [probe(type[1])]
        : Array.isArray(type) && type[0] === 'map'
          ? { k: probe(type[1]) }
          : undefined;
  const bytes = (type) => (type === 'string' ? 'bytes' : [type[0], bytes(type[1])]);
  let count = 0;
  for (const [name, def] of Object.entries(types)) {
    if (def === 'any' || !validators.has(name)) continue;
    for (const [field, type] of Object.entries(def.fields)) {
      const value = probe(type);
      if (value === undefined) continue;
      const { validate } = await import(pathToFileURL(validators.get(name)).href);
      validate({ [field]: value });
      if (
        (validate.errors ?? []).some((e) => e.instancePath.startsWith(`/${field}`) && e.keyword === 'format' && e.params.format === 'byte')
      ) {
        def.fields[field] = bytes(type);
        count++;
      }
    }
  }
  return count;
}

function validatorFiles(decls) {
  const validators = new Map();
  for (const decl of decls) {
    const base = decl.path.startsWith(MACHINERY) ? MACHINERY : MODELS;
    validators.set(shortName(decl.canonical), join(base, '_schemas', `${decl.canonical.slice(1)}.js`));
  }
  return validators;
}

/** Every `number` field the validators reject 0.5 for is an integer. */
async function markIntegers(types, decls) {
  const validators = new Map();
  for (const decl of decls) {
    const base = decl.path.startsWith(MACHINERY) ? MACHINERY : MODELS;
    validators.set(shortName(decl.canonical), join(base, '_schemas', `${decl.canonical.slice(1)}.js`));
  }
  const probe = (type) =>
    type === 'number'
      ? 0.5
      : Array.isArray(type) && type[0] === 'array'
        ? [probe(type[1])]
        : Array.isArray(type) && type[0] === 'map'
          ? { k: probe(type[1]) }
          : undefined;
  const integer = (type) => (type === 'number' ? 'integer' : [type[0], integer(type[1])]);
  let count = 0;
  for (const [name, def] of Object.entries(types)) {
    if (def === 'any') continue;
    for (const [field, type] of Object.entries(def.fields)) {
      const value = probe(type);
      if (value === undefined) continue;
      const { validate } = await import(pathToFileURL(validators.get(name)).href);
      validate({ [field]: value });
      const rejected = (validate.errors ?? []).some(
        (e) => e.instancePath.startsWith(`/${field}`) && e.keyword === 'type' && e.params.type === 'integer',
      );
      if (rejected) {
        def.fields[field] = integer(type);
        count++;
      }
    }
  }
  return count;
}

/** Our type a field points to, through arrays and maps. */
function ourTarget(type) {
  if (typeof type === 'string') return PRIMITIVES.has(type) ? undefined : type;
  return type[0] === 'array' || type[0] === 'map' ? ourTarget(type[1]) : undefined;
}

const minor = (release) => Number(release.split('.')[1]);
const release = (n) => `1.${n}`;

/**
 * Whether TARGET serves an apiVersion of a kind, from its history in
 * kubernetes/api: gone from the API, or declared removed (an apiVersion's
 * types stay in k8s.io/api for clients long after the API server stops
 * serving them), or not there yet; an alpha version is off unless a cluster
 * turns it on, and so is a beta version introduced since 1.24 (KEP-3136).
 */
/**
 * Group versions whose types live outside kubernetes/api (apiextensions-apiserver,
 * kube-aggregator), so the release data cannot tell when they went; from the
 * Kubernetes deprecated API migration guide (v1.22 removals).
 */
const REMOVED_ELSEWHERE = { 'apiextensions.k8s.io/v1beta1': 22, 'apiregistration.k8s.io/v1beta1': 22 };

function status(gvk) {
  const gone = REMOVED_ELSEWHERE[gvk.slice(0, gvk.lastIndexOf('/'))];
  if (gone) return { served: 'removed', in: release(gone) };
  const history = RELEASES.kinds[gvk] ?? groupVersionHistory(gvk);
  if (!history) return undefined;
  const target = minor(TARGET);
  const version = gvk.split('/').at(-2);
  const removed = Math.min(history.last + 1, history.removed ?? Infinity);
  if (removed <= target) return { served: 'removed', in: release(removed) };
  if (history.first > target) return { served: 'added', in: release(history.first) };
  if (version.includes('alpha')) return { served: 'alpha' };
  if (version.includes('beta') && (history.introduced ?? history.first) >= 24) return { served: 'beta' };
  return undefined;
}

/**
 * A kind kubernetes/api does not list as a resource (a List, a subresource
 * such as Scale or DeploymentRollback) lives as long as its group version:
 * its history is that of the longest-lived kind of the group version.
 */
function groupVersionHistory(gvk) {
  const gv = gvk.slice(0, gvk.lastIndexOf('/'));
  const kinds = Object.entries(RELEASES.kinds).filter(([other]) => other.slice(0, other.lastIndexOf('/')) === gv);
  if (kinds.length === 0) return undefined;
  const removedIn = ([, h]) => Math.min(h.last + 1, h.removed ?? Infinity);
  const [, longest] = kinds.reduce((a, b) => (removedIn(b) > removedIn(a) ? b : a));
  return {
    first: Math.min(...kinds.map(([, h]) => h.first)),
    last: longest.last,
    ...(longest.removed ? { removed: longest.removed } : {}),
    introduced: longest.introduced,
  };
}

/** Fields the newest release added are "newer": a warning that names that release, their values still checked. */
function markNewer(types) {
  let count = 0;
  for (const [added, byType] of Object.entries(RELEASES.addedFields)) {
    for (const [name, fields] of Object.entries(byType)) {
      const def = types[name];
      if (!def || def === 'any') continue;
      for (const field of fields) {
        if (!(field in def.fields)) continue;
        def.newer ??= {};
        def.newer[field] = added;
        count++;
      }
    }
  }
  return count;
}

/** Facts that pin the sources to their releases; if a source update breaks one, update TARGET or MODELS_KUBERNETES. */
function checkMarkers(types) {
  const markers = [
    ['the models are Kubernetes 1.36: PodSpec.schedulingGroup (added in 1.36) is there', types.ApiCoreV1PodSpec?.fields?.schedulingGroup],
    ['the models have Container.restartPolicyRules (added in 1.34)', types.ApiCoreV1Container?.fields?.restartPolicyRules],
    ["the release data reaches the models' release", RELEASES.newest === MODELS_KUBERNETES],
    [
      'the release data records fields added after the target',
      RELEASES.addedFields[MODELS_KUBERNETES] && minor(MODELS_KUBERNETES) === minor(TARGET) + 1,
    ],
  ];
  for (const [what, ok] of markers)
    if (!ok) throw new Error(`marker failed: ${what}; are TARGET (${TARGET}) and MODELS_KUBERNETES (${MODELS_KUBERNETES}) still right?`);
}

const { decls, types, kinds } = await readModels();
const integers = await markIntegers(types, decls);
const byteFields = await markBytes(types, decls);
checkMarkers(types);
const newer = markNewer(types);

// Every apiVersion/kind either source knows, with what TARGET does with it.
const versions = {};
for (const gvk of new Set([...Object.keys(kinds), ...Object.keys(RELEASES.kinds)])) {
  const s = status(gvk);
  if (!s) {
    if (!kinds[gvk]) versions[gvk] = { served: 'yes' }; // served, but no schema in the models
    continue;
  }
  if (s.served === 'removed') {
    const kind = gvk.split('/').at(-1);
    const instead = Object.keys(kinds)
      .filter((other) => other !== gvk && other.split('/').at(-1) === kind && status(other) === undefined)
      .map((other) => other.split('/').slice(0, -1).join('/'));
    versions[gvk] = { ...s, use: instead };
  } else {
    versions[gvk] = s;
  }
}
const checked = Object.entries(kinds).filter(([gvk]) => versions[gvk]?.served !== 'removed');

/** Only the types a checked kind reaches: removed kinds are reported, not walked. */
function reachable(types, roots) {
  const keep = new Set();
  const visit = (type) => {
    const name = ourTarget(type);
    if (!name || keep.has(name)) return;
    keep.add(name);
    const def = types[name];
    if (def && def !== 'any') for (const field of Object.values(def.fields)) visit(field);
  };
  roots.forEach(visit);
  return Object.fromEntries(Object.entries(types).filter(([name]) => keep.has(name)));
}
const kept = reachable(
  types,
  checked.map(([, name]) => name),
);

const sorted = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));
const data = {
  about: {
    kubernetes: TARGET,
    origin: `Kubernetes OpenAPI definitions of ${MODELS_KUBERNETES}, through kubernetes-models ${packageVersion('kubernetes-models')} and @kubernetes-models/apimachinery ${packageVersion('@kubernetes-models/apimachinery')} (type declarations and validators), narrowed to ${TARGET} with scripts/data/k8s-api-releases.json (${RELEASES.about.source})`,
    versions: `"versions" lists each apiVersion/kind that Kubernetes ${TARGET} does not serve by default (removed, added later, alpha, beta introduced since 1.24) or that has no schema here`,
    newer: `fields in a type's "newer" are not in Kubernetes ${TARGET}; the value is the release that added them`,
    generatedBy: 'scripts/gen-k8s-schema.mjs; do not edit by hand',
    encoding:
      'a type is a primitive (string, boolean, number, integer, int-or-string, number-or-string, quantity, bytes (base64), any), a type name, ["enum", ...values], ["array", T] or ["map", T]',
  },
  kinds: sorted(Object.fromEntries(checked)),
  versions: sorted(versions),
  types: sorted(kept),
};
const text = `${JSON.stringify(data)}\n`;
if (process.argv.includes('--check')) {
  const current = await readFile(OUT, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${relative(root, OUT)} is out of date: run node scripts/gen-k8s-schema.mjs`);
    process.exitCode = 1;
  }
} else {
  await writeFile(OUT, text);
  const count = (served) => Object.values(versions).filter((v) => v.served === served).length;
  console.log(
    `wrote ${relative(root, OUT)}: ${checked.length} kinds with a schema, ${Object.keys(kept).length} types, ${integers} integer fields, ${byteFields} base64 fields, ${newer} newer fields, versions: ${count('removed')} removed, ${count('added')} added later, ${count('alpha')} alpha, ${count('beta')} beta, ${count('yes')} without schema (${MODELS_VERSION}), ${(text.length / 1024).toFixed(0)} KiB`,
  );
}
