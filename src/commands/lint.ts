/** `kube-learn lint [paths...]`: every problem of every lesson file, then a summary. */
import { stat } from 'node:fs/promises';
import { BUILD, builtInLessonsDir, lessonFiles, loadCatalog } from '../lesson/catalog.js';
import { byPosition, formatFileProblem, isError, type FileProblem } from '../lesson/file-problem.js';
import { phaseReport } from '../text/phases.js';
import { plural } from '../text/words.js';
import { lintWithCache } from './lint-cache.js';
import type { Linted } from './lint-file.js';
import { stdout } from '../terminal/stdout.js';

async function expand(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await lessonFiles(path)));
    else files.push(path);
  }
  return files;
}

/** `next` should lead somewhere: a lesson linted in this run, or a built-in one. */
function nextProblem(linted: Linted, known: ReadonlySet<string>): FileProblem[] {
  const next = linted.next;
  if (next === undefined || known.has(next.id)) return [];
  const message = /^[a-z0-9][a-z0-9-]*$/.test(next.id)
    ? `next names no lesson in this catalog ("${next.id}"); lint it with the lesson that follows, or fix the id`
    : 'next names no lesson: give the id of the lesson that follows (such as day5), so the end of the lesson can offer it';
  return [{ file: linted.file, ...next.at, message, severity: 'warning' }];
}

/**
 * `next` should not lead in a circle: a course whose ends meet never ends,
 * and the end of each lesson would keep offering one already done.
 */
function loopProblem(linted: Linted, nextOf: ReadonlyMap<string, string | undefined>): FileProblem[] {
  if (linted.id === undefined || linted.next === undefined) return [];
  if (linted.next.id === linted.id)
    return [{ file: linted.file, ...linted.next.at, message: 'next names this lesson itself', severity: 'warning' }];
  const path = [linted.id];
  for (let id: string | undefined = linted.next.id; id !== undefined && path.length <= nextOf.size; id = nextOf.get(id)) {
    path.push(id);
    if (id !== linted.id) continue;
    const message = `next leads back to this lesson (${path.join(', then ')}): the last lesson of a course has no next`;
    return [{ file: linted.file, ...linted.next.at, message, severity: 'warning' }];
  }
  return [];
}

export async function lint(paths: string[]): Promise<number> {
  const started = performance.now();
  const files = await expand(paths.length > 0 ? paths : [builtInLessonsDir()]);
  if (files.length === 0) {
    process.stderr.write('kube-learn: no lesson files (*.yaml, *.yml) found\n');
    return 1;
  }
  const { linted } = await lintWithCache(files, { build: BUILD });

  // Across files: a lesson id claimed twice (the later file is reported), and where each `next` leads.
  const builtIn = await loadCatalog().catch(() => ({ lessons: [] }));
  const known = new Set([...builtIn.lessons.map((l) => l.id), ...linted.flatMap((l) => (l.id === undefined ? [] : [l.id]))]);
  // What follows what; a lesson linted here stands in for a built-in one with its id, the first file for its id.
  const nextOf = new Map<string, string | undefined>(builtIn.lessons.map((l) => [l.id, l.next]));
  const claimed = new Set<string>();
  for (const l of linted) {
    if (l.id === undefined || claimed.has(l.id)) continue;
    claimed.add(l.id);
    nextOf.set(l.id, l.next?.id);
  }
  const owners = new Map<string, string>();
  const across = new Map<string, FileProblem[]>();
  for (const l of linted) {
    const extra: FileProblem[] = [];
    const owner = l.id === undefined ? undefined : owners.get(l.id);
    if (l.id !== undefined && owner === undefined) owners.set(l.id, l.file);
    if (owner !== undefined) extra.push({ file: l.file, line: 1, col: 1, message: `lesson id "${l.id}" is also used by ${owner}` });
    extra.push(...nextProblem(l, known), ...loopProblem(l, nextOf));
    across.set(l.file, [...(across.get(l.file) ?? []), ...extra]);
  }
  // A file named twice is reported twice, each time with its first load's problems.
  const first = new Map<string, Linted>();
  for (const l of linted) if (!first.has(l.file)) first.set(l.file, l);
  // In file order; at one position, the file's own problems before those across files.
  const problems = files.flatMap((file) => [...first.get(file)!.problems, ...(across.get(file) ?? [])].sort(byPosition));
  for (const problem of problems) stdout.write(`${formatFileProblem(problem)}\n`);

  const errors = problems.filter(isError);
  const warnings = problems.length - errors.length;
  const badFiles = new Set(errors.map((p) => p.file)).size;
  const warned = warnings > 0 ? `, ${plural(warnings, 'warning')}` : '';
  stdout.write(
    errors.length === 0
      ? `${plural(files.length, 'lesson file')} checked, no problems${warned}\n`
      : `${plural(errors.length, 'problem')} in ${plural(badFiles, 'file')}${warned} (${plural(files.length, 'file')} checked)\n`,
  );
  const phases = phaseReport();
  if (phases) process.stderr.write(`${phases}phase total ${(performance.now() - started).toFixed(1)} ms\n`);
  return errors.length === 0 ? 0 : 1;
}
