/**
 * Reading one command line the way kubectl (cobra and pflag) reads it: the
 * command words, then flags anywhere (`--flag=value`, `--flag value`,
 * `-nvalue`, `-n=value`, clustered booleans `-it`), `--` ending the flags,
 * and the other words as resource types, names and values by the command's
 * argument shape. Problems are returned, never thrown.
 */
import { near as suggest } from './near.js';
import { childCommand, childWords, COMMANDS, flagTable, type CommandSpec, type FlagSpec } from './commands.js';
import { IMPLIED, resourceSpellings, resourceType, type ResourceType } from './resources.js';
import { describeOperator, splitLine, type Word } from './shell.js';

export interface FlagUse {
  spec: FlagSpec;
  /** The value; "true"/"false" for a boolean. */
  value: string;
  /** As typed, e.g. `-nlearn-lab` or `--namespace learn-lab`. */
  text: string;
  start: number;
}

export interface Target {
  type: ResourceType;
  /** The type as typed (`po`, `deploy`). */
  typeText: string;
  name?: string;
}

export interface Reading {
  program: string;
  command: CommandSpec;
  /** The command words as typed: `rollout status`. */
  commandText: string;
  /** Types and names: `get pods web db` is pods/web and pods/db; `get pods` is pods with no name. */
  targets: Target[];
  /** Other words: label's KEY=VALUE, set image's CONTAINER=IMAGE, ports, explain's field path, can-i's verb. */
  values: string[];
  /** The words after `--`, if it was given. */
  afterDash?: string[];
  flags: FlagUse[];
}

export interface ReadProblem {
  message: string;
  /** Where in the line (0-based), for lint. */
  start: number;
}

export type ReadResult = { ok: true; reading: Reading } | { ok: false; problem: ReadProblem };

const PROGRAMS = ['kubectl', 'k'];

function fail(message: string, start: number): ReadResult {
  return { ok: false, problem: { message: oneLine(message), start } };
}

/** A typed word as feedback shows it: on one line, control characters escaped. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `--all_namespaces` is read as `--all-namespaces`, as kubectl does (with a warning). */
const normalizeName = (name: string) => name.replace(/_/g, '-');

interface Scanned {
  flags: FlagUse[];
  words: Word[];
  afterDash?: Word[];
}

/**
 * Pflag's reading of flags: returns the flags and the other words, or the
 * first problem. The command path decides which flags exist; words that name
 * commands are among `words` (cobra finds the command first, then the flags).
 */
function scanFlags(words: Word[], path: string, line: string): Scanned | ReadProblem {
  const table = flagTable(path);
  const flags: FlagUse[] = [];
  const rest: Word[] = [];
  const candidates = () => [...table.long.keys()].map((n) => `--${n}`);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const t = w.text;
    if (t === '--') return { flags, words: rest, afterDash: words.slice(i + 1) };
    if (!t.startsWith('-') || t === '-') {
      rest.push(w);
      continue;
    }
    const raw = line.slice(w.start, w.end);
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      // kubectl finds a flag by its name with _ read as -, and names it in errors as typed.
      const typed = eq < 0 ? t.slice(2) : t.slice(2, eq);
      const name = normalizeName(typed);
      const spec = table.long.get(name);
      if (!spec) {
        const near = suggest(`--${name}`, candidates());
        return { message: `unknown flag \`--${typed}\`${near ? ` (did you mean \`${near}\`?)` : ''}`, start: w.start };
      }
      if (eq >= 0) flags.push({ spec, value: t.slice(eq + 1), text: raw, start: w.start });
      else if (spec.kind === 'bool' || spec.optionalValue)
        flags.push({ spec, value: spec.kind === 'bool' ? 'true' : '', text: raw, start: w.start });
      else {
        const next = words[i + 1];
        if (!next) return { message: `\`--${typed}\` needs a value`, start: w.start };
        flags.push({ spec, value: next.text, text: `${raw} ${line.slice(next.start, next.end)}`, start: w.start });
        i++;
      }
      continue;
    }
    // Shorthands: -it is -i -t; the first one that takes a value takes the rest (-nlearn-lab, -n=learn-lab) or the next word.
    for (let j = 1; j < t.length; j++) {
      const c = t[j]!;
      const spec = table.short.get(c);
      if (!spec) {
        // For one letter, "did you mean" only the other case (-a for -A): any other letter is one edit away.
        const shown = t.length === 2 ? `-${c}` : `-${c}\` in \`${t}`;
        const other = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
        const near = table.short.has(other) ? ` (did you mean \`-${other}\`?)` : '';
        return { message: `unknown flag \`${shown}\`${near}`, start: w.start };
      }
      if (spec.kind === 'bool' || (spec.optionalValue && t[j + 1] !== '=')) {
        const explicit = t[j + 1] === '=' ? t.slice(j + 2) : undefined;
        flags.push({
          spec,
          value: explicit ?? (spec.kind === 'bool' ? 'true' : ''),
          text: explicit === undefined ? `-${c}` : raw,
          start: w.start,
        });
        if (explicit !== undefined) break;
        continue;
      }
      const inline = t.slice(j + 1);
      if (inline !== '') {
        flags.push({ spec, value: inline.startsWith('=') ? inline.slice(1) : inline, text: raw, start: w.start });
        break;
      }
      const next = words[i + 1];
      if (!next) return { message: `\`-${c}\` needs a value`, start: w.start };
      flags.push({ spec, value: next.text, text: `${raw} ${line.slice(next.start, next.end)}`, start: w.start });
      i++;
    }
  }
  return { flags, words: rest };
}

/** The command path the words name, skipping flags (global ones may come first: `kubectl -n x get pods`). */
function findCommand(words: Word[]): { path: string; used: Set<Word> } | ReadProblem {
  let path = '';
  const used = new Set<Word>();
  const table = () => flagTable(path);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.text === '--') break;
    if (w.text.startsWith('-') && w.text !== '-') {
      // Skip a flag's separate value so it is not taken for a command word.
      const long = w.text.startsWith('--') && !w.text.includes('=') ? table().long.get(normalizeName(w.text.slice(2))) : undefined;
      const short = !w.text.startsWith('--') ? table().short.get(w.text.at(-1)!) : undefined;
      const spec = long ?? (short && w.text.length === 2 ? short : undefined);
      if (spec && spec.kind !== 'bool' && !spec.optionalValue) i++;
      continue;
    }
    const child = childCommand(path, w.text);
    if (child === undefined) {
      if (path !== '' && COMMANDS.has(path)) break;
      const known = childWords(path);
      const near = suggest(w.text, known);
      const what = path === '' ? 'command' : `\`${path}\` command`;
      return { message: `unknown ${what} \`${w.text}\`${near ? ` (did you mean \`${near}\`?)` : ''}`, start: w.start };
    }
    path = child;
    used.add(w);
  }
  if (!COMMANDS.has(path)) {
    const known = childWords(path).filter((c) => childCommand(path, c) === `${path} ${c}`);
    return {
      message:
        path === '' ? 'the command is missing after `kubectl`' : `\`${path}\` needs one of: ${known.map((c) => `\`${c}\``).join(', ')}`,
      start: words.at(-1)?.end ?? 0,
    };
  }
  return { path, used };
}

function readType(word: Word): ResourceType | ReadProblem {
  const type = resourceType(word.text);
  if (type) return type;
  const near = suggest(word.text, resourceSpellings());
  return { message: `unknown resource type \`${word.text}\`${near ? ` (did you mean \`${near}\`?)` : ''}`, start: word.start };
}

/** TYPE[,TYPE] [NAME...] or TYPE/NAME... (kubectl does not mix the two forms). */
function readTargets(words: Word[], defaultType: ResourceType | undefined): { targets: Target[]; rest: Word[] } | ReadProblem {
  const targets: Target[] = [];
  const first = words[0];
  if (!first) return { targets, rest: [] };
  if (first.text.includes('/')) {
    let i = 0;
    for (; i < words.length && words[i]!.text.includes('/'); i++) {
      const w = words[i]!;
      const slash = w.text.indexOf('/');
      const type = readType({ ...w, text: w.text.slice(0, slash) });
      if ('message' in type) return type;
      if (slash === w.text.length - 1) return { message: `\`${w.text}\` needs a name after the \`/\``, start: w.start };
      targets.push({ type, typeText: w.text.slice(0, slash), name: w.text.slice(slash + 1) });
    }
    return { targets, rest: words.slice(i) };
  }
  if (defaultType) return { targets: [{ type: defaultType, typeText: '', name: first.text }], rest: words.slice(1) };
  const types: Target[] = [];
  for (const part of first.text.split(',')) {
    const type = readType({ ...first, text: part });
    if ('message' in type) return type;
    types.push({ type, typeText: part });
  }
  const names = words.slice(1).filter((w) => !w.text.includes('='));
  const rest = words.slice(1).filter((w) => w.text.includes('='));
  if (names.length === 0) return { targets: types, rest };
  return { targets: types.flatMap((t) => names.map((n) => ({ ...t, name: n.text }))), rest };
}

export function readCommand(line: string): ReadResult {
  const split = splitLine(line);
  if (split.unclosed) return fail(`the quote \`${split.unclosed.quote}\` is not closed`, split.unclosed.start);
  const op = split.operators[0];
  if (op) return fail(`${describeOperator(op.text)}; give just one kubectl command`, op.start);
  const [program, ...words] = split.words;
  if (!program) return fail('the command is empty', 0);
  if (!PROGRAMS.includes(program.text)) return fail(`start the command with \`kubectl\`, not \`${program.text}\``, program.start);

  const found = findCommand(words);
  if ('message' in found) return fail(found.message, found.start);
  const command = COMMANDS.get(found.path)!;
  const scanned = scanFlags(
    words.filter((w) => !found.used.has(w)),
    found.path,
    line,
  );
  if ('message' in scanned) return fail(scanned.message, scanned.start);

  const commandText = words
    .filter((w) => found.used.has(w))
    .map((w) => w.text)
    .join(' ');
  let targets: Target[] = [];
  let rest = scanned.words;
  const reading = (values: Word[]): ReadResult => ({
    ok: true,
    reading: {
      program: program.text,
      command,
      commandText,
      targets,
      values: values.map((w) => w.text),
      ...(scanned.afterDash ? { afterDash: scanned.afterDash.map((w) => w.text) } : {}),
      flags: scanned.flags,
    },
  });
  switch (command.args) {
    case 'resources':
    case 'pod': {
      const read = readTargets(rest, command.args === 'pod' && !rest[0]?.text.includes('/') ? resourceType('pods') : undefined);
      if ('message' in read) return fail(read.message, read.start);
      targets = read.targets;
      // Without a type, a file or a raw URL kubectl has nothing to act on ("You must specify the type of resource").
      const elsewhere = scanned.flags.some((f) => ['filename', 'kustomize', 'raw'].includes(f.spec.name));
      if (command.args === 'resources' && targets.length === 0 && !elsewhere) {
        return fail(
          `\`kubectl ${command.path}\` needs a resource type${command.path === 'get' ? ', such as `pods`' : ''}`,
          words.at(-1)?.end ?? line.length,
        );
      }
      return reading(read.rest);
    }
    case 'explain': {
      const first = rest[0];
      if (first) {
        const [typeText, ...path] = first.text.split('.');
        const type = readType({ ...first, text: typeText! });
        if ('message' in type) return fail(type.message, type.start);
        targets = [{ type, typeText: typeText! }];
        rest = path.length > 0 ? [{ ...first, text: path.join('.') }, ...rest.slice(1)] : rest.slice(1);
      }
      return reading(rest);
    }
    case 'can-i': {
      const [verb, what, ...more] = rest;
      if (what && !what.text.startsWith('/')) {
        const read = readTargets([what], undefined);
        if ('message' in read) return fail(read.message, read.start);
        targets = read.targets;
        return reading([...(verb ? [verb] : []), ...more]);
      }
      return reading(rest);
    }
    case 'name':
      targets = rest[0] ? [{ type: IMPLIED, typeText: '', name: rest[0].text }] : [];
      return reading(rest.slice(1));
    case 'none':
      if (rest[0]) {
        const file = /\.(ya?ml|json)$/.test(rest[0].text) && flagTable(command.path).long.has('filename');
        const how = file ? `give a file with \`-f ${rest[0].text}\`` : `\`kubectl ${command.path}\` takes no names`;
        return fail(`\`${rest[0].text}\` is not expected here: ${how}`, rest[0].start);
      }
      return reading(rest);
  }
}
