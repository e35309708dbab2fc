/**
 * Loading one lesson file: YAML syntax, the schema, then the rules a schema
 * cannot express. Every problem of the file is reported, each with the line
 * and column of the node at fault. Nothing here throws for a bad file.
 */
import { isScalar, type Node } from 'yaml';
import type { CompilePattern } from '../text/pattern.js';
import { phase } from '../text/phases.js';
import { readRegularBytesSync, readRegularFile, type FileRead } from '../text/read-file.js';
import { neutralizeDeep } from '../text/sanitize.js';
import { whyNot } from '../text/words.js';
import { byPosition, formatFileProblem, isError, type FileProblem } from './file-problem.js';
import { schemaProblems, type KnownKeys } from './issues.js';
import { checkRules } from './rules.js';
import { choice as choiceSchema, lesson as lessonSchema, manifestCheck, misconception, step as stepSchema, type Lesson } from './schema.js';
import { MAX_FILE_BYTES, nodeAt, parseYaml, type SourceProblem } from './yaml-source.js';

// formatProblem: the name test/lessons/ (written in parallel) still imports; drop it once that moves to formatFileProblem.
export { formatFileProblem, formatFileProblem as formatProblem, isError, type FileProblem };

export interface LoadResult {
  file: string;
  /** Set when no problem is an error (warnings leave the lesson usable). */
  lesson?: Lesson;
  problems: FileProblem[];
  /** Where a node of the file is, for problems found later (by lint's exercise checks). */
  locate?: (path: readonly PropertyKey[], atKey?: boolean, offset?: number) => { line: number; col: number };
  /** The node a path points at (for text embedded in the file, such as a step's context). */
  nodeAt?: (path: readonly PropertyKey[]) => Node | undefined;
}

const stepKeys = new Map<unknown, readonly string[]>(
  stepSchema.options.map((option) => [option.shape.type.value, Object.keys(option.shape)]),
);

/** The fields allowed where an unknown one was found, for "did you mean". */
const knownKeys: KnownKeys = (path, doc) => {
  const parent = path.at(-2);
  if (path.length === 0) return Object.keys(lessonSchema.shape);
  if (parent === 'steps') return stepKeys.get(doc.getIn([...path, 'type'])) ?? [];
  if (parent === 'choices') return Object.keys(choiceSchema.shape);
  if (parent === 'checks') return Object.keys(manifestCheck.shape);
  if (parent === 'misconceptions') return Object.keys(misconception.shape);
  return [];
};

/** Characters from a scalar's start to `offset` into its value: past the opening quote, and only on one line. */
function textOffset(node: ReturnType<typeof nodeAt>, offset: number | undefined): number {
  if (offset === undefined || !isScalar(node) || !node.range || typeof node.source !== 'string') return 0;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const rawLength = node.range[1] - node.range[0] - (quoted ? 2 : 0);
  // An escape or a folded line makes value and source differ: then point at the value's start.
  if ((node.type !== 'PLAIN' && !quoted) || rawLength !== node.source.length) return 0;
  return offset + (quoted ? 1 : 0);
}

/** `compile`: the pattern engine, to check the lesson's patterns (see loadLessonFile). */
export function loadLessonText(text: string, file: string, compile?: CompilePattern): LoadResult {
  const outcome = phase('parse', () => parseYaml(text));
  if (!outcome.ok) return { file, problems: outcome.problems.map((p) => ({ file, ...p })) };
  const { parsed } = outcome;
  const at = (problem: SourceProblem): FileProblem => ({ file, ...problem });

  const locate = (path: readonly PropertyKey[], atKey?: boolean, offset?: number) => {
    const node = nodeAt(parsed.doc, [...path], atKey);
    return parsed.position((node?.range?.[0] ?? 0) + textOffset(node, offset));
  };
  const result = phase('schema', () => lessonSchema.safeParse(parsed.value, { reportInput: true }));
  // A schema problem must not hide the rule problems: an author should fix a file in one round.
  const lesson = result.success ? result.data : phase('schema', () => salvage(parsed.value));
  const ruleProblems = lesson
    ? phase('rules', () => checkRules(lesson, compile)).map(
        (v): FileProblem => ({
          file,
          ...locate(v.path, v.atKey, v.offset),
          message: v.message,
          ...(v.severity ? { severity: v.severity } : {}),
        }),
      )
    : [];
  const problems = [...(result.success ? [] : schemaProblems(result.error.issues, parsed, knownKeys).map(at)), ...ruleProblems].sort(
    byPosition,
  );
  const nodeOf = (path: readonly PropertyKey[]) => nodeAt(parsed.doc, path);
  if (!result.success || problems.some(isError)) return { file, problems, locate, nodeAt: nodeOf };
  return { file, lesson: neutralizeDeep(result.data), problems, locate, nodeAt: nodeOf };
}

/**
 * The parts of an invalid lesson that are valid on their own, for the rules
 * to look at: steps and misconceptions that fail the schema become holes (the
 * rules skip them and keep the others' indices, so positions stay right).
 */
function salvage(value: unknown): Lesson | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const valid = <T>(items: unknown, parse: (item: unknown) => { success: boolean; data?: T }): T[] => {
    const out: T[] = [];
    if (Array.isArray(items))
      items.forEach((item, i) => {
        const r = parse(item);
        if (r.success) out[i] = r.data as T;
      });
    return out;
  };
  const numbered = (m: unknown) => {
    const n = (m as { number?: unknown } | null)?.number;
    return Number.isInteger(n) ? { success: true, data: { number: n as number, claim: '', correction: '' } } : { success: false };
  };
  return {
    ...(raw as object),
    id: typeof raw.id === 'string' ? raw.id : '',
    misconceptions: valid(raw.misconceptions, numbered),
    steps: valid(raw.steps, (s) => stepSchema.safeParse(s)),
  } as Lesson;
}

/** The result that says why a lesson file has no text: `read` threw `error`, or found no regular file. */
function unreadable(file: string, why: { error: unknown } | { kind: Exclude<FileRead['kind'], 'text'> }): LoadResult {
  const unread = {
    folder: 'is a folder, not a file',
    'not-regular': 'is not a regular file',
    'too-large': `file is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit`,
  };
  let message: string;
  if ('kind' in why) message = unread[why.kind];
  else {
    const code = (why.error as NodeJS.ErrnoException).code;
    message = whyNot(code) ?? `cannot be read (${code ?? String(why.error)})`;
  }
  return { file, problems: [{ file, line: 1, col: 1, message }] };
}

/** A lesson file's text, or the result that says why there is none. */
export async function readLessonFile(file: string): Promise<{ text: string } | LoadResult> {
  let read: FileRead;
  try {
    // A FIFO or device would block or never end: only regular files are lessons.
    read = await readRegularFile(file, MAX_FILE_BYTES);
  } catch (error) {
    return unreadable(file, { error });
  }
  return read.kind === 'text' ? { text: read.text } : unreadable(file, { kind: read.kind });
}

/**
 * As readLessonFile, without the thread pool (for many files: a lesson of
 * 18 KB is read in tens of microseconds from the page cache, and each
 * asynchronous open, stat, read and close costs more than that on the main
 * thread). Also opened without blocking, and judged on the opened file.
 */
export function readLessonFileSync(file: string): ({ text: string } & FileBytes) | LoadResult {
  let read: ReturnType<typeof readRegularBytesSync>;
  try {
    read = readRegularBytesSync(file, MAX_FILE_BYTES);
  } catch (error) {
    return unreadable(file, { error });
  }
  if (read.kind !== 'bytes') return unreadable(file, { kind: read.kind });
  const { bytes, size, mtimeMs } = read;
  return { text: bytes.toString('utf8'), bytes, size, mtimeMs };
}

/** A file as it was read: its bytes, and the size and modification time of the file they were read from. */
export interface FileBytes {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/** A lesson file's text loaded: parsed, validated, its rules checked. */
export async function loadLessonSource(text: string, file: string): Promise<LoadResult> {
  return loadLessonText(text, file, mayHavePatterns(text) ? (await import('../text/pattern.js')).compilePattern : undefined);
}

export async function loadLessonFile(file: string): Promise<LoadResult> {
  const read = await readLessonFile(file);
  return 'text' in read ? loadLessonSource(read.text, file) : read;
}

/**
 * Whether the file may hold a pattern, so the pattern engine must be loaded
 * to check it. A key can only be spelt otherwise with an escape (a
 * backslash), so this misses none.
 */
export function mayHavePatterns(text: string): boolean {
  return /accept_pattern|matches|\\/.test(text);
}
