/**
 * A worker thread for `kube-learn lint` of a large pack: it lints the files
 * it is sent (./lint-file.ts) while the main thread lints the others, so the
 * YAML parser, lint's main cost, runs on two cores. Built as
 * dist/lazy/lint-worker.cjs; it answers one message and ends.
 */
import { parentPort } from 'node:worker_threads';
import { phaseTotals } from '../text/phases.js';
import { lintFiles } from './lint-file.js';

parentPort?.once('message', async (files: string[]) => {
  const linted = await lintFiles(files);
  parentPort!.postMessage({ linted, phases: phaseTotals() });
});
