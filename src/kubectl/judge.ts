/**
 * Judging a learner's command against the expected ones: equal when kubectl
 * would do the same thing (aliases, short names, flag forms and order,
 * selectors as sets), and otherwise what differs, one plain line each.
 */
import { flagTable } from './commands.js';
import { oneLine, readCommand, type FlagUse, type Reading, type Target } from './read.js';
import { IMPLIED, kindWord } from './resources.js';

export interface Judgement {
  right: boolean;
  /** What differs, one line each, most telling first; empty when right. */
  feedback: string[];
}

/** At most this many lines: past three, a learner stops reading. */
const MAX_LINES = 3;

/** Flags whose value is a set of comma-separated terms, order free. */
const SET_VALUED = new Set(['selector', 'field-selector', 'labels']);

/** One flag's meaning: the values of a list flag add up, the last value of any other wins. */
function flagValues(reading: Reading): Map<string, { value: string; use: FlagUse }> {
  const out = new Map<string, { value: string; use: FlagUse }>();
  for (const use of reading.flags) {
    const { spec } = use;
    let value = use.value;
    if (spec.kind === 'list') {
      const before = out.get(spec.name)?.value;
      const parts = [...(before ? before.split('\n') : []), ...(spec.keepsCommas ? [value] : value.split(','))];
      value = parts.sort().join('\n');
    } else if (SET_VALUED.has(spec.name)) {
      value = [...new Set(value.split(',').map((s) => s.trim()))].sort().join(',');
    } else if (spec.kind === 'bool') {
      value = value.toLowerCase() === 'false' ? 'false' : 'true';
    }
    out.set(spec.name, { value, use });
  }
  return out;
}

const targetKey = (t: Target) => `${t.type.name}/${t.name ?? ''}`;
const sortedKeys = (targets: Target[]) => targets.map(targetKey).sort().join(' ');
const typeNames = (targets: Target[]) => [...new Set(targets.map((t) => t.type.name))].sort().join(',');
const names = (targets: Target[]) => targets.flatMap((t) => (t.name === undefined ? [] : [t.name]));
const quoted = (words: string[]) => `\`${words.join(' ')}\``;

function targetLines(expected: Reading, given: Reading, hasSelector: boolean): string[] {
  const e = expected.targets;
  const g = given.targets;
  if (sortedKeys(e) === sortedKeys(g)) return [];
  const eType = e[0]?.type;
  if (e.length > 0 && g.length > 0 && typeNames(e) !== typeNames(g) && eType !== IMPLIED) {
    const typed = g[0]!.typeText || g[0]!.type.name;
    return [`\`${typed}\` means ${kindWord(g[0]!.type, true)}; this question is about ${kindWord(eType!, true)}`];
  }
  const eNames = names(e);
  const gNames = names(g);
  if (eNames.length === 0 && gNames.length > 0 && eType) {
    const t = g[0]!;
    const shown = [given.program, given.commandText, ...(t.typeText ? [t.typeText] : []), ...new Set(gNames)];
    const one = gNames.length === 1 ? `one ${kindWord(t.type, false)}` : `${gNames.length} ${kindWord(t.type, true)}`;
    return [`${quoted(shown)} names ${one}; the question asks for all ${kindWord(eType, true)}${hasSelector ? ' with a label' : ''}`];
  }
  if (eType === undefined && g.length > 0) return [`${quoted([g[0]!.typeText || g[0]!.name || ''])} is not needed here: leave it out`];
  if (gNames.length === 0 && eNames.length > 0) return [`the name is missing: add \`${eNames.join(' ')}\``];
  if (g.length === 0 && eType) return [`the resource type is missing: this question is about ${kindWord(eType, true)}`];
  return [`the name should be \`${eNames.join(' ')}\`, not \`${gNames.join(' ')}\``];
}

function listLines(expected: string[], given: string[], what: string): string[] {
  const missing = expected.filter((v) => !given.includes(v));
  const extra = given.filter((v) => !expected.includes(v));
  return [...missing.map((v) => `${what} \`${v}\` is missing`), ...extra.map((v) => `\`${v}\` is not needed here: leave it out`)];
}

function commandLines(expected: Reading, given: Reading): string[] {
  const e = expected.afterDash;
  const g = given.afterDash;
  if ((e ?? []).join('\0') === (g ?? []).join('\0')) return [];
  if (e && !g && given.values.join('\0') === e.join('\0')) return [];
  if (e && (!g || g.length === 0)) return [`the command to run is missing: add \`-- ${e.join(' ')}\``];
  if (!e) return [`\`-- ${g!.join(' ')}\` is not needed here: leave it out`];
  return [`the command to run should be \`${e.join(' ')}\`, not \`${g!.join(' ')}\``];
}

function flagLines(expected: Reading, given: Reading, allowed: Set<string>): string[] {
  const e = flagValues(expected);
  const g = flagValues(given);
  const lines: string[] = [];
  const eSel = e.get('selector');
  const gNs = g.get('namespace');
  // The mix-up the issue names: a label given to -n.
  const mixUp = eSel && !g.has('selector') && gNs?.value.includes('=') && e.get('namespace')?.value !== gNs.value;
  if (mixUp) lines.push('`-n` sets the namespace; to select by label use `-l`');
  for (const [name, want] of e) {
    const got = g.get(name);
    if (mixUp && (name === 'selector' || name === 'namespace')) continue;
    if (!got) {
      const what = name === 'namespace' ? 'the namespace' : name === 'selector' ? 'the label selector' : `\`--${name}\``;
      lines.push(`${what} is missing: add \`${want.use.text}\``);
    } else if (got.value !== want.value) {
      const what = name === 'namespace' ? 'the namespace' : name === 'selector' ? 'the label selector' : `\`--${name}\``;
      const show = (v: string) => v.replace(/\n/g, ',');
      lines.push(
        want.use.spec.kind === 'bool'
          ? `use \`${want.use.text}\`, not \`${got.use.text}\``
          : `${what} should be \`${show(want.value)}\`, not \`${show(got.value)}\``,
      );
    }
  }
  for (const [name, got] of g) {
    if (e.has(name) || allowed.has(name) || (mixUp && name === 'namespace')) continue;
    lines.push(
      name === 'namespace'
        ? `this question uses the current namespace: leave out \`${got.use.text}\``
        : `\`${got.use.text}\` is not needed here: leave it out`,
    );
  }
  return lines;
}

/** What differs between an expected reading and the learner's, most telling first. */
export function differences(expected: Reading, given: Reading, allow: readonly string[] = []): string[] {
  if (expected.command !== given.command) {
    const typed = given.commandText || given.command.path;
    return [`\`${typed}\` ${given.command.does}; this question asks ${expected.command.asks}`];
  }
  const table = flagTable(expected.command.path);
  const allowed = new Set(
    allow.flatMap((a) => {
      const name = a.replace(/=.*$/, '');
      const spec = name.startsWith('--') ? table.long.get(name.slice(2)) : table.short.get(name.slice(1));
      return spec ? [spec.name] : [];
    }),
  );
  const hasSelector = expected.flags.some((f) => f.spec.name === 'selector');
  // `exec web sh`: the command is there, only the `--` before it is not.
  const undashed = expected.afterDash && !given.afterDash && given.values.join('\0') === expected.afterDash.join('\0');
  return [
    ...targetLines(expected, given, hasSelector),
    ...(undashed ? ['put `--` before the command to run in the container'] : listLines(expected.values, given.values, 'the argument')),
    ...commandLines(expected, given),
    ...flagLines(expected, given, allowed),
  ];
}

/** A question's expected commands are read once, however many answers are judged against them. */
const expectedReadings = new Map<string, ReturnType<typeof readCommand>>();
function readExpected(line: string): ReturnType<typeof readCommand> {
  let read = expectedReadings.get(line);
  if (!read) {
    if (expectedReadings.size >= 512) expectedReadings.clear();
    read = readCommand(line);
    expectedReadings.set(line, read);
  }
  return read;
}

/**
 * Right when the answer reads the same as one of the expected commands, with
 * only `allow`ed flags added. Expected commands that do not read (a lesson
 * bug lint reports) are skipped.
 */
export function judgeCommand(expect: readonly string[], allow: readonly string[], answer: string): Judgement {
  const given = readCommand(answer);
  if (!given.ok) return { right: false, feedback: [given.problem.message] };
  let best: string[] | undefined;
  for (const line of expect) {
    const expected = readExpected(line);
    if (!expected.ok) continue;
    const diff = differences(expected.reading, given.reading, allow);
    if (diff.length === 0) return { right: true, feedback: [] };
    const rank = (d: string[]) => (d[0]?.includes('this question asks') ? 100 : d.length);
    if (!best || rank(diff) < rank(best)) best = diff;
  }
  return { right: false, feedback: (best ?? ['this command does not match the one asked for']).slice(0, MAX_LINES).map(oneLine) };
}
