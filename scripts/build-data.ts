/**
 * Build-time data: the built-in lessons, validated and shipped as JSON so the
 * CLI starts a lesson without the YAML parser or the schema library; and, with
 * --schema, schema/lesson.schema.json for editors.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtInLessonsDir, builtLessonsFolder, encodeBuiltLessons, lessonFiles } from '../src/lesson/catalog.js';
import { formatProblem, isError } from '../src/lesson/load.js';
import { loadLessonFiles } from '../src/lesson/load-many.js';
import { lessonJsonSchema } from '../src/lesson/schema.js';
import { packageRoot } from '../src/package-root.js';

export function schemaText(): string {
  return `${JSON.stringify(lessonJsonSchema(), null, 2)}\n`;
}

export async function buildLessons(): Promise<boolean> {
  const results = await loadLessonFiles(await lessonFiles(builtInLessonsDir()));
  const problems = results.flatMap((r) => r.problems);
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  if (problems.some(isError)) return false;
  const lessons = results.flatMap((r) => (r.lesson ? [r.lesson] : []));
  const folder = builtLessonsFolder();
  await mkdir(folder, { recursive: true });
  for (const { name, text } of encodeBuiltLessons(lessons)) await writeFile(join(folder, name), text);
  return true;
}

export async function writeSchema(): Promise<void> {
  await writeFile(join(packageRoot(), 'schema', 'lesson.schema.json'), schemaText());
}
