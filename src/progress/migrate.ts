/**
 * Old progress files are upgraded, not discarded: a learner who updates
 * kube-learn keeps every settled step.
 *
 * `MIGRATIONS[n]` turns a version-n document into a version-(n + 1) one.
 * When the format changes, add the step here, bump FORMAT_VERSION, and keep
 * the last file of the old version as test/fixtures/progress/v<n>.json.
 */
import { FORMAT_VERSION } from './types.js';

export type Doc = Record<string, unknown>;
export type Migration = (doc: Doc) => Doc;

/**
 * 1 -> 2: every lesson gains `tries` (wrong tries at unsettled steps; v1 kept
 * none, so it starts empty). The learner id is not made up here: a migration
 * runs on every read until the file is rewritten, and the id must not change
 * between reads; the first lesson run stores one.
 */
function v1ToV2(doc: Doc): Doc {
  return withEachLesson(doc, (lesson) => ({ ...lesson, tries: {} }));
}

/**
 * 2 -> 3: every lesson gains `cards` (the review schedule), empty: the cards
 * of questions settled before are derived from their records on first use
 * (./cards.ts), which needs the scheduler; a migration runs on every read
 * of an old file, lesson starts included, and must stay cheap.
 */
function v2ToV3(doc: Doc): Doc {
  return withEachLesson(doc, (lesson) => ({ ...lesson, cards: {} }));
}

/**
 * 3 -> 4: the file gains `due`, derived from the cards at every write and
 * never read back as progress (./format.ts): nothing to change.
 */
function v3ToV4(doc: Doc): Doc {
  return doc;
}

/** `doc` with `change` applied to each lesson that is an object; anything malformed is left for the shape check, which names the field. */
function withEachLesson(doc: Doc, change: (lesson: Doc) => Doc): Doc {
  const lessons = doc.lessons;
  if (!isObject(lessons)) return doc;
  const out: Doc = {};
  for (const [id, lesson] of Object.entries(lessons)) {
    const value = isObject(lesson) ? change(lesson) : lesson;
    Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
  }
  return { ...doc, lessons: out };
}

/** A JSON object: not null, not an array. */
export function isObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4 };

/**
 * Runs the chain from `from` up to `to`. Throws on a gap in the chain (a
 * programming error) or when a step finds a document it cannot read; the
 * caller treats that as a corrupt file.
 */
export function migrate(doc: Doc, from: number, to: number = FORMAT_VERSION, chain: Readonly<Record<number, Migration>> = MIGRATIONS): Doc {
  let current = doc;
  for (let v = from; v < to; v++) {
    const step = chain[v];
    if (!step) throw new Error(`no migration from progress format ${v} to ${v + 1}`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
