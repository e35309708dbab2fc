#!/usr/bin/env node
// Generates src/manifest/data/k8s-schema.json: the Kubernetes object schema
// the manifest checker walks (kinds, fields, field types, enums, required
// fields), derived from packages that are themselves generated from the
// Kubernetes OpenAPI definitions. Nothing in the output is written by hand.
//
//   node scripts/gen-k8s-schema.mjs          write the file
//   node scripts/gen-k8s-schema.mjs --check  exit 1 if the file is out of date
//
// Sources (devDependencies, pinned):
// - kubernetes-models 4.5.1 and @kubernetes-models/apimachinery: kinds, field
//   names and types, required fields and enums from their type declarations;
//   whether a number must be an integer by asking their precompiled validators.
// - @kubernetes/client-node 1.4.0 (OpenAPI v1.34.0): fields that a newer
//   Kubernetes added, so the checker warns about them instead of calling them
//   unknown.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const OUT = join(root, 'src', 'manifest', 'data', 'k8s-schema.json');

// kubernetes-models does not record the Kubernetes release it was generated
// from; 4.5.1 is the 1.33 line. `markers` below fail the build if a package
// update moves it, so this constant cannot silently go stale.
const KUBERNETES = '1.33';

const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));
const packageVersion = (name) => require(`${name}/package.json`).version;

const MODELS = packageDir('kubernetes-models');
const MACHINERY = packageDir('@kubernetes-models/apimachinery');
const CLIENT = packageDir('@kubernetes/client-node');

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
    if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
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
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === localName) declaration = statement;
  }
  if (!declaration) throw new Error(`${path}: no declaration of ${localName}`);
  return { path, file, canonical, declaration, names: new Map([...imports, ...local]) };
}

const PRIMITIVES = new Set(['string', 'boolean', 'number', 'integer', 'int-or-string', 'number-or-string', 'any']);

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

/** Every `number` field the validators reject 0.5 for is an integer. */
async function markIntegers(types, decls) {
  const validators = new Map();
  for (const decl of decls) {
    const base = decl.path.startsWith(MACHINERY) ? MACHINERY : MODELS;
    validators.set(shortName(decl.canonical), join(base, '_schemas', `${decl.canonical.slice(1)}.mjs`));
  }
  const probe = (type) => (type === 'number' ? 0.5 : Array.isArray(type) && type[0] === 'array' ? [probe(type[1])] : Array.isArray(type) && type[0] === 'map' ? { k: probe(type[1]) } : undefined);
  const integer = (type) => (type === 'number' ? 'integer' : [type[0], integer(type[1])]);
  let count = 0;
  for (const [name, def] of Object.entries(types)) {
    if (def === 'any') continue;
    for (const [field, type] of Object.entries(def.fields)) {
      const value = probe(type);
      if (value === undefined) continue;
      const { validate } = await import(pathToFileURL(validators.get(name)).href);
      validate({ [field]: value });
      const rejected = (validate.errors ?? []).some((e) => e.instancePath.startsWith(`/${field}`) && e.keyword === 'type' && e.params.type === 'integer');
      if (rejected) {
        def.fields[field] = integer(type);
        count++;
      }
    }
  }
  return count;
}

/** `Array<V1Container>` -> `V1Container`: the client's model a field points to. */
function clientTarget(type) {
  const m = /^(?:Array<(.+)>|\{ \[key: string\]: (.+); \}|(.+))$/.exec(type);
  const inner = m[1] ?? m[2] ?? m[3];
  return /^[A-Z]\w+$/.test(inner) && inner !== 'Date' && inner !== 'IntOrString' ? inner : undefined;
}

/** Our type a field points to, through arrays and maps. */
function ourTarget(type) {
  if (typeof type === 'string') return PRIMITIVES.has(type) ? undefined : type;
  return type[0] === 'array' || type[0] === 'map' ? ourTarget(type[1]) : undefined;
}

/**
 * Walks each kind in both sources side by side and records, per type, the
 * fields only the newer definitions have.
 */
async function markNewer(types, kinds) {
  const modelsDir = join(CLIENT, 'dist', 'gen', 'models');
  const load = async (name) => {
    try {
      return (await import(pathToFileURL(join(modelsDir, `${name}.js`)).href))[name];
    } catch {
      return undefined;
    }
  };
  const seen = new Set();
  let count = 0;
  const walk = async (ours, theirs) => {
    const key = `${ours}|${theirs}`;
    if (seen.has(key)) return;
    seen.add(key);
    const def = types[ours];
    const model = await load(theirs);
    if (!def || def === 'any' || !model) return;
    for (const attr of model.getAttributeTypeMap()) {
      const field = attr.baseName;
      if (!(field in def.fields)) {
        def.newer ??= [];
        def.newer.push(field);
        count++;
        continue;
      }
      const a = ourTarget(def.fields[field]);
      const b = clientTarget(attr.type);
      if (a && b) await walk(a, b);
    }
  };
  for (const [gvk, name] of Object.entries(kinds)) {
    const [version, kind] = [gvk.split('/').at(-2), gvk.split('/').at(-1)];
    const group = gvk.split('/').length === 3 ? gvk.split('/')[0] : 'core';
    const ver = version[0].toUpperCase() + version.slice(1);
    const groupPrefix = group.split('.')[0].replace(/^./, (c) => c.toUpperCase());
    const candidates = [`${ver}${kind}`, `${groupPrefix}${ver}${kind}`];
    for (const candidate of candidates) {
      const model = await load(candidate);
      // A same-named model of another group has other fields: demand that
      // every field we know is there before pairing them.
      if (model && Object.keys(types[name].fields).every((f) => model.getAttributeTypeMap().some((a) => a.baseName === f))) {
        await walk(name, candidate);
        break;
      }
    }
  }
  for (const def of Object.values(types)) if (def !== 'any' && def.newer) def.newer.sort();
  return count;
}

/** `rbac.authorization.k8s.io/v1` -> `RbacAuthorizationV1Api`, the client's class for a group version. */
function apiClassName(groupVersion) {
  const parts = groupVersion.split('/');
  const version = parts.at(-1);
  const group = parts.length === 2 ? parts[0].replace(/\.k8s\.io$/, '') : 'core';
  const pascal = (w) => w[0].toUpperCase() + w.slice(1);
  return `${group.split('.').map(pascal).join('')}${pascal(version)}Api`;
}

/**
 * kubernetes-models keeps kinds that Kubernetes no longer serves
 * (extensions/v1beta1 Deployment). A kind is served if the newer client's API
 * class for its group version has an operation on it; the others are listed
 * as removed, with the group versions that still serve that kind.
 */
async function findRemoved(kinds) {
  const methods = new Map();
  const operations = async (groupVersion) => {
    if (!methods.has(groupVersion)) {
      const text = await readFile(join(CLIENT, 'dist', 'gen', 'apis', `${apiClassName(groupVersion)}.d.ts`), 'utf8').catch(() => undefined);
      methods.set(groupVersion, text && [...text.matchAll(/^ {4}([a-z]\w*)\(/gm)].map((m) => m[1].replace(/WithHttpInfo$/, '')));
    }
    return methods.get(groupVersion);
  };
  const parts = (gvk) => ({ groupVersion: gvk.split('/').slice(0, -1).join('/'), kind: gvk.split('/').at(-1).replace(/List$/, '') });
  const served = new Map();
  for (const gvk of Object.keys(kinds)) {
    const { groupVersion, kind } = parts(gvk);
    const ops = await operations(groupVersion);
    served.set(gvk, ops === undefined ? 'gone' : ops.some((m) => m.endsWith(kind) || m.endsWith(`${kind}ForAllNamespaces`)));
  }
  const removed = {};
  for (const [gvk, state] of served) {
    if (state === true) continue;
    const kind = gvk.split('/').at(-1);
    const instead = Object.keys(kinds)
      .filter((other) => other.split('/').at(-1) === kind && served.get(other) === true)
      .map((other) => parts(other).groupVersion);
    // Subresource kinds (Scale, Eviction, TokenRequest) have no operations
    // of their own but are not gone: only a group version that is gone, or a
    // kind served elsewhere instead, counts as removed.
    if (state === 'gone' || instead.length > 0) removed[gvk] = instead;
  }
  return removed;
}

/** Facts of the 1.33 line; if a package update breaks one, update KUBERNETES. */
function checkMarkers(types, newerVersion) {
  const markers = [
    ['Lifecycle.stopSignal exists (added in 1.33)', types.ApiCoreV1Lifecycle?.fields?.stopSignal],
    ['Container.restartPolicyRules is not there yet (added in 1.34)', !types.ApiCoreV1Container?.fields?.restartPolicyRules],
    ['the newer source is Kubernetes 1.34', newerVersion === 'v1.34.0'],
  ];
  for (const [what, ok] of markers) if (!ok) throw new Error(`marker failed: ${what}; is the Kubernetes version (${KUBERNETES}) still right?`);
}

async function clientSpecVersion() {
  const text = await readFile(join(CLIENT, 'dist', 'gen', 'models', 'V1Pod.d.ts'), 'utf8');
  return /OpenAPI spec version: (\S+)/.exec(text)?.[1];
}

const { decls, types, kinds } = await readModels();
const integers = await markIntegers(types, decls);
const newerVersion = await clientSpecVersion();
const newer = await markNewer(types, kinds);
const removed = await findRemoved(kinds);
checkMarkers(types, newerVersion);

/** Only the types a served kind reaches: removed kinds are reported, not walked. */
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
const served = Object.entries(kinds).filter(([gvk]) => !(gvk in removed));
const kept = reachable(types, served.map(([, name]) => name));

const sorted = (obj) => Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));
const data = {
  about: {
    kubernetes: KUBERNETES,
    origin: `Kubernetes OpenAPI definitions, through kubernetes-models ${packageVersion('kubernetes-models')} and @kubernetes-models/apimachinery ${packageVersion('@kubernetes-models/apimachinery')} (type declarations and validators)`,
    removed: `"removed" lists the kinds the Kubernetes ${newerVersion} API no longer serves, each with the apiVersions that do (from @kubernetes/client-node's API classes)`,
    newer: `fields in "newer" come from @kubernetes/client-node ${packageVersion('@kubernetes/client-node')} (Kubernetes OpenAPI ${newerVersion})`,
    generatedBy: 'scripts/gen-k8s-schema.mjs; do not edit by hand',
    encoding: 'a type is a primitive (string, boolean, number, integer, int-or-string, number-or-string, any), a type name, ["enum", ...values], ["array", T] or ["map", T]',
  },
  kinds: sorted(Object.fromEntries(served)),
  removed: sorted(removed),
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
  console.log(
    `wrote ${relative(root, OUT)}: ${served.length} kinds, ${Object.keys(kept).length} types, ${integers} integer fields, ${newer} newer fields, ${Object.keys(removed).length} removed kinds, ${(text.length / 1024).toFixed(0)} KiB`,
  );
}
