/**
 * Loading many lesson files: read a few dozen at a time, parse one at a time.
 * Opening a pack of 1,000 at once ran past the default limit of open files
 * (1,024 on Linux, 256 on macOS), and every file past it became a bogus
 * EMFILE problem. Parsing is synchronous work: between two files the event
 * loop gets a turn, so Ctrl-C during a long load is handled at once, not
 * after a batch of finished reads has been parsed.
 */
import { addPhase } from '../text/phases.js';
import { loadLessonSource, readLessonFile, type LoadResult } from './load.js';

const READS_AT_ONCE = 32;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Each file's result, in the order of `files`, handed to `visit` with the
 * text that was parsed (none when the file could not be read). Only the reads
 * in flight and the result being visited are held: a caller that keeps what
 * it needs of each result (lint) lets every parsed document go.
 */
export async function eachLessonFile(
  files: readonly string[],
  visit: (result: LoadResult, index: number, text: string | undefined) => Promise<void> | void,
): Promise<void> {
  const reads = new Map<number, ReturnType<typeof readLessonFile>>();
  const startRead = (i: number) => {
    if (i < files.length) reads.set(i, readLessonFile(files[i]!));
  };
  for (let i = 0; i < READS_AT_ONCE; i++) startRead(i);
  for (let i = 0; i < files.length; i++) {
    const waited = performance.now();
    const read = await reads.get(i)!;
    addPhase('read', performance.now() - waited);
    reads.delete(i);
    startRead(i + READS_AT_ONCE);
    if ('text' in read) await visit(await loadLessonSource(read.text, files[i]!), i, read.text);
    else await visit(read, i, undefined);
    await turn();
  }
}

/** The files' results, in the order of `files`; `onText` sees each text that is parsed. */
export async function loadLessonFiles(files: readonly string[], onText?: (index: number, text: string) => void): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  await eachLessonFile(files, (result, i, text) => {
    if (text !== undefined) onText?.(i, text);
    results.push(result);
  });
  return results;
}
