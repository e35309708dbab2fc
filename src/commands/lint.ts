/** `kube-learn lint [paths...]`: every problem of every lesson file, then a summary. */
import { stat } from 'node:fs/promises';
import { builtInLessonsDir, lessonFiles, loadCatalog } from '../lesson/catalog.js';
import { byPosition, formatFileProblem, isError, type FileProblem } from '../lesson/file-problem.js';
import type { LoadResult } from '../lesson/load.js';
import { loadLessonFiles } from '../lesson/load-many.js';
import type { RuleViolation } from '../lesson/rules.js';
import { exerciseRules } from '../manifest/exercise-rules.js';
import { plural } from '../text/words.js';
import { contextProblems } from './lint-context.js';

async function expand(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await lessonFiles(path)));
    else files.push(path);
  }
  return files;
}

/** Two files in one run claiming the same lesson id: the later one is reported. */
function duplicateIds(results: LoadResult[]): FileProblem[] {
  const first = new Map<string, string>();
  return results.flatMap((r) => {
    if (!r.lesson) return [];
    const owner = first.get(r.lesson.id);
    if (!owner) first.set(r.lesson.id, r.file);
    return owner ? [{ file: r.file, line: 1, col: 1, message: `lesson id "${r.lesson.id}" is also used by ${owner}` }] : [];
  });
}

/** `next` should lead somewhere: a lesson linted in this run, or a built-in one. */
function nextRule(lesson: NonNullable<LoadResult['lesson']>, known: ReadonlySet<string>): RuleViolation[] {
  const next = lesson.next;
  if (next === undefined || known.has(next)) return [];
  const message = /^[a-z0-9][a-z0-9-]*$/.test(next)
    ? `next names no lesson in this catalog ("${next}"); lint it with the lesson that follows, or fix the id`
    : 'next names no lesson: give the id of the lesson that follows (such as day5), so the end of the lesson can offer it';
  return [{ path: ['next'], severity: 'warning', message }];
}

/** Rules that need more than the file: other lessons, and the manifest checker. */
async function crossFileProblems(results: LoadResult[]): Promise<FileProblem[]> {
  const builtIn = await loadCatalog().catch(() => ({ lessons: [] }));
  const known = new Set([...builtIn.lessons, ...results.flatMap((r) => (r.lesson ? [r.lesson] : []))].map((l) => l.id));
  const out: FileProblem[] = [];
  for (const r of results) {
    if (!r.lesson || !r.locate) continue;
    for (const v of [...nextRule(r.lesson, known), ...(await exerciseRules(r.lesson))]) {
      out.push({ file: r.file, ...r.locate(v.path, v.atKey), message: v.message, ...(v.severity ? { severity: v.severity } : {}) });
    }
    out.push(...(await contextProblems(r)));
  }
  return out;
}

export async function lint(paths: string[]): Promise<number> {
  const files = await expand(paths.length > 0 ? paths : [builtInLessonsDir()]);
  if (files.length === 0) {
    process.stderr.write('kube-learn: no lesson files (*.yaml, *.yml) found\n');
    return 1;
  }
  const loaded = await loadLessonFiles(files);
  const extra = [...duplicateIds(loaded), ...(await crossFileProblems(loaded))];
  const problems = files.flatMap((file) =>
    [...(loaded.find((r) => r.file === file)?.problems ?? []), ...extra.filter((p) => p.file === file)].sort(byPosition),
  );
  for (const problem of problems) process.stdout.write(`${formatFileProblem(problem)}\n`);

  const errors = problems.filter(isError);
  const warnings = problems.length - errors.length;
  const badFiles = new Set(errors.map((p) => p.file)).size;
  const warned = warnings > 0 ? `, ${plural(warnings, 'warning')}` : '';
  process.stdout.write(
    errors.length === 0
      ? `${plural(files.length, 'lesson file')} checked, no problems${warned}\n`
      : `${plural(errors.length, 'problem')} in ${plural(badFiles, 'file')}${warned} (${plural(files.length, 'file')} checked)\n`,
  );
  return errors.length === 0 ? 0 : 1;
}
