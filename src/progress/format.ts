/**
 * The progress file format, in memory and on disk.
 *
 * On disk (version 3):
 *   { "version": 3, "learner"?: hex id (seeds the order of options),
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
 * Every change to what is written bumps FORMAT_VERSION, adds a migration in
 * ./migrate.ts and a fixture under test/fixtures/progress/; a reader drops
 * fields it does not know, so an unversioned addition would be lost.
 */
import { migrate } from './migrate.js';
import { checkShape } from './shape.js';
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
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { kind: 'corrupt', reason: 'not a JSON object' };
  }
  const version = (doc as Record<string, unknown>).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'corrupt', reason: 'no integer "version" field' };
  }
  if (version > FORMAT_VERSION) return { kind: 'newer', version };
  let current: Record<string, unknown>;
  try {
    current = migrate(doc as Record<string, unknown>, version);
  } catch (err) {
    return { kind: 'corrupt', reason: `version ${version} could not be read (${firstLine((err as Error).message)})` };
  }
  const checked = checkShape(current);
  if (!checked.ok) return { kind: 'corrupt', reason: checked.problem };
  return version === FORMAT_VERSION
    ? { kind: 'ok', progress: checked.progress }
    : { kind: 'ok', progress: checked.progress, migratedFrom: version };
}

/** The text written to disk: stable field order, so files diff well. */
export function encode(progress: Progress): string {
  return `${fileHead(progress)}${lessonOrder(progress)
    .map((id) => lessonEntry(id, progress.lessons.get(id)!))
    .join(',')}${fileTail(progress)}`;
}

/*
 * The text is `JSON.stringify(document, null, 2)` and a newline, written in
 * parts: the head, each lesson's entry (in lessonOrder, joined by commas),
 * the tail. A lesson's entry depends on that lesson alone, so a save can
 * keep the entries of the lessons it did not change (./encoded-file.ts).
 */

/** Up to the lessons' opening brace: the version and the learner. */
export function fileHead(progress: Progress): string {
  const learner = progress.learner === undefined ? '' : `\n  "learner": ${JSON.stringify(progress.learner)},`;
  return `{\n  "version": ${FORMAT_VERSION},${learner}\n  "lessons": {`;
}

/** After the last lesson's entry. */
export function fileTail(progress: Progress): string {
  return progress.lessons.size === 0 ? '}\n}\n' : '\n  }\n}\n';
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

/** One lesson's `"id": {...}` with its leading line break, indented to its depth in the file. */
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
  // Stringified where it sits in the file, under "lessons", and cut out: JSON.stringify indents it.
  const lessons: Record<string, unknown> = {};
  define(lessons, id, out);
  return JSON.stringify({ lessons }, null, 2).slice(LESSONS_OPEN.length, -LESSONS_CLOSE.length);
}

const LESSONS_OPEN = '{\n  "lessons": {';
const LESSONS_CLOSE = '\n  }\n}';

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
