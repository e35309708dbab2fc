/**
 * Lint through the lint cache (src/lesson/lesson-cache.ts, kind "lint"):
 * what lint found in a file is kept under the file's digest and the build,
 * so a second lint of an unchanged pack reads and hashes its files and
 * parses none (200 lessons of 50 steps: about 3 s to parse and check, a
 * tenth of that from the cache). A file is linted again when its text
 * differs, when another build linted it, or when the cache is missing,
 * corrupt or not the user's alone. What lint checks across files (an id
 * claimed twice, where `next` leads) is worked out at every run, from the
 * records.
 *
 * The parser, the schema and the checker load only when a file is linted.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../lesson/file-limit.js';
import {
  type CachedFile,
  type CacheOptions,
  fileDigest,
  type LintRecord,
  readCache,
  sameDigest,
  writeCache,
} from '../lesson/lesson-cache.js';
import { addPhase } from '../text/phases.js';
import { readRegularBytesSync } from '../text/read-file.js';
import type { Linted } from './lint-file.js';

export interface LintOptions extends Omit<CacheOptions, 'kind'> {
  /** The build's id (src/lesson/catalog.ts); none (tests from source), no cache. */
  build?: string | undefined;
}

export interface LintRun {
  /** Per file, in the order of the files. */
  linted: Linted[];
  /** How many files were linted rather than taken from the cache. */
  checked: number;
}

interface Folder {
  dir: string;
  /** By file name: the cache's entries, then those of files linted in this run. */
  entries: Map<string, CachedFile>;
  /** Names linted in this run (the others are kept while their files exist). */
  seen: Set<string>;
  dirty: boolean;
}

const recordOf = (l: Linted): LintRecord => ({
  problems: l.problems.map(({ file: _, ...problem }) => problem),
  ...(l.id === undefined ? {} : { id: l.id }),
  ...(l.next === undefined ? {} : { next: l.next }),
});

/** Named as this run names the file (the folder may have been given as another path to the same place). */
const lintedOf = (file: string, r: LintRecord): Linted => ({
  file,
  problems: r.problems.map((p) => ({ file, ...p })),
  ...(r.id === undefined ? {} : { id: r.id }),
  ...(r.next === undefined ? {} : { next: r.next }),
});

/** A record as this code writes them (the index's digest catches a torn file; this, a record of some other shape). */
function isRecord(r: unknown): r is LintRecord {
  const v = r as Partial<LintRecord> | null | undefined;
  return typeof v === 'object' && v !== null && Array.isArray(v.problems) && (v.id === undefined || typeof v.id === 'string');
}

function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export async function lintWithCache(files: readonly string[], opts: LintOptions = {}): Promise<LintRun> {
  const { build, ...where } = opts;
  const cacheOpts: CacheOptions = { ...where, kind: 'lint' };
  const folders = new Map<string, Folder>();
  const folderOf = (file: string): Folder => {
    const dir = resolve(dirname(file));
    let folder = folders.get(dir);
    if (!folder) {
      const cache = build === undefined ? undefined : readCache(dir, build, cacheOpts);
      folder = { dir, entries: new Map(cache?.index.files.map((f) => [f.name, f])), seen: new Set(), dirty: cache === undefined };
      folders.set(dir, folder);
    }
    return folder;
  };

  const linted: Linted[] = new Array(files.length);
  const misses: number[] = [];
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    const hit = build === undefined ? undefined : folderOf(file).entries.get(basename(file));
    if (!hit || !isRecord(hit.lint)) {
      misses.push(i);
      continue;
    }
    let read: ReturnType<typeof readRegularBytesSync> | undefined;
    try {
      read = readRegularBytesSync(file, MAX_FILE_BYTES);
    } catch {
      read = undefined;
    }
    // Keyed by content, not mtime: a checkout that rewrites a file as it was is not linted again.
    if (read?.kind !== 'bytes' || read.size !== hit.size || !sameDigest(read.bytes, hit.hash)) {
      misses.push(i);
      continue;
    }
    folderOf(file).seen.add(hit.name);
    linted[i] = lintedOf(file, hit.lint);
  }
  addPhase('cache', performance.now() - started);

  if (misses.length > 0) {
    const { lintFiles } = await import('./lint-file.js');
    const missed = await lintFiles(
      misses.map((i) => files[i]!),
      (one, n, text, read) => {
        const file = files[misses[n]!]!;
        if (build === undefined) return;
        // The size and time of the file when it was read, or (loaded some other way) now.
        const info = read ?? statOf(file);
        if (!info) return;
        // The digest is of the text linted, as UTF-8: a file whose bytes differ (changed since, or not UTF-8) is linted again next
        // time. Text decoded without a replacement character encodes to the bytes it came from: those are hashed as they are.
        const bytes = read && !text.includes('\uFFFD') ? read.bytes : Buffer.from(text);
        const name = basename(file);
        const folder = folderOf(file);
        folder.entries.set(name, {
          name,
          size: info.size,
          mtimeMs: info.mtimeMs,
          hash: fileDigest(bytes, 'sha1'),
          problems: [],
          lint: recordOf(one),
        });
        folder.seen.add(name);
        folder.dirty = true;
      },
    );
    for (const [n, one] of missed.entries()) linted[misses[n]!] = one;
  }

  if (build !== undefined) {
    const saving = performance.now();
    for (const folder of folders.values()) {
      if (!folder.dirty) continue;
      // Entries of files not linted in this run stay while the file exists: linting one file keeps its neighbours'.
      const entries = [...folder.entries.values()].filter((e) => folder.seen.has(e.name) || existsSync(join(folder.dir, e.name)));
      writeCache(folder.dir, build, entries, cacheOpts);
    }
    addPhase('cache', performance.now() - saving);
  }
  return { linted, checked: misses.length };
}
