/**
 * The lessons a learner can take: the built-in ones, and an instructor's
 * folder given with --lessons (a folder lesson with a built-in's id wins).
 *
 * Built-in lessons are validated at build time and shipped as JSON
 * (dist/lessons.json), so starting a lesson needs neither the YAML parser nor
 * the schema library. Without a build (tests run from src/) they are read
 * from lessons/*.yaml.
 */
// Synchronous reads: a command waits for them anyway, and node:fs/promises
// is a module more to load before the first prompt.
import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { packageRoot } from '../package-root.js';
import { suggest } from '../text/suggest.js';
import { whyNot } from '../text/words.js';
import { inCourseOrder } from './course.js';
import type { FileProblem } from './file-problem.js';
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
  return join(packageRoot(), 'dist', 'lessons.json');
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

async function loadFolder(dir: string): Promise<Catalog> {
  const { loadLessonFiles } = await import('./load-many.js');
  const results = await loadLessonFiles(await lessonFiles(dir));
  return {
    lessons: results.flatMap((r) => (r.lesson ? [r.lesson] : [])),
    // Warnings are lint's business; here only what keeps a lesson from loading.
    problems: results.flatMap((r) => r.problems.filter((p) => p.severity !== 'warning')),
  };
}

async function builtIn(): Promise<Catalog> {
  const file = builtLessonsFile();
  if (existsSync(file)) return { lessons: inCourseOrder(JSON.parse(readFileSync(file, 'utf8')) as Lesson[]), problems: [] };
  const folder = await loadFolder(builtInLessonsDir());
  return { ...folder, lessons: inCourseOrder(folder.lessons) };
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
