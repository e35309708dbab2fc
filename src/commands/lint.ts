/** `kube-learn lint [paths...]`: every problem of every lesson file, then a summary. */
import { stat } from 'node:fs/promises';
import { builtInLessonsDir, lessonFiles } from '../lesson/catalog.js';
import { formatProblem, loadLessonFile, type LoadResult } from '../lesson/load.js';
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
function duplicateIds(results: LoadResult[]): LoadResult[] {
  const first = new Map<string, string>();
  return results.flatMap((r) => {
    if (!r.lesson) return [];
    const owner = first.get(r.lesson.id);
    if (!owner) first.set(r.lesson.id, r.file);
    return owner ? [{ file: r.file, problems: [{ file: r.file, line: 1, col: 1, message: `lesson id "${r.lesson.id}" is also used by ${owner}` }] }] : [];
  });
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function lint(paths: string[]): Promise<number> {
  const files = await expand(paths.length > 0 ? paths : [builtInLessonsDir()]);
  if (files.length === 0) {
    process.stderr.write('kube-learn: no lesson files (*.yaml, *.yml) found\n');
    return 1;
  }
  const loaded = await Promise.all(files.map(loadLessonFile));
  const checked = await Promise.all(loaded.map(async (r) => ({ file: r.file, problems: [...r.problems, ...(await contextProblems(r))] })));
  const failed = [...checked, ...duplicateIds(loaded)].filter((r) => r.problems.length > 0);
  const problems = failed.flatMap((r) => r.problems);
  for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);

  const badFiles = new Set(failed.map((r) => r.file)).size;
  process.stdout.write(
    problems.length === 0
      ? `${count(files.length, 'lesson file')} checked, no problems\n`
      : `${count(problems.length, 'problem')} in ${count(badFiles, 'file')} (${count(files.length, 'file')} checked)\n`,
  );
  return problems.length === 0 ? 0 : 1;
}
