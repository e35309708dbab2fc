/**
 * The bytes of a progress file, kept lesson by lesson, so that a save
 * re-encodes only the lessons it changed: its cost then follows the size of
 * the lesson being worked through, not of the learner's whole history. The
 * bytes are always those ./format.ts's `encode` gives for the same progress.
 * They stay in parts, written as they are (writev): joining them would copy
 * the whole file into a new buffer at every save.
 */
import { fileHead, fileTail, lessonEntry, lessonOrder } from './format.js';
import type { Progress } from './types.js';

export interface EncodedFile {
  /** The file's bytes, in order. */
  parts: readonly Buffer[];
  size: number;
  /** Each lesson's entry, one of `parts`. */
  entries: ReadonlyMap<string, Buffer>;
}

/**
 * What a change to the progress touched: only the lessons named (and perhaps
 * the learner id), or, when undefined, anything.
 */
export type Touched = ReadonlySet<string> | undefined;

const COMMA = Buffer.from(',');

/**
 * The file for `progress`. With `before`, the lessons' entries as encoded
 * before a change that touched only `touched`, the other lessons' entries
 * are taken from it as they are.
 */
export function encodeFile(progress: Progress, before?: ReadonlyMap<string, Buffer>, touched?: Touched): EncodedFile {
  const reusable = touched === undefined ? undefined : before;
  const entries = new Map<string, Buffer>();
  const parts: Buffer[] = [Buffer.from(fileHead(progress), 'utf8')];
  for (const id of lessonOrder(progress)) {
    let entry = touched?.has(id) ? undefined : reusable?.get(id);
    entry ??= Buffer.from(lessonEntry(id, progress.lessons.get(id)!), 'utf8');
    if (entries.size > 0) parts.push(COMMA);
    entries.set(id, entry);
    parts.push(entry);
  }
  parts.push(Buffer.from(fileTail(progress), 'utf8'));
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
