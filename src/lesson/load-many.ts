/**
 * Loading many lesson files a few dozen at a time. Opening a pack of 1,000
 * at once ran past the default limit of open files (1,024 on Linux, 256 on
 * macOS), and every file past it became a bogus EMFILE problem.
 */
import { loadLessonFile, type LoadResult } from './load.js';

const AT_ONCE = 32;

/** The files' results, in the order of `files`. */
export async function loadLessonFiles(files: readonly string[]): Promise<LoadResult[]> {
  const results: LoadResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await loadLessonFile(files[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, files.length) }, worker));
  return results;
}
