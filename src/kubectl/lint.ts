/**
 * What a lesson's command question must satisfy: every expected command reads
 * as kubectl would read it (known command, resource types and flags), and
 * every `allow` entry is a flag of the expected command.
 */
import { flagTable } from './commands.js';
import { readCommand, type ReadProblem } from './read.js';
import { near as suggest } from './near.js';

/** The first problem of an expected command, with its place in the line. */
export function expectProblem(line: string): ReadProblem | undefined {
  const read = readCommand(line);
  return read.ok ? undefined : read.problem;
}

/** Why an `allow` entry is not a flag of the expected commands' command, if it is not. */
export function allowProblem(expect: readonly string[], entry: string): string | undefined {
  const paths = expect.flatMap((line) => {
    const read = readCommand(line);
    return read.ok ? [read.reading.command.path] : [];
  });
  if (paths.length === 0) return undefined;
  const name = entry.replace(/=.*$/, '');
  if (!/^--?[\w-]/.test(name) || (!name.startsWith('--') && name.length !== 2)) {
    return `allow lists flags such as \`-o\` or \`--watch\`; \`${entry}\` is not one`;
  }
  for (const path of paths) {
    const table = flagTable(path);
    if (name.startsWith('--') ? table.long.has(name.slice(2)) : table.short.has(name.slice(1))) continue;
    const candidates = name.startsWith('--') ? [...table.long.keys()].map((n) => `--${n}`) : [...table.short.keys()].map((s) => `-${s}`);
    const near = suggest(name, candidates);
    return `\`kubectl ${path}\` has no flag \`${name}\`${near ? ` (did you mean \`${near}\`?)` : ''}`;
  }
  return undefined;
}
