/**
 * One lesson's progress, read from the file without parsing the other
 * lessons: what a lesson start needs before its first prompt (the learner,
 * the lesson's record, and when the other lessons' cards fall due). Reading
 * the whole file costs more with every lesson taken: parsing and checking a
 * course's history (~110 kB) took ~4 ms of a start, and its garbage one or
 * two more collections.
 *
 * Only the layout ./format.ts writes is read here (a line per lesson, and
 * `due` for every lesson); anything else gives undefined: another layout of
 * the same document, an older version, a lesson whose cards are not all
 * made yet, a line that is not what it should be. The caller then reads the
 * file whole, which reports whatever is wrong with it. The other lessons'
 * lines are not checked here; the first save reads the whole file before it
 * writes, as every save does.
 */
import { isObject } from './migrate.js';
import { checkLesson, isLearnerId } from './shape.js';
import { FORMAT_VERSION, type LessonRecord } from './types.js';

export interface LessonRead {
  learner?: string;
  /** The lesson's record; none when the file holds no progress in it. */
  record?: LessonRecord;
  /** When each card of every other lesson falls due (ms since the epoch), by lesson id. */
  dueElsewhere: ReadonlyMap<string, readonly number[]>;
}

const HEAD_END = ',"lessons":{';
const TAIL = '}}';
const NEWLINE = 0x0a;
const COMMA = 0x2c;

/**
 * Works on the file's bytes: only the head and the lesson's own line are
 * decoded (a whole course's history as a string was ~80 kB more of the
 * young generation to fill before the first prompt, and to decode).
 */
export function readLesson(bytes: Buffer, lessonId: string): LessonRead | undefined {
  const headEnd = bytes.indexOf(NEWLINE);
  const head = headEnd === -1 ? undefined : headOf(bytes.toString('utf8', 0, headEnd));
  if (!head) return undefined;
  const ids = [...head.due.keys()];
  const n = ids.length;
  // The head, a line per lesson (every one with its `due`), the closing braces, and nothing after the last line break.
  const ends = [headEnd];
  for (let at = bytes.indexOf(NEWLINE, headEnd + 1); at !== -1 && ends.length <= n + 2; at = bytes.indexOf(NEWLINE, at + 1)) ends.push(at);
  if (ends.length !== n + 2 || ends[n + 1] !== bytes.length - 1 || bytes.toString('utf8', ends[n]! + 1, ends[n + 1]) !== TAIL) {
    return undefined;
  }
  let record: LessonRecord | undefined;
  for (let i = 0; i < n; i++) {
    const start = ends[i]! + 1;
    const end = ends[i + 1]!;
    const name = `${JSON.stringify(ids[i])}:`;
    const nameEnd = start + Buffer.byteLength(name);
    const last = i === n - 1;
    if (nameEnd > end || bytes.toString('utf8', start, nameEnd) !== name || (bytes[end - 1] === COMMA) === last) return undefined;
    if (ids[i] !== lessonId) continue;
    const value = parse(bytes.toString('utf8', nameEnd, last ? end : end - 1));
    record = value === undefined ? undefined : checkLesson(value, lessonId);
    if (!record) return undefined;
  }
  head.due.delete(lessonId);
  return head.learner === undefined ? { record, dueElsewhere: head.due } : { learner: head.learner, record, dueElsewhere: head.due };
}

/** The first line's version, learner and `due`, if they are this version's and well formed. */
function headOf(line: string): { learner?: string; due: Map<string, number[]> } | undefined {
  if (!line.startsWith(`{"version":${FORMAT_VERSION},`) || !line.endsWith(HEAD_END)) return undefined;
  const doc = parse(`${line.slice(0, -HEAD_END.length)}}`);
  if (!isObject(doc) || doc.version !== FORMAT_VERSION || !isObject(doc.due)) return undefined;
  if (doc.learner !== undefined && !isLearnerId(doc.learner)) return undefined;
  const due = new Map<string, number[]>();
  for (const id of Object.keys(doc.due)) {
    const times = doc.due[id];
    if (!Array.isArray(times)) return undefined;
    for (const t of times) if (!Number.isSafeInteger(t)) return undefined;
    due.set(id, times);
  }
  return doc.learner === undefined ? { due } : { learner: doc.learner, due };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
