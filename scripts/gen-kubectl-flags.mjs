#!/usr/bin/env node
// Writes src/kubectl/data/flags.json: the flags of the kubectl commands the
// course uses, read from kubectl's own Go source (kubernetes/kubectl) and the
// flag helpers it calls in kubernetes/cli-runtime. Usage:
//
//   node scripts/gen-kubectl-flags.mjs [--check] <kubectl git dir> <cli-runtime git dir> <client-go git dir>
//
// With --check it writes nothing and fails if the file differs from what it
// would write (test/kubectl/data.test.ts runs that where the clones exist).
// Each argument is a git directory (a bare clone or a .git folder); files are
// read at HEAD with `git show`. Kubectl registers a command's flags in its
// NewCmd… function, directly (`cmd.Flags().BoolVarP(&o.Follow, "follow", "f",
// …)`) or through helpers (`cmdutil.AddDryRunFlag(cmd)`,
// `o.PrintFlags.AddFlags(cmd)`); the script follows those helper calls by
// name, the way a reader of the source would. Flags registered through a
// helper it cannot resolve are listed on stderr so nothing is lost silently.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const [
  kubectlGit = '/work/.mirror/kubernetes+kubectl/repo',
  runtimeGit = '/work/.mirror/kubernetes+cli-runtime/repo',
  clientGoGit = '/work/.mirror/kubernetes+client-go/repo',
] = process.argv.slice(2).filter((a) => a !== '--check');

/** Command path -> [Go package folder, constructor]. */
const COMMANDS = {
  get: ['get', 'NewCmdGet'],
  describe: ['describe', 'NewCmdDescribe'],
  logs: ['logs', 'NewCmdLogs'],
  exec: ['exec', 'NewCmdExec'],
  apply: ['apply', 'NewCmdApply'],
  create: ['create', 'NewCmdCreate'],
  'create deployment': ['create', 'NewCmdCreateDeployment'],
  'create namespace': ['create', 'NewCmdCreateNamespace'],
  'create configmap': ['create', 'NewCmdCreateConfigMap'],
  'create secret generic': ['create', 'NewCmdCreateSecretGeneric'],
  'create service clusterip': ['create', 'NewCmdCreateServiceClusterIP'],
  'create service nodeport': ['create', 'NewCmdCreateServiceNodePort'],
  delete: ['delete', 'NewCmdDelete'],
  edit: ['edit', 'NewCmdEdit'],
  run: ['run', 'NewCmdRun'],
  expose: ['expose', 'NewCmdExposeService'],
  scale: ['scale', 'NewCmdScale'],
  'set image': ['set', 'NewCmdImage'],
  'rollout status': ['rollout', 'NewCmdRolloutStatus'],
  'rollout history': ['rollout', 'NewCmdRolloutHistory'],
  'rollout undo': ['rollout', 'NewCmdRolloutUndo'],
  'rollout restart': ['rollout', 'NewCmdRolloutRestart'],
  label: ['label', 'NewCmdLabel'],
  'port-forward': ['portforward', 'NewCmdPortForward'],
  explain: ['explain', 'NewCmdExplain'],
  'api-resources': ['apiresources', 'NewCmdAPIResources'],
  'api-versions': ['apiresources', 'NewCmdAPIVersions'],
  'cluster-info': ['clusterinfo', 'NewCmdClusterInfo'],
  'cluster-info dump': ['clusterinfo', 'NewCmdClusterInfoDump'],
  'config get-contexts': ['config', 'NewCmdConfigGetContexts'],
  'config current-context': ['config', 'NewCmdConfigCurrentContext'],
  'config use-context': ['config', 'NewCmdConfigUseContext'],
  'config view': ['config', 'NewCmdConfigView'],
  'config set-context': ['config', 'NewCmdConfigSetContext'],
  'auth can-i': ['auth', 'NewCmdCanI'],
  'top pod': ['top', 'NewCmdTopPod'],
  'top node': ['top', 'NewCmdTopNode'],
  'rollout pause': ['rollout', 'NewCmdRolloutPause'],
  'rollout resume': ['rollout', 'NewCmdRolloutResume'],
  annotate: ['annotate', 'NewCmdAnnotate'],
  diff: ['diff', 'NewCmdDiff'],
  cordon: ['drain', 'NewCmdCordon'],
  uncordon: ['drain', 'NewCmdUncordon'],
  drain: ['drain', 'NewCmdDrain'],
  version: ['version', 'NewCmdVersion'],
};

const git = (dir, ...args) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

/** Every non-test Go file under the given folders: { pkg, text }. */
function goFiles(dir, folders) {
  return git(dir, 'ls-tree', '-r', '--name-only', 'HEAD', ...folders)
    .split('\n')
    .filter((p) => p.endsWith('.go') && !p.endsWith('_test.go'))
    .map((p) => ({ pkg: `${dir}:${dirname(p)}`, path: p, text: git(dir, 'show', `HEAD:${p}`) }));
}

/** The index just past the brace that closes the one at `open`, skipping strings, runes and comments. */
function closeBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 1;
    else if (c === '"' || c === "'") {
      for (i++; text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '`') i = text.indexOf('`', i + 1);
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    if (i < 0) break;
  }
  return text.length;
}

/** Function bodies by "Name" and "Type.Name", each with its package; struct field types by package. */
function index(files) {
  const funcs = new Map();
  const fields = new Map();
  const consts = new Map();
  const sources = new Map();
  for (const { pkg, text } of files) {
    sources.set(pkg, `${sources.get(pkg) ?? ''}\n${text}`);
    for (const m of text.matchAll(/^func (?:\(\w+ \*?(\w+)(?:\[[^\]]*\])?\) )?(\w+)\([\s\S]*?\{\s*$/gm)) {
      const open = m.index + m[0].lastIndexOf('{');
      const key = m[1] ? `${m[1]}.${m[2]}` : m[2];
      const list = funcs.get(key) ?? [];
      list.push({ pkg, body: text.slice(open, closeBrace(text, open)), params: m[0] });
      funcs.set(key, list);
    }
    for (const m of text.matchAll(/^\s+(\w+)\s+\*?(?:\w+\.)?(\w+)\s*(?:`[^`]*`)?\s*$/gm)) fields.set(`${pkg}|${m[1]}`, m[2]);
    for (const m of text.matchAll(/^\s*(?:const\s+)?(\w+)\s*=\s*"([^"]*)"\s*$/gm)) consts.set(m[1], m[2]);
  }
  return { funcs, fields, consts, sources };
}

/** The body to follow for a call, preferring the caller's own package. */
function pick(list, pkg) {
  if (!list || list.length === 0) return undefined;
  return (
    list.find((f) => f.pkg === pkg) ?? (list.length === 1 ? list[0] : (list.find((f) => f.pkg.endsWith('genericclioptions')) ?? list[0]))
  );
}

/** A body without the func literals in it (cobra's Run: func(…){…}): they run later, they register nothing. */
function withoutClosures(body) {
  let out = '';
  let from = 0;
  for (const m of body.matchAll(/func\s*\([^)]*\)[^{\n]*\{/g)) {
    if (m.index < from) continue;
    out += body.slice(from, m.index);
    from = closeBrace(body, m.index + m[0].length - 1);
  }
  return out + body.slice(from);
}

const TYPES = 'Bool|String|StringSlice|StringArray|StringToString|Int|Int32|Int64|Uint|Float64|Duration|IntSlice|';
// pflag's registration methods: BoolVarP, StringSlice, Var, VarP, VarPF (which returns the flag), …
const REGISTER = new RegExp(`\\.(${TYPES})(Var)?(P)?(F)?\\(`, 'g');

/** Splits the argument list that starts after `(` at `from`: top-level commas only. */
function args(text, from) {
  const out = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      for (i++; text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '`') i = text.indexOf('`', i + 1);
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return [...out, text.slice(start, i).trim()];
      depth--;
    } else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return out;
}

const kind = (type) => (type === 'Bool' ? 'bool' : /Slice|Array|StringToString/.test(type) ? 'list' : 'value');

/**
 * DeleteFlags.AddFlags registers a flag only `if f.Force != nil`: which are set
 * depends on the constructor the caller used (NewDeleteFlags for apply and run,
 * NewDeleteCommandFlags for delete). The fields that constructor sets, if any.
 */
function constructedFields(ix, pkg, code, first, field) {
  // The constructor call, and the builder calls chained to it: NewResourceBuilderFlags().WithLabelSelector("")…
  const chain = String.raw`(?:\w+\.)?(New\w+)\([^)]*\)((?:\s*\.\s*With\w+\([^)]*\))*)`;
  const where = field ? new RegExp(String.raw`\b${field}:\s*` + chain) : new RegExp(String.raw`\b${first}\s*:?=\s*` + chain);
  const found = where.exec(field ? (ix.sources.get(pkg) ?? '') : code);
  const fn = found && pick(ix.funcs.get(found[1]), pkg);
  if (!fn) return undefined;
  const withs = [...(found[2] ?? '').matchAll(/With(\w+)\(/g)].map((m) => (m[1] === 'File' ? 'FileNameFlags' : m[1]));
  return new Set([...[...fn.body.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]), ...withs]);
}

/** The spans of `if x.Field != nil { … }` blocks whose Field is not set. */
function unsetSpans(body, set) {
  if (!set) return [];
  return [...body.matchAll(/if \w+\.(\w+) != nil \{/g)]
    .filter((m) => !set.has(m[1]))
    .map((m) => [m.index, closeBrace(body, m.index + m[0].length - 1)]);
}

function flagsOf(ix, pkg, body, seen, unresolved, depth = 0, set = undefined) {
  const flags = [];
  const code = withoutClosures(body);
  const skipped = unsetSpans(code, set);
  // A name is a string literal or a constant, maybe of another package (clientcmd.FlagClusterName).
  const literal = (a) => /^"(.*)"$/.exec(a ?? '')?.[1] ?? ix.consts.get(a ?? '') ?? ix.consts.get((a ?? '').split('.').pop());
  for (const m of code.matchAll(REGISTER)) {
    if (skipped.some(([from, to]) => m.index > from && m.index < to)) continue;
    const a = args(code, m.index + m[0].length);
    const nameAt = m[2] ? 1 : 0;
    const name = literal(a[nameAt]);
    if (m[1] === '' && !m[2]) continue; // .Var(value, name, usage) has no name first
    if (name === undefined) {
      if (a[nameAt] !== undefined && !/^[a-z0-9]/.test(a[nameAt])) unresolved.add(`${m[0]}${a[nameAt]}`);
      continue;
    }
    const short = m[3] ? literal(a[nameAt + 1]) || undefined : undefined;
    // `f := cmd.Flags().VarPF(…)` then `f.NoOptDefVal = "true"`: a value that may be left out.
    const assigned = /(\w+)\s*:?=\s*[\w.()]*$/.exec(code.slice(code.lastIndexOf('\n', m.index) + 1, m.index))?.[1];
    if (assigned && new RegExp(`\\b${assigned}\\.NoOptDefVal\\s*=`).test(code)) flags.push({ name, optionalValue: true });
    // A StringArray keeps commas (--env=A=1,2); a StringSlice splits at them.
    flags.push({
      name,
      ...(short ? { short } : {}),
      kind: m[1] === '' ? 'value' : kind(m[1]),
      ...(/Array|StringToString/.test(m[1]) ? { keepsCommas: true } : {}),
    });
  }
  for (const m of code.matchAll(/Lookup\("([\w-]+)"\)\.NoOptDefVal\s*=/g)) {
    flags.push({ name: m[1], optionalValue: true });
  }
  if (depth > 6) return flags;
  // Helpers: pkg.AddSomethingFlag(cmd, …), x.Field.AddFlags(cmd), x.AddOverrideFlags(cmd).
  for (const m of code.matchAll(/(?:(\w+)\.)?(?:(\w+)\.)?((?:[Aa]dd)\w*|\w*Flags)\(/g)) {
    const [, first, field, fn] = m;
    if (skipped.some(([from, to]) => m.index > from && m.index < to)) continue;
    if (/^(Flags|PersistentFlags|AddCommand|AddGroup|LocalFlags)$/.test(fn)) continue;
    let callee;
    if (field) callee = pick(ix.funcs.get(`${ix.fields.get(`${pkg}|${field}`) ?? field}.${fn}`), pkg);
    if (!callee && first) {
      const type =
        ix.fields.get(`${pkg}|${first}`) ??
        /\b(\w+)\s*:?=\s*&?(?:\w+\.)?(?:New)?(\w+)\(/.exec(code.match(new RegExp(`\\b${first}\\s*:?=.*`))?.[0] ?? '')?.[2];
      callee = pick(ix.funcs.get(`${type}.${fn}`), pkg) ?? pick(ix.funcs.get(fn), pkg);
      if (!callee) {
        const methods = [...ix.funcs.keys()].filter((k) => k.endsWith(`.${fn}`)).flatMap((k) => ix.funcs.get(k));
        const local = methods.filter((f) => f.pkg === pkg);
        if (local.length === 1) callee = local[0];
        else if (local.length === 0 && methods.length === 1) callee = methods[0];
      }
    }
    if (!callee && !first) callee = pick(ix.funcs.get(fn), pkg);
    if (!callee) continue;
    const id = `${callee.pkg}|${callee.params}`;
    if (seen.has(id)) continue;
    seen.add(id);
    flags.push(...flagsOf(ix, callee.pkg, callee.body, seen, unresolved, depth + 1, constructedFields(ix, pkg, code, first, field)));
  }
  return flags;
}

/** Flags by long name, later facts (an optional value) merged into earlier ones. */
function merge(flags) {
  const byName = new Map();
  for (const f of flags) byName.set(f.name, { ...byName.get(f.name), ...f });
  return [...byName.values()]
    .filter((f) => f.kind !== undefined && (f.name !== 'help' || f.source))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const files = [
  ...goFiles(kubectlGit, ['pkg/cmd', 'pkg/kuberc']),
  ...goFiles(runtimeGit, ['pkg/genericclioptions', 'pkg/genericiooptions']),
  // Only for constants that name flags (clientcmd.FlagClusterName = "cluster").
  ...(clientGoGit ? goFiles(clientGoGit, ['tools/clientcmd']) : []),
];
const ix = index(files);
const unresolved = new Set();
const commands = {};
for (const [path, [folder, ctor]] of Object.entries(COMMANDS)) {
  const pkg = `${kubectlGit}:pkg/cmd/${folder}`;
  const fn = pick(ix.funcs.get(ctor), pkg);
  if (!fn) throw new Error(`${ctor} not found in pkg/cmd/${folder}`);
  const use = /Use:\s*(?:i18n\.T\()?"([^"]*)"/.exec(fn.body)?.[1] ?? '';
  const aliases =
    /Aliases:\s*\[\]string\{([^}]*)\}/
      .exec(fn.body)?.[1]
      .match(/"[^"]*"/g)
      ?.map((s) => s.slice(1, -1)) ?? [];
  commands[path] = { use, ...(aliases.length ? { aliases } : {}), flags: merge(flagsOf(ix, pkg, fn.body, new Set(), unresolved)) };
}

// Kubectl's global flags: the kubeconfig flags from cli-runtime's ConfigFlags,
// and those NewKubectlCommand adds itself (pkg/cmd/cmd.go, profiling.go).
const configFlags = pick(ix.funcs.get('ConfigFlags.AddFlags'), `${runtimeGit}:pkg/genericclioptions`);
const globalFlags = [...flagsOf(ix, configFlags.pkg, configFlags.body, new Set(), unresolved)];
for (const fn of ['NewKubectlCommand', 'addProfilingFlags']) {
  const f = pick(ix.funcs.get(fn), `${kubectlGit}:pkg/cmd`);
  if (f) globalFlags.push(...flagsOf(ix, f.pkg, f.body, new Set(), unresolved, 5));
}

// klog's -v/--v (verbosity) is added to kubectl's flags by the kubectl binary's
// main package in kubernetes/kubernetes (klog.InitFlags), outside these repos.
globalFlags.push({ name: 'v', short: 'v', kind: 'value', source: 'klog' });
// Cobra gives every command -h/--help.
globalFlags.push({ name: 'help', short: 'h', kind: 'bool', source: 'cobra' });

const head = (dir) => git(dir, 'rev-parse', 'HEAD').trim();
const data = {
  source: {
    note: 'Generated by scripts/gen-kubectl-flags.mjs from the Go source; do not edit by hand.',
    'kubernetes/kubectl': head(kubectlGit),
    'kubernetes/cli-runtime': head(runtimeGit),
    'kubernetes/client-go': head(clientGoGit),
  },
  global: merge(globalFlags),
  commands,
};
const out = join(root, 'src', 'kubectl', 'data', 'flags.json');
const text = `${JSON.stringify(data, null, 1)}\n`;
if (unresolved.size > 0) console.error(`flag names not resolved: ${[...unresolved].join(', ')}`);
if (check) {
  if (readFileSync(out, 'utf8') !== text) {
    console.error('src/kubectl/data/flags.json differs from what the Go source gives; run node scripts/gen-kubectl-flags.mjs');
    process.exitCode = 1;
  }
} else {
  writeFileSync(out, text);
  console.log(`wrote src/kubectl/data/flags.json: ${Object.keys(commands).length} commands, ${data.global.length} global flags`);
}
