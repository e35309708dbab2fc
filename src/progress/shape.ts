/**
 * The shape check of a current-version progress document.
 *
 * Hand-written rather than zod: the format is a dozen fields, the store is
 * imported by `list` and by every settled step, and zod costs ~100 ms to
 * import; this also lets each problem name the exact field
 * (`lessons.day4.steps.pod-image.attempts`) in the one-line report.
 */
import { STEP_STATUSES, type StepStatus } from '../lesson/outcome.js';
import {
  CARD_STATES,
  type CardState,
  type Draft,
  type LessonRecord,
  type Progress,
  type ReviewCard,
  type StepRecord,
  type Tries,
} from './types.js';

export type ShapeResult = { ok: true; progress: Progress } | { ok: false; problem: string };

class ShapeError extends Error {}

export function checkShape(doc: Record<string, unknown>): ShapeResult {
  try {
    const lessons = new Map<string, LessonRecord>();
    const raw = object(doc.lessons, 'lessons');
    for (const id of Object.keys(raw)) lessons.set(id, lessonRecord(raw[id], `lessons.${key(id)}`));
    const progress: Progress = { lessons };
    if (doc.learner !== undefined) {
      if (!isLearnerId(doc.learner)) fail('learner', 'a hex id');
      progress.learner = doc.learner;
    }
    return { ok: true, progress };
  } catch (err) {
    if (err instanceof ShapeError) return { ok: false, problem: err.message };
    throw err;
  }
}

export function isLearnerId(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{8,64}$/.test(v);
}

/** One lesson's record, checked as checkShape checks it; undefined when anything is wrong (checkShape names it). */
export function checkLesson(raw: unknown, id: string): LessonRecord | undefined {
  try {
    return lessonRecord(raw, `lessons.${key(id)}`);
  } catch (err) {
    if (err instanceof ShapeError) return undefined;
    throw err;
  }
}

/**
 * Where a record is, as a problem names it (`lessons.day4.steps.pod-image`),
 * put together only for a problem: a whole course's progress holds hundreds
 * of records, and building each path (escaping its id) up front was most of
 * the garbage of checking it, before a lesson's first prompt.
 */
class At {
  constructor(
    private readonly base: string,
    private readonly group: string,
    private readonly id: string,
  ) {}

  toString(): string {
    return `${this.base}.${this.group}.${key(this.id)}`;
  }
}

/**
 * Each record of an object of records, made by `make` (`at` names the
 * object); the keys as Object.keys gives them, without the [key, value]
 * pair Object.entries makes for each.
 */
function records<T>(raw: unknown, base: string, group: string, make: (value: unknown, at: At) => T): Map<string, T> {
  const o = object(raw, `${base}.${group}`);
  const out = new Map<string, T>();
  for (const id of Object.keys(o)) out.set(id, make(o[id], new At(base, group, id)));
  return out;
}

function lessonRecord(raw: unknown, at: string): LessonRecord {
  const o = object(raw, at);
  const steps = records(o.steps, at, 'steps', stepRecord);
  const drafts = o.drafts === undefined ? new Map<string, Draft>() : records(o.drafts, at, 'drafts', draft);
  const tries = records(o.tries, at, 'tries', triesRecord);
  const cards = records(o.cards, at, 'cards', card);
  const record: LessonRecord = {
    started: time(o.started, at, 'started'),
    updated: time(o.updated, at, 'updated'),
    steps,
    drafts,
    tries,
    cards,
  };
  if (o.finished !== undefined) record.finished = time(o.finished, at, 'finished');
  return record;
}

function stepRecord(raw: unknown, at: At): StepRecord {
  const o = object(raw, at);
  if (typeof o.type !== 'string' || o.type === '') fail(at, 'a step type', 'type');
  if (!STEP_STATUSES.includes(o.status as StepStatus)) fail(at, `one of ${STEP_STATUSES.join(', ')}`, 'status');
  const record: StepRecord = {
    type: o.type,
    status: o.status as StepStatus,
    attempts: count(o.attempts, at, 'attempts'),
    firstTry: bool(o.firstTry, at, 'firstTry'),
    revealed: bool(o.revealed, at, 'revealed'),
    settledAt: time(o.settledAt, at, 'settledAt'),
    spentMs: count(o.spentMs, at, 'spentMs'),
  };
  if (o.answer !== undefined) record.answer = answer(o.answer, at, 'answer');
  return record;
}

function draft(raw: unknown, at: At): Draft {
  const o = object(raw, at);
  if (typeof o.answer !== 'string') fail(at, 'a text', 'answer');
  return { answer: o.answer, savedAt: time(o.savedAt, at, 'savedAt') };
}

function triesRecord(raw: unknown, at: At): Tries {
  const o = object(raw, at);
  if (!Array.isArray(o.picks)) fail(at, 'a list', 'picks');
  const picks = o.picks.map((p, i) => answer(p, at, `picks.${i}`));
  return { attempts: count(o.attempts, at, 'attempts'), picks, savedAt: time(o.savedAt, at, 'savedAt') };
}

function card(raw: unknown, at: At): ReviewCard {
  const o = object(raw, at);
  if (typeof o.type !== 'string' || o.type === '') fail(at, 'a step type', 'type');
  if (!CARD_STATES.includes(o.state as CardState)) fail(at, `one of ${CARD_STATES.join(', ')}`, 'state');
  const c: ReviewCard = {
    type: o.type,
    due: time(o.due, at, 'due'),
    stability: amount(o.stability, at, 'stability'),
    difficulty: amount(o.difficulty, at, 'difficulty'),
    scheduledDays: count(o.scheduledDays, at, 'scheduledDays'),
    learningSteps: count(o.learningSteps, at, 'learningSteps'),
    reps: count(o.reps, at, 'reps'),
    lapses: count(o.lapses, at, 'lapses'),
    state: o.state as CardState,
  };
  if (o.lastReview !== undefined) c.lastReview = time(o.lastReview, at, 'lastReview');
  return c;
}

function object(raw: unknown, at: string | At): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(at, 'an object');
  return raw as Record<string, unknown>;
}

function count(raw: unknown, at: string | At, field: string): number {
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw < 0) fail(at, 'a whole number >= 0', field);
  return raw;
}

function amount(raw: unknown, at: string | At, field: string): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) fail(at, 'a number >= 0', field);
  return raw;
}

function bool(raw: unknown, at: string | At, field: string): boolean {
  if (typeof raw !== 'boolean') fail(at, 'true or false', field);
  return raw;
}

function time(raw: unknown, at: string | At, field: string): string {
  if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) fail(at, 'a date and time', field);
  return raw;
}

function answer(raw: unknown, at: string | At, field: string): string | string[] {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.every((a) => typeof a === 'string')) return [...raw];
  fail(at, 'a text or a list of texts', field);
}

/** An id as it may appear in a one-line message: anything but printable ASCII escaped, and cut short. */
function key(id: string): string {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(id)) return id;
  const escaped = [...id.slice(0, 40)]
    .map((c) => (/^[\x20-\x7e]$/.test(c) && c !== '"' && c !== '\\' ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`))
    .join('');
  return `"${escaped}${id.length > 40 ? '...' : ''}"`;
}

/**
 * `at` names a record, `field` one of its fields: the path is put together
 * only for a problem. A file holds thousands of fields, and building each
 * one's path up front made checking a whole course's progress (~100 kB)
 * cost twice as much, most of it garbage to collect, before the first prompt.
 */
function fail(at: string | At, expected: string, field?: string): never {
  throw new ShapeError(`${field === undefined ? at : `${at}.${field}`} should be ${expected}`);
}
