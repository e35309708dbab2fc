/**
 * A worker thread that loads one large lesson file (./load-many.ts sends it
 * the text): parsing and validating a file near the 1 MiB limit takes
 * seconds of synchronous work, during which the main thread could not
 * handle Ctrl-C. Built as dist/lazy/lesson-worker.cjs; it answers one
 * message and ends.
 */
import { parentPort } from 'node:worker_threads';
import { loadLessonSource } from './load.js';

parentPort?.once('message', async ({ text, file }: { text: string; file: string }) => {
  // Functions (locate, nodeAt) do not cross threads: the lesson and its problems do.
  const { lesson, problems } = await loadLessonSource(text, file);
  parentPort!.postMessage({ file, problems, ...(lesson ? { lesson } : {}) });
});
