/**
 * Linting lesson files one by one: each file's own problems, and those of
 * its manifest exercises and contexts, found while its parsed document is at
 * hand. What is kept of a file is small (its problems, its id and where its
 * `next` leads): a pack of 1,000 lessons kept every parsed document alive
 * until the end (386 MB).
 *
 * One thread: a worker thread linting half of a 3.4 MB pack was tried. It
 * costs ~65 MB of memory of its own (lint of 1,000 lessons then peaked at
 * 175 MB, against 118 MB) and, on a busy machine, more time than it saves.
 */
import type { FileProblem } from '../lesson/file-problem.js';
import type { LoadResult } from '../lesson/load.js';
import { eachLessonFile } from '../lesson/load-many.js';
import type { RuleViolation } from '../lesson/rules.js';
import type { Position } from '../lesson/yaml-source.js';
import { exerciseRules } from '../manifest/exercise-rules.js';
import { addPhase } from '../text/phases.js';
import { contextProblems } from './lint-context.js';

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

/** The files linted, in their order; `onText` sees each file's text with its result (none for a file that could not be read). */
export async function lintFiles(
  files: readonly string[],
  onText?: (linted: Linted, index: number, text: string) => void,
): Promise<Linted[]> {
  const linted: Linted[] = [];
  await eachLessonFile(files, async (result, i, text) => {
    const one = await lintFile(result, text);
    if (text !== undefined) onText?.(one, i, text);
    linted.push(one);
  });
  return linted;
}
