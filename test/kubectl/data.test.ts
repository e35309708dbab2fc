/**
 * The generated tables against what kubectl itself prints: the options of
 * `kubectl <verb> --help` (kept as fixtures from kubectl's reference pages,
 * which kubectl's doc generator writes from the same flag definitions), and
 * the short names `kubectl api-resources` lists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, GLOBAL_FLAGS, type FlagSpec } from '../../src/kubectl/commands.js';
import { resourceType } from '../../src/kubectl/resources.js';

interface HelpFlag {
  name: string;
  short?: string;
  kind: 'bool' | 'value' | 'list';
  optionalValue: boolean;
}

/** `-c, --container string`, `--cascade string[="background"]`, `--expose --port` (pflag shows a bool's backquoted word). */
function helpFlags(file: string): HelpFlag[] {
  return readFileSync(`test/fixtures/kubectl-help/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((line) => {
      const m = /^(?:-(\w), )?--([\w-]+)(?: (\S+))?$/.exec(line.trim());
      if (!m) throw new Error(`${file}: cannot read "${line}"`);
      const type = m[3];
      const kind = type === undefined || type.startsWith('--') ? 'bool' : /^(strings|stringArray)/.test(type) ? 'list' : 'value';
      return { name: m[2]!, ...(m[1] ? { short: m[1] } : {}), kind, optionalValue: /\[=/.test(type ?? '') && !type!.startsWith('version') };
    });
}

const asHelp = (f: FlagSpec): HelpFlag => ({
  name: f.name,
  ...(f.short ? { short: f.short } : {}),
  kind: f.kind,
  optionalValue: f.optionalValue === true,
});
const byName = (flags: HelpFlag[]) => Object.fromEntries(flags.map((f) => [f.name, f]));
const HELP: HelpFlag = { name: 'help', short: 'h', kind: 'bool', optionalValue: false };

describe('the flag table against `kubectl <verb> --help`', () => {
  it.each(['logs', 'exec'])('%s: the same flags, short names and kinds', (verb) => {
    expect(byName([...COMMANDS.get(verb)!.flags.map(asHelp), HELP])).toEqual(byName(helpFlags(`${verb}.txt`)));
  });

  it('run (the part of its help kept): every flag there, alike', () => {
    const table = byName(COMMANDS.get('run')!.flags.map(asHelp));
    for (const flag of helpFlags('run.txt').filter((f) => f.name !== 'help')) expect(table[flag.name], flag.name).toEqual(flag);
  });

  it('the global flags, but those the kubectl binary gets from outside kubernetes/kubectl', () => {
    // cadvisor's --storage-driver-* and component-base's --version are linked
    // into the binary in kubernetes/kubernetes; klog's -v is added there too.
    const outside = (name: string) => name.startsWith('storage-driver-') || name === 'version';
    const help = helpFlags('global.txt');
    const table = byName(GLOBAL_FLAGS.filter((f) => f.name !== 'v' && f.name !== 'help').map(asHelp));
    expect(table).toEqual(byName(help.filter((f) => !outside(f.name))));
    expect(help.filter((f) => outside(f.name)).map((f) => f.name)).toEqual([
      'storage-driver-buffer-duration',
      'storage-driver-db',
      'storage-driver-host',
      'storage-driver-password',
      'storage-driver-secure',
      'storage-driver-table',
      'storage-driver-user',
      'version',
    ]);
  });

  it('flags that take a value only with = (pflag NoOptDefVal), as the help shows them', () => {
    expect(
      COMMANDS.get('delete')!
        .flags.filter((f) => f.optionalValue)
        .map((f) => f.name),
    ).toEqual(['cascade', 'dry-run']);
    expect(
      COMMANDS.get('apply')!
        .flags.filter((f) => f.optionalValue)
        .map((f) => f.name),
    ).toEqual(['cascade', 'dry-run', 'validate']);
  });

  it('no command has one short name for two flags', () => {
    for (const spec of COMMANDS.values()) {
      // A command's own flag of a global flag's name takes its place (config set-context --namespace).
      const own = new Set(spec.flags.map((f) => f.name));
      const shorts = [...spec.flags, ...GLOBAL_FLAGS.filter((f) => !own.has(f.name))].flatMap((f) => (f.short ? [f.short] : []));
      expect(new Set(shorts).size, spec.path).toBe(shorts.length);
    }
  });
});

/** The Options section of a real `kubectl --help`: `    -c, --container='':`, a bool's default is true or false, a list's [...]. */
function realHelpFlags(text: string): HelpFlag[] {
  const options =
    `\n${text}`.replace('\nThe following options can be passed to any command:\n', '\nOptions:\n').split('\nOptions:\n')[1] ?? '';
  return [...options.split(/\nUsage:\n/)[0]!.matchAll(/^ {4}(?:-(\w), )?--([\w-]+)=(.*):$/gm)].map((m) => ({
    name: m[2]!,
    ...(m[1] ? { short: m[1] } : {}),
    kind: /^(true|false)$/.test(m[3]!) ? 'bool' : m[3]!.startsWith('[') ? 'list' : 'value',
    optionalValue: false,
  }));
}

const V132 = 'test/fixtures/kubectl-help/v1.32.4';

/**
 * Where kubectl v1.32.4's help and the table (from a newer kubectl's source)
 * may differ, and why. "newer": added after v1.32; "hidden": deprecated,
 * still read by kubectl but left out of its help.
 */
const KNOWN: Record<string, string[]> = {
  apply: ['applyset: hidden (alpha, shown only with KUBECTL_APPLYSET)', 'record: hidden'],
  run: ['detach-keys: newer', 'record: hidden'],
  expose: ['record: hidden'],
  explain: ['recursive: newer short name -R', 'max-depth: newer'],
  'config set-context': ['namespace: newer short name -n'],
  'config view': ['merge: a tristate, read as a value that may be left out'],
  'top pod': ['show-swap: newer'],
  options: [
    'as-user-extra: newer',
    'kuberc: newer',
    'log-flush-frequency: klog, added in kubernetes/kubernetes',
    'vmodule: klog, added in kubernetes/kubernetes',
  ],
};

describe('the flag table against kubectl v1.32.4 itself', () => {
  const files = readdirSync(V132).filter((f) => f.endsWith('.txt') && f !== 'version.txt');

  it.each(files)('%s: the same flags, but the differences named', (file) => {
    const command = file.replace(/\.txt$/, '').replace(/_/g, ' ');
    const help = byName(realHelpFlags(readFileSync(`${V132}/${file}`, 'utf8')));
    const flags = command === 'options' ? GLOBAL_FLAGS.filter((f) => f.name !== 'help') : COMMANDS.get(command)!.flags;
    const table = byName(flags.map((f) => ({ ...asHelp(f), optionalValue: false })));
    const differ = [...new Set([...Object.keys(help), ...Object.keys(table)])]
      .filter((name) => JSON.stringify(help[name]) !== JSON.stringify(table[name]))
      .sort();
    expect(differ).toEqual((KNOWN[command] ?? []).map((k) => k.split(':')[0]).sort());
  });
});

describe('resource types as kubectl api-resources lists them', () => {
  it.each([
    ['po', 'pods'],
    ['pod', 'pods'],
    ['Pods', 'pods'],
    ['deploy', 'deployments'],
    ['deployment', 'deployments'],
    ['deployments.apps', 'deployments'],
    ['svc', 'services'],
    ['ns', 'namespaces'],
    ['pvc', 'persistentvolumeclaims'],
    ['pv', 'persistentvolumes'],
    ['cm', 'configmaps'],
    ['rs', 'replicasets'],
    ['ds', 'daemonsets'],
    ['sts', 'statefulsets'],
    ['no', 'nodes'],
    ['ep', 'endpoints'],
    ['ev', 'events'],
    ['crds', 'customresourcedefinitions'],
    ['StorageClass', 'storageclasses'],
  ])('%s is %s', (word, name) => {
    expect(resourceType(word)?.name).toBe(name);
  });

  it('knows no made-up type', () => {
    expect(resourceType('pdos')).toBeUndefined();
    expect(resourceType('deploymentz')).toBeUndefined();
  });
});

// The clones scripts/gen-kubectl-flags.mjs reads (the `fetch` tool's mirrors on the machine the table was made on).
const MIRRORS = [
  '/work/.mirror/kubernetes+kubectl/repo',
  '/work/.mirror/kubernetes+cli-runtime/repo',
  '/work/.mirror/kubernetes+client-go/repo',
];

describe('the generated flag table', () => {
  it.runIf(MIRRORS.every(existsSync))(
    "is what the generator makes from kubectl's Go source",
    () => {
      const run = spawnSync(process.execPath, ['scripts/gen-kubectl-flags.mjs', '--check', ...MIRRORS], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
    30_000,
  );
});
