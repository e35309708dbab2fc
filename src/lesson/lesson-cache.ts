/**
 * Validated lessons of a --lessons folder, kept between starts, so an
 * instructor's folder is parsed and checked once, not at every start (100
 * lessons took seconds). One file per folder in `$XDG_CACHE_HOME/kube-learn/`
 * (`~/.cache/kube-learn/`):
 *
 *   line 1: MAGIC and the digest (src/text/digest.ts) of line 2
 *   line 2: the index: the build that validated the lessons, the folder,
 *           and per file its name, size, mtime, digest of its text, the
 *           problems that kept it from loading, and its lesson's id, title,
 *           day, line and that line's digest
 *   then:   one lesson per line, as JSON
 *
 * A start parses the index and the one lesson it takes. A cache file is
 * trusted only when it is a regular file owned by the user in a folder owned
 * by the user, neither writable by group or others (anyone else could plant
 * lessons that skipped validation), and when its digests match: anything
 * else is ignored, as if absent, and rewritten. It is written to a temporary
 * file and renamed, so a reader sees the old file or the new one, whole.
 */
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
import { isAbsolute, join } from 'node:path';
import { digest } from '../text/digest.js';
import type { CourseLesson } from './course.js';
import type { FileProblem } from './file-problem.js';
import type { Position } from './yaml-source.js';

/**
 * Two caches share this format and its rules of trust, each in files of its
 * own: a --lessons folder's lessons, and what `kube-learn lint` found in the
 * files of a folder (src/commands/lint-cache.ts: the index alone, each
 * entry with its lint record, no lesson lines).
 */
export type CacheKind = 'lessons' | 'lint';

const MAGIC: Record<CacheKind, string> = { lessons: 'kube-learn lesson cache 3', lint: 'kube-learn lint cache 1' };
const PREFIX: Record<CacheKind, string> = { lessons: 'lessons', lint: 'lint' };
/** Far above any folder's cache; a larger file is not read. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

export interface CachedFile {
  name: string;
  size: number;
  mtimeMs: number;
  /** The digest of the file's bytes. */
  hash: string;
  /** What kept the file from loading (warnings are not kept). */
  problems: FileProblem[];
  /** Its lesson's id, title and day, and where its line of JSON is: bytes from the file's start, and its digest. */
  lesson?: CourseLesson & { offset: number; length: number; digest: string };
  /** In the lint cache: everything lint found in the file (warnings too), and what it checks across files. */
  lint?: LintRecord;
}

export interface LintRecord {
  /** Without the file's name: a cached problem is named as the run that reads it names the file. */
  problems: Omit<FileProblem, 'file'>[];
  id?: string;
  next?: { id: string; at: Position };
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
  /** Which cache (default: lessons). */
  kind?: CacheKind;
}

/**
 * `$XDG_CACHE_HOME/kube-learn`, or `~/.cache/kube-learn`. HOME as
 * os.homedir() reads it first; node:os only without one (as the progress
 * store's paths do: it is a fraction of a millisecond before the first prompt).
 */
export function cacheDir(
  env: NodeJS.ProcessEnv = process.env,
  home: string = env.HOME || process.getBuiltinModule('node:os').homedir(),
): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'kube-learn');
}

function cacheFile(dir: string, opts: CacheOptions): string {
  return join(cacheDir(opts.env, opts.home), `${PREFIX[opts.kind ?? 'lessons']}-${digest(dir)}.ndjson`);
}

const SHA1 = 'sha1:';

/**
 * A file's digest in the cache, of the kind its entry names: ours
 * (src/text/digest.ts) for a small folder, where loading node:crypto would
 * cost more than the hashing; SHA-1 for a larger one, where native hashing
 * pays for the load (100 lessons of 18 KB: ~8 ms in cold JavaScript against
 * ~5 ms with the load).
 */
export function fileDigest(bytes: Uint8Array, kind: 'ours' | 'sha1'): string {
  return kind === 'ours' ? digest(bytes) : SHA1 + process.getBuiltinModule('node:crypto').hash('sha1', bytes, 'hex');
}

/** Whether bytes are those an entry's digest was made of, by the entry's kind of digest. */
export function sameDigest(bytes: Uint8Array, hash: string): boolean {
  return hash === fileDigest(bytes, hash.startsWith(SHA1) ? 'sha1' : 'ours');
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

/** The file opened, if it is a regular file the user can trust; O_NOFOLLOW: a symlink planted at the path is not followed, O_NONBLOCK: nor does a FIFO block. */
function openTrusted(file: string, uid: number | undefined): { fd: number; size: number } | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  const info = fstatSync(fd);
  if (info.isFile() && trusted(info, uid) && info.size <= MAX_CACHE_BYTES) return { fd, size: info.size };
  closeSync(fd);
  return undefined;
}

/** `length` bytes from `start` (fewer at the end of the file). */
function readAt(fd: number, start: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const read = readSync(fd, buffer, got, length - got, start + got);
    if (read === 0) break;
    got += read;
  }
  return buffer.subarray(0, got);
}

/** A region of the cache file, read through a fresh, trusted descriptor. */
function readRegion(file: string, uid: number | undefined, start: number, length: number): string | undefined {
  const opened = openTrusted(file, uid);
  if (!opened) return undefined;
  try {
    return readAt(opened.fd, start, length).toString('utf8');
  } finally {
    closeSync(opened.fd);
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

const headerPattern = (kind: CacheKind) => new RegExp(`^${MAGIC[kind]} ([0-9a-f]{16}) (\\d{1,12})\n`);
/** What is read at first: the header and, for a folder of a few hundred lessons, the whole index. */
const FIRST_READ = 64 * 1024;

/**
 * The folder's cache, if there is one the user can trust, from this build.
 * Only its index is read; a lesson's line is read when it is asked for (the
 * file of a large folder is megabytes, which a start would decode for one lesson).
 */
export function readCache(dir: string, build: string, opts: CacheOptions = {}): CacheRead | undefined {
  const uid = 'uid' in opts ? opts.uid : defaultUid();
  if (!trustedFolder(cacheDir(opts.env, opts.home), uid)) return undefined;
  const file = cacheFile(dir, opts);
  const opened = openTrusted(file, uid);
  if (!opened) return undefined;
  let text: string;
  try {
    const first = readAt(opened.fd, 0, Math.min(opened.size, FIRST_READ));
    const found = headerPattern(opts.kind ?? 'lessons').exec(first.toString('latin1', 0, 128));
    if (!found) return undefined;
    const [line, expected, size] = found as unknown as [string, string, string];
    const end = line.length + Number(size);
    if (end > opened.size) return undefined;
    text = (end <= first.length ? first.subarray(line.length, end) : readAt(opened.fd, line.length, Number(size))).toString('utf8');
    if (digest(text) !== expected) return undefined;
  } finally {
    closeSync(opened.fd);
  }
  let index: unknown;
  try {
    index = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isIndex(index, build, dir)) return undefined;
  return {
    index,
    line(entry) {
      const at = entry.lesson;
      const line = at && Number.isSafeInteger(at.offset) && Number.isSafeInteger(at.length) && readRegion(file, uid, at.offset, at.length);
      return line && digest(line) === at.digest ? line : undefined;
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
  // Offsets are counted from the end of the index, then moved past the header and the index once their lengths are known.
  const lessonLines: Buffer[] = [];
  let offset = 0;
  const files = entries.map(({ lesson, line, ...file }): CachedFile => {
    if (!lesson || line === undefined) return file;
    const bytes = Buffer.from(`${line}\n`);
    lessonLines.push(bytes);
    const { id, title, day } = lesson;
    const at = { offset, length: bytes.length - 1, digest: digest(line) };
    offset += bytes.length;
    return { ...file, lesson: { id, title, ...(day === undefined ? {} : { day }), ...at } };
  });
  // The index's length depends on the offsets written in it, which depend on its length: settled in a few rounds.
  let skip = 0;
  let index = '';
  let header = '';
  for (let round = 0; round < 5; round++) {
    const placed = files.map((f) => (f.lesson ? { ...f, lesson: { ...f.lesson, offset: f.lesson.offset + skip } } : f));
    index = JSON.stringify({ build, dir, files: placed } satisfies CacheIndex);
    header = `${MAGIC[opts.kind ?? 'lessons']} ${digest(index)} ${Buffer.byteLength(index)}\n`;
    const next = Buffer.byteLength(header) + Buffer.byteLength(index) + 1;
    if (next === skip) break;
    skip = next;
  }
  const bytes = Buffer.concat([Buffer.from(`${header}${index}\n`), ...lessonLines]);
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
