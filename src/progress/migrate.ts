/**
 * Old progress files are upgraded, not discarded: a learner who updates
 * kube-learn keeps every settled step.
 *
 * `MIGRATIONS[n]` turns a version-n document into a version-(n + 1) one.
 * Version 1 is the only released format, so the chain is empty today; when
 * the format changes, add the step here, bump FORMAT_VERSION, and keep the
 * last file of the old version as test/fixtures/progress/v<n>.json.
 */
import { FORMAT_VERSION } from './types.js';

export type Doc = Record<string, unknown>;
export type Migration = (doc: Doc) => Doc;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Runs the chain from `from` up to `to`. Throws on a gap in the chain (a
 * programming error) or when a step finds a document it cannot read; the
 * caller treats that as a corrupt file.
 */
export function migrate(
  doc: Doc,
  from: number,
  to: number = FORMAT_VERSION,
  chain: Readonly<Record<number, Migration>> = MIGRATIONS,
): Doc {
  let current = doc;
  for (let v = from; v < to; v++) {
    const step = chain[v];
    if (!step) throw new Error(`no migration from progress format ${v} to ${v + 1}`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
