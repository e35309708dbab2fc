/**
 * The bytes of a progress file, kept lesson by lesson, so that a save
 * re-encodes only the lessons it changed: its cost then follows the size of
 * the lesson being worked through, not of the learner's whole history. The
 * bytes are always those ./format.ts's `encode` gives for the same progress.
 * They stay in parts, written as they are (writev): joining them would copy
 * the whole file into a new buffer at every save.
 */
import { DUE_END, dueEntry, fileHead, fileTail, lessonEntry, lessonOrder } from './format.js';
import type { Progress } from './types.js';

/** One lesson's parts of the file: its line, and its part of the head's `due` (empty when it has none). */
export interface LessonParts {
  entry: Buffer;
  due: Buffer;
}

export interface EncodedFile {
  /** The file's bytes, in order. */
  parts: readonly Buffer[];
  size: number;
  /** Each lesson's parts; both are among `parts`. */
  entries: ReadonlyMap<string, LessonParts>;
}

/**
 * What a change to the progress touched: only the lessons named (and perhaps
 * the learner id), or, when undefined, anything.
 */
export type Touched = ReadonlySet<string> | undefined;

const COMMA = Buffer.from(',');
const DUE_END_BYTES = Buffer.from(DUE_END);

/**
 * The file for `progress`. With `before`, the lessons' parts as encoded
 * before a change that touched only `touched`, the other lessons' parts are
 * taken from it as they are; only the start of the head (version, learner)
 * is made again.
 */
export function encodeFile(progress: Progress, before?: ReadonlyMap<string, LessonParts>, touched?: Touched): EncodedFile {
  const reusable = touched === undefined ? undefined : before;
  const entries = new Map<string, LessonParts>();
  const head: Buffer[] = [Buffer.from(fileHead(progress), 'utf8')];
  const lines: Buffer[] = [];
  for (const id of lessonOrder(progress)) {
    let lesson = touched?.has(id) ? undefined : reusable?.get(id);
    if (lesson === undefined) {
      const record = progress.lessons.get(id)!;
      lesson = { entry: Buffer.from(lessonEntry(id, record), 'utf8'), due: Buffer.from(dueEntry(id, record), 'utf8') };
    }
    entries.set(id, lesson);
    if (lesson.due.length > 0) {
      if (head.length > 1) head.push(COMMA);
      head.push(lesson.due);
    }
    if (lines.length > 0) lines.push(COMMA);
    lines.push(lesson.entry);
  }
  const parts = [...head, DUE_END_BYTES, ...lines, Buffer.from(fileTail(), 'utf8')];
  let size = 0;
  for (const part of parts) size += part.length;
  return { parts, size, entries };
}

/** Whether `bytes` are exactly the file's. */
export function sameBytes(file: EncodedFile, bytes: Uint8Array): boolean {
  if (bytes.length !== file.size) return false;
  let at = 0;
  for (const part of file.parts) {
    if (part.compare(bytes, at, at + part.length) !== 0) return false;
    at += part.length;
  }
  return true;
}
