/**
 * The lessons a learner can take: the built-in ones, and an instructor's
 * folder given with --lessons (a folder lesson with a built-in's id wins).
 *
 * Built-in lessons are validated at build time and shipped as JSON
 * (dist/lessons.ndjson), so starting a lesson needs neither the YAML parser nor
 * the schema library. The file is one line of JSON per lesson after two
 * lines of index: the lessons (id, title, day), and the length in bytes of
 * each lesson's line. Starting one lesson reads and parses that lesson
 * alone: the whole course is 300 KB of JSON, 5 ms to parse and ~1.5 ms just
 * to read and decode on a lesson's way to its first prompt. Without a build
 * (tests run from src/) lessons are read from lessons/*.yaml.
 */
// Synchronous reads: a command waits for them anyway, and node:fs/promises
// is a module more to load before the first prompt.
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { suggest } from '../text/suggest.js';
import { plural, whyNot } from '../text/words.js';
import { inCourseOrder, type CourseLesson } from './course.js';
import type { FileProblem } from './file-problem.js';
import type { FolderLessons } from './folder.js';
import type { Lesson } from './schema.js';

export interface CatalogOptions {
  lessonsDir?: string;
}

export interface Catalog {
  /** In course order (./course.ts): by day, then by id. */
  lessons: Lesson[];
  /** Problems of files that could not be loaded; their good neighbours still are. */
  problems: FileProblem[];
}

export function builtInLessonsDir(): string {
  return join(packageRoot(), 'lessons');
}

export function builtLessonsFile(): string {
  return join(packageRoot(), 'dist', 'lessons.ndjson');
}

/** `.yaml` or `.yml` in any case. Not /i, which costs a --lessons start ~0.25 ms (see mistypedCommand in ../commands/start.ts). */
const YAML_NAME = /\.[Yy][Aa]?[Mm][Ll]$/;

/** The lesson files directly in a folder, not its subfolders, in name order. */
export async function lessonFiles(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = whyNot(code, 'folder') ?? `cannot be read (${code})`;
    throw new UsageError(`lessons folder ${dir}: ${why}`);
  }
  return entries
    .filter((e) => !e.isDirectory() && YAML_NAME.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

/**
 * Replaced by scripts/build.mjs: an id of the code that validates lessons,
 * so lessons (and lint's findings) cached by another build are validated
 * again. From source (tests), none: no cache.
 */
declare const __KUBE_LEARN_BUILD__: string | undefined;
export const BUILD = typeof __KUBE_LEARN_BUILD__ === 'string' ? __KUBE_LEARN_BUILD__ : undefined;

async function openFolder(dir: string): Promise<FolderLessons> {
  const { loadFolderLessons } = await import('./folder.js');
  return loadFolderLessons(dir, await lessonFiles(dir), BUILD);
}

async function loadFolder(dir: string): Promise<Catalog> {
  const folder = await openFolder(dir);
  return { lessons: await folder.all(), problems: folder.problems };
}

/**
 * The built lessons, as scripts/build-data.ts writes them: the course in its
 * first line, the byte length of each lesson's line in the second, then a
 * line per lesson.
 */
export function encodeBuiltLessons(lessons: readonly Lesson[]): string {
  const ordered = inCourseOrder(lessons);
  const course = ordered.map(({ id, title, day }): CourseLesson => (day === undefined ? { id, title } : { id, title, day }));
  const lines = ordered.map((lesson) => `${JSON.stringify(lesson)}\n`);
  return `${JSON.stringify(course)}\n${JSON.stringify(lines.map((line) => Buffer.byteLength(line)))}\n${lines.join('')}`;
}

const INDEX_LINES = 2;

function builtLines(): string[] | undefined {
  const file = builtLessonsFile();
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : undefined;
}

/** `length` bytes at `position`, however many reads that takes; fewer at the end of the file. */
function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  for (let n = -1; got < length && n !== 0; got += n) n = readSync(fd, buffer, got, length - got, position + got);
  return got < length ? buffer.subarray(0, got) : buffer;
}

/** Where the index's two lines end in `head`: -1 for a line not (yet) in it. */
function indexEnds(head: Buffer): [number, number] {
  const first = head.indexOf(10);
  return [first, first < 0 ? -1 : head.indexOf(10, first + 1)];
}

/**
 * From a built file (encodeBuiltLessons), the course and the one lesson
 * `id` (none when it is not in it, or no id is asked for); undefined when
 * there is no such file.
 */
export function readBuiltLesson(file: string, id?: string): { course: CourseLesson[]; lesson?: Lesson } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    // The index is a few hundred bytes; read on until both its lines are in.
    let head = readAt(fd, 4096, 0);
    let [courseEnd, sizesEnd] = indexEnds(head);
    // The last read was full, so there is more file to look in.
    for (let want = 8192; sizesEnd < 0 && head.length === want / 2; want *= 2) {
      head = readAt(fd, want, 0);
      [courseEnd, sizesEnd] = indexEnds(head);
    }
    if (sizesEnd < 0) throw new Error(`${file} has no index; build kube-learn again`);
    const course = JSON.parse(head.toString('utf8', 0, courseEnd)) as CourseLesson[];
    const sizes = JSON.parse(head.toString('utf8', courseEnd + 1, sizesEnd)) as number[];
    const i = id === undefined ? -1 : course.findIndex((l) => l.id === id);
    if (i < 0) return { course };
    const at = sizes.slice(0, i).reduce((sum, n) => sum + n, sizesEnd + 1);
    return { course, lesson: JSON.parse(readAt(fd, sizes[i]!, at).toString('utf8')) as Lesson };
  } finally {
    closeSync(fd);
  }
}

async function builtIn(): Promise<Catalog> {
  const lines = builtLines();
  if (lines)
    return {
      lessons: lines
        .slice(INDEX_LINES)
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Lesson),
      problems: [],
    };
  const folder = await loadFolder(builtInLessonsDir());
  return { ...folder, lessons: inCourseOrder(folder.lessons) };
}

/**
 * One lesson to start (none when no lesson has that id), and the course
 * around it (to offer the next day): from the build, only that lesson is
 * parsed. A folder given with --lessons, a lesson that is not built in, or no
 * build at all: the whole catalog, with the problems of its broken files.
 */
export async function lessonToStart(
  id: string,
  options: CatalogOptions = {},
): Promise<{ lesson?: Lesson; course: readonly CourseLesson[]; problems: FileProblem[] }> {
  const file = builtLessonsFile();
  if (!options.lessonsDir) {
    const built = readBuiltLesson(file, id);
    if (built?.lesson) return { lesson: built.lesson, course: built.course, problems: [] };
  } else {
    const built = readBuiltLesson(file);
    if (built) {
      // The folder's lessons by id and title only, and the one taken parsed (from the lesson cache when it can).
      const folder = await openFolder(options.lessonsDir);
      const byId = new Map(built.course.map((l) => [l.id, l]));
      for (const l of folder.course) byId.set(l.id, l);
      const lesson = (await folder.lesson(id)) ?? readBuiltLesson(file, id)?.lesson;
      return { ...(lesson ? { lesson } : {}), course: inCourseOrder([...byId.values()]), problems: folder.problems };
    }
  }
  const catalog = await loadCatalog(options);
  return { lesson: catalog.lessons.find((l) => l.id === id), course: catalog.lessons, problems: catalog.problems };
}

export async function loadCatalog(options: CatalogOptions = {}): Promise<Catalog> {
  const base = await builtIn();
  if (!options.lessonsDir) return base;
  const extra = await loadFolder(options.lessonsDir);
  const byId = new Map(base.lessons.map((l) => [l.id, l]));
  for (const lesson of extra.lessons) byId.set(lesson.id, lesson);
  return {
    lessons: inCourseOrder([...byId.values()]),
    problems: [...base.problems, ...extra.problems],
  };
}

/** One lesson by id, or a usage error naming the known ones. */
export async function findLesson(id: string, options: CatalogOptions = {}): Promise<Lesson> {
  const catalog = await loadCatalog(options);
  const lesson = catalog.lessons.find((l) => l.id === id);
  if (lesson) return lesson;
  const ids = catalog.lessons.map((l) => l.id);
  const guess = suggest(id, ids);
  const broken = catalog.problems.length > 0 ? ` (${plural(catalog.problems.length, 'problem')} in lesson files; run kube-learn lint)` : '';
  throw new UsageError(
    `unknown lesson "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; known lessons: ${ids.join(', ') || 'none'}${broken}`,
  );
}
