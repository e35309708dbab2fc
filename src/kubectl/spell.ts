/**
 * Writing a reading back as a command line, in any of the spellings kubectl
 * reads the same: `k` or `kubectl`, a command's alias, a type's short name,
 * TYPE NAME or TYPE/NAME, each flag's long, short, `=` or attached form, and
 * flags anywhere among the other words. `pick` chooses (Math.random for
 * variety, () => 0 for the first, plainest spelling); the tests and the bench
 * use it to make many equivalent answers from one expected command.
 */
import type { FlagUse, Reading, Target } from './read.js';
import { ALL, type ResourceType } from './resources.js';

export type Pick = () => number;

const choose = <T>(pick: Pick, options: readonly T[]): T => options[Math.min(options.length - 1, Math.floor(pick() * options.length))]!;

/** A word as a shell must see it to pass it on unchanged. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function typeSpelling(pick: Pick, type: ResourceType): string {
  if (type === ALL) return 'all';
  return choose(pick, [type.name, type.kind.toLowerCase(), ...type.shortNames]);
}

function targetWords(pick: Pick, reading: Reading): string[] {
  const { targets } = reading;
  if (targets.length === 0) return [];
  const shape = reading.command.args;
  if (shape === 'name') return [targets[0]!.name!];
  const named = targets.filter((t) => t.name !== undefined);
  if (named.length === 0) return [targets.map((t) => typeSpelling(pick, t.type)).join(',')];
  const oneType = new Set(targets.map((t) => t.type)).size === 1;
  const slash = (t: Target) => `${typeSpelling(pick, t.type)}/${t.name}`;
  if (shape === 'pod' && targets[0]!.typeText === '' && targets[0]!.type.name === 'pods') {
    return [choose(pick, [targets[0]!.name!, slash(targets[0]!)])];
  }
  if (shape === 'pod' || !oneType || pick() < 0.5) return targets.map(slash);
  return [typeSpelling(pick, targets[0]!.type), ...targets.map((t) => t.name!)];
}

function flagWords(pick: Pick, use: FlagUse): string[] {
  const { spec, value } = use;
  const short = spec.short ? `-${spec.short}` : undefined;
  if (spec.kind === 'bool') {
    if (value === 'false') return [`--${spec.name}=false`];
    return choose(pick, [[`--${spec.name}`], [`--${spec.name}=true`], ...(short ? [[short]] : [])]);
  }
  const v = shellQuote(value);
  if (spec.optionalValue) return [value === '' ? `--${spec.name}` : `--${spec.name}=${v}`];
  const forms = [[`--${spec.name}=${v}`], [`--${spec.name}`, v]];
  if (short) forms.push([short, v], [`${short}=${v}`], ...(value === '' ? [] : [[`${short}${v}`]]));
  return choose(pick, forms);
}

/** Shuffles in place (Fisher-Yates) with `pick`. */
function shuffle<T>(pick: Pick, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(pick() * (i + 1)) % (i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function spell(reading: Reading, pick: Pick = () => 0): string {
  const { command } = reading;
  const words = command.path.split(' ');
  const last = choose(pick, [words.at(-1)!, ...command.aliases]);
  const head = [choose(pick, ['kubectl', 'k']), ...words.slice(0, -1), last];

  let positional: string[];
  if (command.args === 'explain' && reading.targets[0]) {
    const [path, ...rest] = reading.values;
    positional = [[typeSpelling(pick, reading.targets[0].type), ...(path ? [path] : [])].join('.'), ...rest];
  } else if (command.args === 'can-i') {
    const [verb, ...rest] = reading.values;
    positional = [...(verb ? [verb] : []), ...targetWords(pick, reading), ...rest];
  } else {
    positional = [...targetWords(pick, reading), ...shuffle(pick, [...reading.values])];
  }
  positional = positional.map(shellQuote);

  // Flags go anywhere among the other words; the other words keep their order.
  // Short booleans may be clustered: -i -t as -it.
  const clusterable = reading.flags.filter((f) => f.spec.kind === 'bool' && f.spec.short && f.value !== 'false');
  const cluster = clusterable.length > 1 && pick() < 0.5 ? clusterable : [];
  const groups = shuffle(pick, [
    ...reading.flags.filter((f) => !cluster.includes(f)).map((f) => flagWords(pick, f)),
    ...(cluster.length > 0
      ? [
          [
            `-${shuffle(
              pick,
              cluster.map((f) => f.spec.short!),
            ).join('')}`,
          ],
        ]
      : []),
  ]);
  const body: string[] = [];
  let p = 0;
  for (const group of groups) {
    while (p < positional.length && pick() < 0.5) body.push(positional[p++]!);
    body.push(...group);
  }
  body.push(...positional.slice(p));
  const dash = reading.afterDash ? ['--', ...reading.afterDash.map(shellQuote)] : [];
  return [...head, ...body, ...dash].join(' ');
}
