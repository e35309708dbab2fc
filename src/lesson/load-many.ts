/**
 * Loading many lesson files: read a few dozen at a time, parse one at a time.
 * Opening a pack of 1,000 at once ran past the default limit of open files
 * (1,024 on Linux, 256 on macOS), and every file past it became a bogus
 * EMFILE problem. Parsing is synchronous work: between two files the event
 * loop gets a turn, so Ctrl-C during a long load is handled at once, not
 * after a batch of finished reads has been parsed.
 */
import { loadLessonSource, readLessonFile, type LoadResult } from './load.js';

const READS_AT_ONCE = 32;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The files' results, in the order of `files`; `onText` sees each text that is parsed. */
export async function loadLessonFiles(files: readonly string[], onText?: (index: number, text: string) => void): Promise<LoadResult[]> {
  // Only the reads in flight are held: a parsed file's text is let go at once.
  const reads = new Map<number, ReturnType<typeof readLessonFile>>();
  const startRead = (i: number) => {
    if (i < files.length) reads.set(i, readLessonFile(files[i]!));
  };
  for (let i = 0; i < READS_AT_ONCE; i++) startRead(i);
  const results: LoadResult[] = [];
  for (let i = 0; i < files.length; i++) {
    const read = await reads.get(i)!;
    reads.delete(i);
    startRead(i + READS_AT_ONCE);
    if ('text' in read) onText?.(i, read.text);
    results.push('text' in read ? await loadLessonSource(read.text, files[i]!) : read);
    await turn();
  }
  return results;
}
