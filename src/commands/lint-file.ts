/**
 * Linting lesson files one by one: each file's own problems, and those of
 * its manifest exercises and contexts, found while its parsed document is at
 * hand. What is kept of a file is small (its problems, its id and where its
 * `next` leads): a pack of 1,000 lessons kept every parsed document alive
 * until the end (386 MB).
 *
 * A file is first tried on the fast path (src/lesson/fast-load.ts, about
 * ten times quicker to parse): a file with no problem at all is done there;
 * any other is linted again the full way, which alone reports problems and
 * their positions.
 *
 * One thread: a worker thread linting half of a 3.4 MB pack was tried. It
 * costs ~65 MB of memory of its own (lint of 1,000 lessons then peaked at
 * 175 MB, against 118 MB) and, on a busy machine, more time than it saves.
 */
import type { FileProblem } from '../lesson/file-problem.js';
import { loadCleanSource } from '../lesson/fast-load.js';
import type { FileBytes, LoadResult } from '../lesson/load.js';
import { eachLessonFile } from '../lesson/load-many.js';
import type { RuleViolation } from '../lesson/rules.js';
import type { Position } from '../lesson/yaml-source.js';
import { exerciseRules } from '../manifest/exercise-rules.js';
import { addPhase } from '../text/phases.js';
import { contextProblems, contextsClean } from './lint-context.js';

export interface Linted {
  file: string;
  /** The file's own problems, then those of its manifest exercises and contexts. */
  problems: FileProblem[];
  id?: string;
  next?: { id: string; at: Position };
}

async function lintFile(result: LoadResult, text: string | undefined): Promise<Linted> {
  const { lesson, locate } = result;
  if (!lesson || !locate || text === undefined) return { file: result.file, problems: result.problems };
  const at = (v: RuleViolation): FileProblem => ({
    file: result.file,
    ...locate(v.path, v.atKey),
    message: v.message,
    ...(v.severity ? { severity: v.severity } : {}),
  });
  const started = performance.now();
  const exercises = (await exerciseRules(lesson)).map(at);
  const context = await contextProblems(result, text);
  addPhase('exercises', performance.now() - started);
  return {
    file: result.file,
    problems: [...result.problems, ...exercises, ...context],
    id: lesson.id,
    ...(lesson.next === undefined ? {} : { next: { id: lesson.next, at: locate(['next']) } }),
  };
}

/** The file linted on the fast path, if it has no problem at all there; otherwise undefined. */
async function lintClean(file: string, text: string): Promise<Linted | undefined> {
  const clean = await loadCleanSource(text);
  if (!clean) return undefined;
  const { lesson, nextAt } = clean;
  const started = performance.now();
  const ok = (await exerciseRules(lesson)).length === 0 && (await contextsClean(lesson));
  addPhase('fast-exercises', performance.now() - started);
  if (!ok) return undefined;
  return { file, problems: [], id: lesson.id, ...(lesson.next === undefined || !nextAt ? {} : { next: { id: lesson.next, at: nextAt } }) };
}

/**
 * The files linted, in their order; `onText` sees each file's text with its
 * result (none for a file that could not be read), and the bytes it was
 * decoded from with the file's size and modification time when it was read. `fast: false` lints every
 * file the full way (the fast path's tests compare the two).
 */
export async function lintFiles(
  files: readonly string[],
  onText?: (linted: Linted, index: number, text: string, read?: FileBytes) => void,
  opts: { fast?: boolean } = {},
): Promise<Linted[]> {
  const linted: Linted[] = [];
  const done = (one: Linted, i: number, text: string | undefined, read?: FileBytes) => {
    if (text !== undefined) onText?.(one, i, text, read);
    linted.push(one);
  };
  const quick = async (text: string, i: number, read: FileBytes) => {
    const one = await lintClean(files[i]!, text);
    if (one) done(one, i, text, read);
    return one !== undefined;
  };
  await eachLessonFile(
    files,
    async (result, i, text, read) => done(await lintFile(result, text), i, text, read),
    opts.fast === false ? {} : { quick },
  );
  return linted;
}
