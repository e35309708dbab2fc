/**
 * A lesson file that turns out clean, loaded without the full parse: the
 * quick YAML load (fast-yaml.ts), then the same schema, rules and
 * neutralising as loadLessonText. Any doubt or any problem at all (even a
 * warning) gives undefined, and the caller loads the file the full way,
 * which alone says what is wrong and where. So what this accepts is exactly
 * what the full load would give with no problems.
 */
import type { CompilePattern } from '../text/pattern.js';
import { phase } from '../text/phases.js';
import { needsNeutralizing, neutralizeDeep } from '../text/sanitize.js';
import { fastYaml } from './fast-yaml.js';
import { mayHavePatterns } from './load.js';
import { checkRules } from './rules.js';
import { compiledLessonSchema, type Lesson } from './schema.js';
import type { Position } from './yaml-source.js';

export interface CleanLesson {
  lesson: Lesson;
  /** Where `next`'s value starts, as the full load's `locate(['next'])` gives it. */
  nextAt?: Position;
}

export function loadCleanText(text: string, compile?: CompilePattern): CleanLesson | undefined {
  const yaml = phase('fast-parse', () => fastYaml(text, ['next']));
  if (!yaml) return undefined;
  const result = phase('fast-schema', () => compiledLessonSchema().safeParse(yaml.value));
  if (!result.success) return undefined;
  if (phase('fast-rules', () => checkRules(result.data, compile)).length > 0) return undefined;
  // Neutralising copies every string of the lesson (~0.1 s on the bench pack); a file with no unsafe character, nor an escape
  // that could make one, has nothing to neutralise.
  const lesson = !yaml.safeText && (text.includes('\\') || needsNeutralizing(text)) ? neutralizeDeep(result.data) : result.data;
  if (lesson.next === undefined) return { lesson };
  const nextAt = yaml.valueAt('next', lesson.next);
  return nextAt ? { lesson, nextAt } : undefined;
}

/** As loadLessonSource, with the pattern engine loaded only for a text that may hold a pattern. */
export async function loadCleanSource(text: string): Promise<CleanLesson | undefined> {
  return loadCleanText(text, mayHavePatterns(text) ? (await import('../text/pattern.js')).compilePattern : undefined);
}
