/**
 * The lessons a learner can take: the built-in ones, and an instructor's
 * folder given with --lessons (a folder lesson with a built-in's id wins).
 *
 * Built-in lessons are validated at build time and shipped as JSON
 * (dist/lessons/), so starting a lesson needs neither the YAML parser nor
 * the schema library. The folder holds the course (id, title and day of
 * each lesson, in course order) in course.json and each lesson in a file
 * of its own, `<id>.json`: starting one lesson reads and parses that lesson
 * alone (the whole course is 300 KB of JSON), with readFileSync, which
 * Node's module loader has already run: a first openSync, readSync and
 * fstatSync each cost ~0.3 ms before the first prompt. Without a build
 * (tests run from src/) lessons are read from lessons/*.yaml.
 */
// Synchronous reads: a command waits for them anyway, and node:fs/promises
// is a module more to load before the first prompt.
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
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

/** The built lessons: see the top of this file. */
export function builtLessonsFolder(): string {
  return join(packageRoot(), 'dist', 'lessons');
}

const COURSE_FILE = 'course.json';

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
 * JSON with every character past ASCII written as a \u escape: JSON.parse
 * gives the same strings, and an ASCII file is read without decoding
 * UTF-8 (~0.1 ms of 50 KB before the first prompt).
 */
function asciiJson(value: unknown): string {
  return `${JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/**
 * The built lessons, as scripts/build-data.ts writes them into
 * builtLessonsFolder(): file names and their text.
 */
export function encodeBuiltLessons(lessons: readonly Lesson[]): { name: string; text: string }[] {
  const ordered = inCourseOrder(lessons);
  const course = ordered.map(({ id, title, day }): CourseLesson => (day === undefined ? { id, title } : { id, title, day }));
  return [
    { name: COURSE_FILE, text: asciiJson(course) },
    ...ordered.map((lesson) => ({ name: `${lesson.id}.json`, text: asciiJson(lesson) })),
  ];
}

/** A built file's value; a file the course names but the folder lacks is a broken build. */
function readBuilt<T>(folder: string, name: string): T {
  try {
    return JSON.parse(readFileSync(join(folder, name), 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`${join(folder, name)} is missing; build kube-learn again`);
  }
}

/**
 * From a built folder (encodeBuiltLessons), the course and the one lesson
 * `id` (none when it is not in it, or no id is asked for); undefined when
 * there is no built course.
 */
export function readBuiltLesson(folder: string, id?: string): { course: CourseLesson[]; lesson?: Lesson } | undefined {
  let text: string;
  try {
    text = readFileSync(join(folder, COURSE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const course = JSON.parse(text) as CourseLesson[];
  // The file is named by the course's id, never by what the learner typed.
  const known = id === undefined ? undefined : course.find((l) => l.id === id);
  return known ? { course, lesson: readBuilt<Lesson>(folder, `${known.id}.json`) } : { course };
}

async function builtIn(): Promise<Catalog> {
  const folder = builtLessonsFolder();
  const built = readBuiltLesson(folder);
  if (built) return { lessons: built.course.map((l) => readBuilt<Lesson>(folder, `${l.id}.json`)), problems: [] };
  const source = await loadFolder(builtInLessonsDir());
  return { ...source, lessons: inCourseOrder(source.lessons) };
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
  const file = builtLessonsFolder();
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
