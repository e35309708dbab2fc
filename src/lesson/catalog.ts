/**
 * The lessons a learner can take: the built-in ones, and an instructor's
 * folder given with --lessons (a folder lesson with a built-in's id wins).
 *
 * Built-in lessons are validated at build time and shipped as JSON
 * (dist/lessons.ndjson), so starting a lesson needs neither the YAML parser nor
 * the schema library. The file is one line of JSON per lesson after a first
 * line that lists them (id, title, day), so starting one lesson parses that
 * lesson alone: the whole course is 300 KB of JSON, 5 ms to parse on a lesson's
 * way to its first prompt. Without a build (tests run from src/) lessons are
 * read from lessons/*.yaml.
 */
// Synchronous reads: a command waits for them anyway, and node:fs/promises
// is a module more to load before the first prompt.
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { suggest } from '../text/suggest.js';
import { whyNot } from '../text/words.js';
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
    .filter((e) => !e.isDirectory() && /\.ya?ml$/i.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

/**
 * Replaced by scripts/build.mjs: an id of the code that validates lessons,
 * so lessons cached by another build are validated again. From source
 * (tests), none: no cache.
 */
declare const __KUBE_LEARN_BUILD__: string | undefined;
const BUILD = typeof __KUBE_LEARN_BUILD__ === 'string' ? __KUBE_LEARN_BUILD__ : undefined;

async function openFolder(dir: string): Promise<FolderLessons> {
  const { loadFolderLessons } = await import('./folder.js');
  return loadFolderLessons(dir, await lessonFiles(dir), BUILD);
}

async function loadFolder(dir: string): Promise<Catalog> {
  const folder = await openFolder(dir);
  return { lessons: await folder.all(), problems: folder.problems };
}

/** The built lessons, as scripts/build-data.ts writes them: the course in its first line, then a line per lesson. */
export function encodeBuiltLessons(lessons: readonly Lesson[]): string {
  const ordered = inCourseOrder(lessons);
  const course = ordered.map(({ id, title, day }): CourseLesson => (day === undefined ? { id, title } : { id, title, day }));
  return `${[course, ...ordered].map((v) => JSON.stringify(v)).join('\n')}\n`;
}

function builtLines(): string[] | undefined {
  const file = builtLessonsFile();
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n') : undefined;
}

async function builtIn(): Promise<Catalog> {
  const lines = builtLines();
  if (lines)
    return {
      lessons: lines
        .slice(1)
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
  const lines = builtLines();
  if (lines) {
    const course = JSON.parse(lines[0]!) as CourseLesson[];
    const builtLesson = () => {
      const i = course.findIndex((l) => l.id === id);
      return i >= 0 ? (JSON.parse(lines[i + 1]!) as Lesson) : undefined;
    };
    if (!options.lessonsDir) {
      const lesson = builtLesson();
      if (lesson) return { lesson, course, problems: [] };
    } else {
      // The folder's lessons by id and title only, and the one taken parsed (from the lesson cache when it can).
      const folder = await openFolder(options.lessonsDir);
      const byId = new Map(course.map((l) => [l.id, l]));
      for (const l of folder.course) byId.set(l.id, l);
      const lesson = (await folder.lesson(id)) ?? builtLesson();
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
  const broken = catalog.problems.length > 0 ? ` (${catalog.problems.length} problem(s) in lesson files; run kube-learn lint)` : '';
  throw new UsageError(
    `unknown lesson "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}; known lessons: ${ids.join(', ') || 'none'}${broken}`,
  );
}
