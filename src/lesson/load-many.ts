/**
 * Loading many lesson files, one at a time: read (synchronously, one file
 * open at a time: opening a pack of 1,000 at once once ran past the limit of
 * open files, and a few dozen reads in flight through the thread pool cost
 * ~20 ms more of the main thread's time for 200 files than reading each in
 * turn), then parsed. Parsing is synchronous work: between two files the
 * event loop gets a turn, so Ctrl-C during a long load is handled at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { addPhase } from '../text/phases.js';
import { type FileBytes, loadLessonSource, readLessonFileSync, type LoadResult } from './load.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Larger files are loaded in a worker thread when the caller allows it (a
 * lesson start, which must answer Ctrl-C at once): a file this size takes
 * about 100 ms of synchronous parsing on an idle machine, a 1 MiB one
 * seconds. Starting the worker costs ~50 ms, repaid by files this large.
 */
const OFF_THREAD_CHARS = 128 * 1024;

/** The worker's file, once the build made it; from source (tests) there is none. */
function workerFile(): string | undefined {
  const file = join(packageRoot(), 'dist', 'lazy', 'lesson-worker.cjs');
  return existsSync(file) ? file : undefined;
}

/** The file loaded in a worker thread: its lesson and problems, not its document (`locate`, `nodeAt`). */
async function loadOffThread(script: string, text: string, file: string): Promise<LoadResult> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(script);
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the lesson worker ended (exit ${code})`)));
      worker.postMessage({ text, file });
    });
  } finally {
    void worker.terminate();
  }
}

export interface EachOptions {
  /** Load large files in a worker thread (their results then have no `locate` nor `nodeAt`). */
  offThread?: boolean;
  /**
   * A cheaper way to deal with a file's text, tried first (lint's fast path
   * for clean files): when it returns true the file is done and is neither
   * loaded nor visited.
   */
  quick?: (text: string, index: number, read: FileBytes) => Promise<boolean>;
}

/**
 * Each file's result, in the order of `files`, handed to `visit` with the
 * text that was parsed (none when the file could not be read). Only the file
 * being read and the result being visited are held: a caller that keeps what
 * it needs of each result (lint) lets every parsed document go.
 */
export async function eachLessonFile(
  files: readonly string[],
  visit: (result: LoadResult, index: number, text: string | undefined, read?: FileBytes) => Promise<void> | void,
  opts: EachOptions = {},
): Promise<void> {
  const script = opts.offThread ? workerFile() : undefined;
  for (let i = 0; i < files.length; i++) {
    const waited = performance.now();
    const read = readLessonFileSync(files[i]!);
    addPhase('read', performance.now() - waited);
    if (!('text' in read)) await visit(read, i, undefined);
    else if (!(await opts.quick?.(read.text, i, read))) {
      const big = script !== undefined && read.text.length > OFF_THREAD_CHARS;
      await visit(await (big ? loadOffThread(script, read.text, files[i]!) : loadLessonSource(read.text, files[i]!)), i, read.text, read);
    }
    await turn();
  }
}

/** The files' results, in the order of `files`; `onText` sees each text that is parsed. */
export async function loadLessonFiles(
  files: readonly string[],
  onText?: (index: number, text: string) => void,
  opts: EachOptions = {},
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  await eachLessonFile(
    files,
    (result, i, text) => {
      if (text !== undefined) onText?.(i, text);
      results.push(result);
    },
    opts,
  );
  return results;
}
