/**
 * The lessons of a --lessons folder, through the lesson cache
 * (./lesson-cache.ts): every file is read and hashed at each start (reading
 * is cheap), and only a file whose name, size, mtime or text differs from
 * what the cache holds is parsed and validated (that is what costs). A start
 * then parses the JSON of the one lesson it takes.
 *
 * Files are read one at a time here, and a few dozen at a time by the loader
 * (./load-many.ts) when they must be parsed: never all at once.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readRegularBytesSync } from '../text/read-file.js';
import type { CourseLesson } from './course.js';
import type { FileProblem } from './file-problem.js';
import { type CacheEntry, type CacheOptions, type CacheRead, fileDigest, readCache, sameDigest, writeCache } from './lesson-cache.js';
import type { Lesson } from './schema.js';
import { MAX_FILE_BYTES } from './file-limit.js';

export interface FolderLessons {
  /** The folder's lessons (id, title, day), in file order. */
  course: CourseLesson[];
  /** What kept files from loading (warnings are lint's business). */
  problems: FileProblem[];
  /** A lesson by id (the last file that has it, as in the catalog). */
  lesson(id: string): Promise<Lesson | undefined>;
  /** Every lesson, in file order. */
  all(): Promise<Lesson[]>;
  /** How many files were parsed rather than taken from the cache, so far. */
  parsed(): number;
}

interface Slot {
  file: string;
  /** What the cache gets (unset: not cached, such as an unreadable file). */
  entry?: CacheEntry;
  problems: FileProblem[];
  summary?: CourseLesson;
  /** The lesson, when it was parsed in this run. */
  lesson?: Lesson;
  /** From the cache: its line of JSON, checked on use. */
  cached?: CacheRead;
}

function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

const summaryOf = ({ id, title, day }: CourseLesson): CourseLesson => (day === undefined ? { id, title } : { id, title, day });

/** From this many files on, a folder's files are hashed natively (see fileDigest). */
const NATIVE_FROM_FILES = 16;

/** `build`: what validated the lessons (the build's id: lessons cached by another build are validated again); none, no cache. */
export async function loadFolderLessons(
  dir: string,
  files: readonly string[],
  build: string | undefined,
  opts: CacheOptions = {},
): Promise<FolderLessons> {
  const key = resolve(dir);
  const cache = build === undefined ? undefined : readCache(key, build, opts);
  const known = new Map(cache?.index.files.map((f) => [f.name, f]));
  let parsedCount = 0;
  // Rewritten when absent, when a file it holds is gone, or when a file was parsed that it can keep:
  // not at every start because of a file it can never keep (unreadable, a FIFO).
  const names = new Set(files.map((f) => basename(f)));
  let dirty = build !== undefined && (cache === undefined || cache.index.files.some((f) => !names.has(f.name)));

  const slots: Slot[] = files.map((file) => ({ file, problems: [] }));
  const misses: number[] = [];
  for (const [i, slot] of slots.entries()) {
    const hit = cache && known.get(basename(slot.file));
    if (!hit) {
      misses.push(i);
      continue;
    }
    let read: ReturnType<typeof readRegularBytesSync>;
    try {
      read = readRegularBytesSync(slot.file, MAX_FILE_BYTES);
    } catch {
      misses.push(i);
      continue;
    }
    if (read.kind !== 'bytes' || hit.size !== read.size || hit.mtimeMs !== read.mtimeMs || !sameDigest(read.bytes, hit.hash)) {
      misses.push(i);
      continue;
    }
    // Named as this run names the file (the folder may have been given as another path to the same place).
    slot.problems = hit.problems.map((p) => ({ ...p, file: slot.file }));
    slot.cached = cache;
    if (hit.lesson) slot.summary = summaryOf(hit.lesson);
    slot.entry = { name: hit.name, size: hit.size, mtimeMs: hit.mtimeMs, hash: hit.hash, problems: hit.problems };
  }

  /** Parses and validates the slots `which`, keeping what the cache needs of each. */
  async function parse(which: readonly number[]): Promise<void> {
    if (which.length === 0) return;
    parsedCount += which.length;
    const { loadLessonFiles } = await import('./load-many.js');
    const texts: string[] = [];
    const results = await loadLessonFiles(
      which.map((i) => slots[i]!.file),
      (n, text) => (texts[n] = text),
      // A start must answer Ctrl-C while a large file loads.
      { offThread: true },
    );
    for (const [n, result] of results.entries()) {
      const slot = slots[which[n]!]!;
      slot.problems = result.problems.filter((p) => p.severity !== 'warning');
      slot.lesson = result.lesson;
      slot.cached = undefined;
      slot.summary = result.lesson && summaryOf(result.lesson);
      const text = texts[n];
      slot.entry = undefined;
      if (text === undefined) continue;
      // The hash is of the text parsed, as UTF-8: a file whose bytes differ (changed since, or not UTF-8) is parsed again next time.
      const info = statOf(slot.file);
      if (!info) continue;
      dirty = build !== undefined;
      slot.entry = {
        name: basename(slot.file),
        size: info.size,
        mtimeMs: info.mtimeMs,
        hash: fileDigest(Buffer.from(text), files.length > NATIVE_FROM_FILES ? 'sha1' : 'ours'),
        problems: slot.problems,
      };
    }
  }

  /** A cached slot's line, or undefined when the cache's line is corrupt. */
  const cachedLine = (slot: Slot): string | undefined => {
    const hit = known.get(basename(slot.file));
    return hit && slot.cached?.line(hit);
  };

  /** Rewrites the cache, after checking every cached line it copies (a corrupt one is parsed again). */
  async function save(): Promise<void> {
    if (!dirty || build === undefined) return;
    const corrupt = slots.flatMap((slot, i) => (slot.cached && slot.summary && cachedLine(slot) === undefined ? [i] : []));
    await parse(corrupt);
    const entries = slots.flatMap((slot): CacheEntry[] => {
      if (!slot.entry) return [];
      const line = slot.summary && (slot.lesson ? JSON.stringify(slot.lesson) : cachedLine(slot));
      return [{ ...slot.entry, ...(slot.summary && line !== undefined ? { lesson: slot.summary, line } : {}) }];
    });
    writeCache(key, build, entries, opts);
    dirty = false;
  }

  await parse(misses);
  await save();

  async function lessonOf(i: number): Promise<Lesson | undefined> {
    const slot = slots[i]!;
    if (slot.lesson || !slot.summary) return slot.lesson;
    const line = cachedLine(slot);
    if (line !== undefined) return JSON.parse(line) as Lesson;
    // A corrupt entry: parsed again, and the cache rewritten without it.
    await parse([i]);
    dirty = true;
    await save();
    return slot.lesson;
  }

  return {
    get course() {
      return slots.flatMap((s) => (s.summary ? [s.summary] : []));
    },
    get problems() {
      return slots.flatMap((s) => s.problems);
    },
    async lesson(id) {
      const i = slots.findLastIndex((s) => s.summary?.id === id);
      return i < 0 ? undefined : lessonOf(i);
    },
    async all() {
      const out: Lesson[] = [];
      for (let i = 0; i < slots.length; i++) {
        const lesson = await lessonOf(i);
        if (lesson) out.push(lesson);
      }
      return out;
    },
    parsed: () => parsedCount,
  };
}
