/**
 * Loading one lesson file: YAML syntax, the schema, then the rules a schema
 * cannot express. Every problem of the file is reported, each with the line
 * and column of the node at fault. Nothing here throws for a bad file.
 */
import { open, stat } from 'node:fs/promises';
import { isScalar } from 'yaml';
import { neutralizeDeep } from '../text/sanitize.js';
import { formatProblem, type Problem } from './problem.js';
import { schemaProblems, type KnownKeys } from './issues.js';
import { checkRules } from './rules.js';
import { choice as choiceSchema, lesson as lessonSchema, manifestCheck, misconception, step as stepSchema, type Lesson } from './schema.js';
import { MAX_FILE_BYTES, nodeAt, parseYaml, type SourceProblem } from './yaml-source.js';


export { formatProblem, type Problem };

export interface LoadResult {
  file: string;
  lesson?: Lesson;
  problems: Problem[];
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

export function loadLessonText(text: string, file: string): LoadResult {
  const outcome = parseYaml(text);
  if (!outcome.ok) return { file, problems: outcome.problems.map((p) => ({ file, ...p })) };
  const { parsed } = outcome;
  const at = (problem: SourceProblem): Problem => ({ file, ...problem });

  const result = lessonSchema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    return { file, problems: schemaProblems(result.error.issues, parsed, knownKeys).map(at) };
  }

  const problems = checkRules(result.data).map((v) => {
    const node = nodeAt(parsed.doc, v.path, v.atKey);
    return at({ ...parsed.position((node?.range?.[0] ?? 0) + textOffset(node, v.offset)), message: v.message });
  });
  if (problems.length > 0) return { file, problems };
  return { file, lesson: neutralizeDeep(result.data), problems: [] };
}

/**
 * Reads at most one byte past the size limit, so a huge file can't exhaust
 * memory. The buffer starts at the size stat gave (a lint of hundreds of
 * files would otherwise clear a megabyte for each) and grows if the file did.
 */
async function readLimited(path: string, size: number): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.min(size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_FILE_BYTES) break;
        const bigger = Buffer.allocUnsafe(Math.min(length * 2, MAX_FILE_BYTES + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return length > MAX_FILE_BYTES ? undefined : buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

export async function loadLessonFile(file: string): Promise<LoadResult> {
  let text: string | undefined;
  try {
    // A FIFO or device would block or never end: only regular files are lessons.
    const info = await stat(file);
    if (info.isDirectory()) return { file, problems: [{ file, line: 1, col: 1, message: 'is a folder, not a file' }] };
    if (!info.isFile()) return { file, problems: [{ file, line: 1, col: 1, message: 'is not a regular file' }] };
    text = await readLimited(file, info.size);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(error)})`;
    return { file, problems: [{ file, line: 1, col: 1, message: why }] };
  }
  if (text === undefined) {
    return { file, problems: [{ file, line: 1, col: 1, message: `file is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit` }] };
  }
  return loadLessonText(text, file);
}
