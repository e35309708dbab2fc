/**
 * The progress file format, in memory and on disk.
 *
 * On disk (version 4), one JSON document:
 *   { "version": 4, "learner"?: hex id (seeds the order of options),
 *     "due": { "<lesson id>": [ms since the epoch...] },
 *     "lessons": { "<lesson id>": {
 *        "started": ISO time, "updated": ISO time, "finished"?: ISO time,
 *        "steps": { "<step id>": { "type", "status", "attempts", "firstTry",
 *                                  "revealed", "answer"?, "settledAt", "spentMs" } },
 *        "drafts"?: { "<step id>": { "answer", "savedAt" } },
 *        "tries": { "<step id>": { "attempts", "picks": [answer...], "savedAt" } },
 *        "cards": { "<step id>": { "type", "due", "stability", "difficulty", "scheduledDays",
 *                                  "learningSteps", "reps", "lapses", "state", "lastReview"? } } } } }
 * (`cards`: the review schedule of each settled question, an FSRS card; ./cards.ts.)
 *
 * `due` is derived, never read back as progress: the due time of each card
 * of each lesson whose every settled question has its card, so that a lesson
 * start can say how many questions are due without reading the other
 * lessons. For the same reason the text is laid out a line per lesson
 * (./lesson-read.ts reads one lesson's line); any other layout of the same
 * document reads the same, only slower.
 *
 * Every change to what is written bumps FORMAT_VERSION, adds a migration in
 * ./migrate.ts and a fixture under test/fixtures/progress/; a reader drops
 * fields it does not know, so an unversioned addition would be lost.
 */
import { isObject, migrate } from './migrate.js';
import { checkShape } from './shape.js';
import { lessonLacksCards } from './cards.js';
import { FORMAT_VERSION, type LessonRecord, type Progress, type ReviewCard, type StepRecord } from './types.js';

export type Decoded =
  | { kind: 'ok'; progress: Progress; migratedFrom?: number }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number };

/** Reads the text of a progress file of any released version. Never throws. */
export function decode(text: string): Decoded {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { kind: 'corrupt', reason: `not JSON (${firstLine((err as Error).message)})` };
  }
  if (!isObject(doc)) return { kind: 'corrupt', reason: 'not a JSON object' };
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'corrupt', reason: 'no integer "version" field' };
  }
  if (version > FORMAT_VERSION) return { kind: 'newer', version };
  let current: Record<string, unknown>;
  try {
    current = migrate(doc, version);
  } catch (err) {
    return { kind: 'corrupt', reason: `version ${version} could not be read (${firstLine((err as Error).message)})` };
  }
  const checked = checkShape(current);
  if (!checked.ok) return { kind: 'corrupt', reason: checked.problem };
  return version === FORMAT_VERSION
    ? { kind: 'ok', progress: checked.progress }
    : { kind: 'ok', progress: checked.progress, migratedFrom: version };
}

/** The text written to disk: stable field order, a line per lesson. */
export function encode(progress: Progress): string {
  const ids = lessonOrder(progress);
  const lessons = ids.map((id) => progress.lessons.get(id)!);
  const dues = ids.map((id, i) => dueEntry(id, lessons[i]!)).filter((e) => e !== '');
  return `${fileHead(progress)}${dues.join(',')}${DUE_END}${ids.map((id, i) => lessonEntry(id, lessons[i]!)).join(',')}${fileTail()}`;
}

/*
 * The text, in parts: the head (the first line: the version, the learner,
 * `due` with each lesson's dueEntry, the opening brace of `lessons`), each
 * lesson's entry (a line break and the lesson on one line, in lessonOrder,
 * joined by commas), the tail. A lesson's entry and its dueEntry depend on
 * that lesson alone, so a save can keep those of the lessons it did not
 * change (./encoded-file.ts). JSON.stringify never puts a line break inside
 * a line: it escapes those in strings.
 */

/** The first line up to `due`'s entries (joined by commas, empty ones left out): the version and the learner. */
export function fileHead(progress: Progress): string {
  const learner = progress.learner === undefined ? '' : `,"learner":${JSON.stringify(progress.learner)}`;
  return `{"version":${FORMAT_VERSION}${learner},"due":{`;
}

/** After `due`'s entries, before the first lesson's entry: the end of the first line. */
export const DUE_END = '},"lessons":{';

/** After the last lesson's entry. */
export function fileTail(): string {
  return '\n}}\n';
}

/**
 * The order of the lessons in the file: JSON's, as an object's keys
 * enumerate (ids that are array indices first, ascending; then the others as
 * inserted), which is also the order a file read back has.
 */
export function lessonOrder(progress: Progress): string[] {
  const keys: Record<string, unknown> = {};
  for (const id of progress.lessons.keys()) define(keys, id, true);
  return Object.keys(keys);
}

/** One lesson's line: `\n"id":{...}`. */
export function lessonEntry(id: string, lesson: LessonRecord): string {
  const steps: Record<string, unknown> = {};
  for (const [stepId, s] of lesson.steps) {
    define(steps, stepId, encodeStep(s));
  }
  const out: Record<string, unknown> = { started: lesson.started, updated: lesson.updated };
  if (lesson.finished !== undefined) out.finished = lesson.finished;
  out.steps = steps;
  if (lesson.drafts.size > 0) {
    const drafts: Record<string, unknown> = {};
    for (const [stepId, d] of lesson.drafts) define(drafts, stepId, { answer: d.answer, savedAt: d.savedAt });
    out.drafts = drafts;
  }
  const tries: Record<string, unknown> = {};
  for (const [stepId, t] of lesson.tries) define(tries, stepId, { attempts: t.attempts, picks: t.picks, savedAt: t.savedAt });
  out.tries = tries;
  const cards: Record<string, unknown> = {};
  for (const [stepId, c] of lesson.cards) define(cards, stepId, encodeCard(c));
  out.cards = cards;
  return `\n${JSON.stringify(id)}:${JSON.stringify(out)}`;
}

/**
 * A lesson's part of `due`: `"id":[when each card falls due]`, or nothing
 * when a settled question of the lesson has no card of its type yet (a file
 * from before cards): its cards are then derived when the file is read whole.
 * Times in ms since the epoch: what a due count compares, without a
 * Date.parse for each card (~2 µs each in a start's cold code, ~150 of them
 * for the course).
 */
export function dueEntry(id: string, lesson: LessonRecord): string {
  if (lessonLacksCards(lesson)) return '';
  const times: number[] = [];
  for (const card of lesson.cards.values()) times.push(Date.parse(card.due));
  return `${JSON.stringify(id)}:${JSON.stringify(times)}`;
}

/** An own property even for `__proto__`, which plain assignment would turn into a prototype. */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function encodeStep(s: StepRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: s.type,
    status: s.status,
    attempts: s.attempts,
    firstTry: s.firstTry,
    revealed: s.revealed,
  };
  if (s.answer !== undefined) out.answer = s.answer;
  out.settledAt = s.settledAt;
  out.spentMs = s.spentMs;
  return out;
}

function encodeCard(c: ReviewCard): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: c.type,
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.lastReview !== undefined) out.lastReview = c.lastReview;
  return out;
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0] ?? s;
}
