/**
 * Validated lessons of a --lessons folder, kept between starts, so an
 * instructor's folder is parsed and checked once, not at every start (100
 * lessons took seconds). One file per folder in `$XDG_CACHE_HOME/kube-learn/`
 * (`~/.cache/kube-learn/`):
 *
 *   line 1: MAGIC and the SHA-1 of line 2
 *   line 2: the index: the build that validated the lessons, the folder,
 *           and per file its name, size, mtime, SHA-1 of its text, the
 *           problems that kept it from loading, and its lesson's id, title,
 *           day, line and that line's SHA-1
 *   then:   one lesson per line, as JSON
 *
 * A start parses the index and the one lesson it takes. A cache file is
 * trusted only when it is a regular file owned by the user in a folder owned
 * by the user, neither writable by group or others (anyone else could plant
 * lessons that skipped validation), and when its digests match: anything
 * else is ignored, as if absent, and rewritten. It is written to a temporary
 * file and renamed, so a reader sees the old file or the new one, whole.
 */
import { hash } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { CourseLesson } from './course.js';
import type { FileProblem } from './file-problem.js';

const MAGIC = 'kube-learn lesson cache 1';
/** Far above any folder's cache; a larger file is not read. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

export interface CachedFile {
  name: string;
  size: number;
  mtimeMs: number;
  hash: string;
  /** What kept the file from loading (warnings are not kept). */
  problems: FileProblem[];
  lesson?: CourseLesson & { line: number; digest: string };
}

export interface CacheIndex {
  build: string;
  dir: string;
  files: CachedFile[];
}

export interface CacheOptions {
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** The user the cache must belong to (tests pretend to be someone else); undefined where there are no uids. */
  uid?: number | undefined;
}

// One call, no Hash object: a folder of 100 lessons hashes 200 texts at each start.
export const sha1 = (text: string): string => hash('sha1', text, 'hex');

/** `$XDG_CACHE_HOME/kube-learn`, or `~/.cache/kube-learn`. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'kube-learn');
}

function cacheFile(dir: string, opts: CacheOptions): string {
  return join(cacheDir(opts.env, opts.home), `lessons-${sha1(dir).slice(0, 20)}.ndjson`);
}

/** Ours, and only ours to write: owned by `uid`, not writable by group or others. */
function trusted(info: { uid: number; mode: number }, uid: number | undefined): boolean {
  return (uid === undefined || info.uid === uid) && (info.mode & 0o022) === 0;
}

const defaultUid = (): number | undefined => process.getuid?.();

function trustedFolder(folder: string, uid: number | undefined): boolean {
  try {
    const info = lstatSync(folder);
    return info.isDirectory() && trusted(info, uid);
  } catch {
    return false;
  }
}

function readTrusted(file: string, uid: number | undefined): string | undefined {
  let fd: number;
  try {
    // O_NOFOLLOW: a symlink planted at the path is not followed; O_NONBLOCK: nor does a FIFO block.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || !trusted(info, uid) || info.size > MAX_CACHE_BYTES) return undefined;
    const buffer = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

export interface CacheRead {
  index: CacheIndex;
  /** A cached lesson's line of JSON, once its digest is checked; undefined when it does not match. */
  line(entry: CachedFile): string | undefined;
}

function isIndex(value: unknown, build: string, dir: string): value is CacheIndex {
  const v = value as Partial<CacheIndex> | null;
  return typeof v === 'object' && v !== null && v.build === build && v.dir === dir && Array.isArray(v.files);
}

/** The folder's cache, if there is one the user can trust, from this build. */
export function readCache(dir: string, build: string, opts: CacheOptions = {}): CacheRead | undefined {
  const uid = 'uid' in opts ? opts.uid : defaultUid();
  if (!trustedFolder(cacheDir(opts.env, opts.home), uid)) return undefined;
  const text = readTrusted(cacheFile(dir, opts), uid);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  if (lines[0] !== `${MAGIC} ${sha1(lines[1] ?? '')}`) return undefined;
  let index: unknown;
  try {
    index = JSON.parse(lines[1]!);
  } catch {
    return undefined;
  }
  if (!isIndex(index, build, dir)) return undefined;
  return {
    index,
    line(entry) {
      const line = entry.lesson && lines[entry.lesson.line];
      return line !== undefined && sha1(line) === entry.lesson!.digest ? line : undefined;
    },
  };
}

/** A file as the cache keeps it: its lesson as a line of JSON (`line`), with the lesson's id, title and day. */
export type CacheEntry = Omit<CachedFile, 'lesson'> & { lesson?: CourseLesson; line?: string };

let temporaries = 0;

/**
 * Writes the folder's cache, atomically. Best effort: a cache that cannot be
 * written (a read-only home, a folder that is not the user's) costs only speed.
 */
export function writeCache(dir: string, build: string, entries: readonly CacheEntry[], opts: CacheOptions = {}): boolean {
  const uid = 'uid' in opts ? opts.uid : defaultUid();
  const folder = cacheDir(opts.env, opts.home);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  if (!trustedFolder(folder, uid)) return false;
  const lessonLines: string[] = [];
  const files = entries.map(({ lesson, line, ...file }): CachedFile => {
    if (!lesson || line === undefined) return file;
    lessonLines.push(line);
    const { id, title, day } = lesson;
    return { ...file, lesson: { id, title, ...(day === undefined ? {} : { day }), line: lessonLines.length + 1, digest: sha1(line) } };
  });
  const index = JSON.stringify({ build, dir, files } satisfies CacheIndex);
  const bytes = Buffer.from(`${MAGIC} ${sha1(index)}\n${index}\n${lessonLines.join('\n')}\n`);
  const target = cacheFile(dir, opts);
  const temporary = `${target}.${process.pid}-${Date.now().toString(36)}-${temporaries++}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
    return true;
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already gone.
    }
    return false;
  }
}
