/**
 * `kube-learn check FILE...`: the lesson's manifest checker on any manifest
 * file, multi-document files included; `-` reads standard input. The problems
 * are the command's output, so they go to stdout, one per line as
 * `FILE:LINE:COL: path: message` (a hint, if any, indented on the next
 * line), then a summary. Exit 0 when there are no errors (warnings alone
 * are fine), 1 otherwise.
 */
import { CheckFailed } from '../errors.js';
import { readRegularFile, type FileRead } from '../text/read-file.js';
import { neutralize } from '../text/sanitize.js';
import { plural, whyNot } from '../text/words.js';
import { stdout } from '../terminal/stdout.js';

const MAX_BYTES = 1024 * 1024;
const STDIN = '-';
const STDIN_NAME = '<stdin>';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BYTES) throw new CheckFailed(`standard input is larger than 1 MiB; a manifest is far smaller`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = whyNot(code === 'EPERM' ? 'EACCES' : code);
  if (why) return code === 'EISDIR' ? `it ${why}` : why;
  return error instanceof Error ? error.message : String(error);
}

async function readManifestFile(file: string): Promise<string> {
  let read: FileRead;
  try {
    // Never blocks on a FIFO, never reads a device or an endless file.
    read = await readRegularFile(file, MAX_BYTES);
  } catch (error) {
    throw new CheckFailed(`cannot read ${neutralize(file)}: ${reason(error)}`);
  }
  if (read.kind === 'folder') throw new CheckFailed(`cannot read ${neutralize(file)}: it is a folder, not a file`);
  if (read.kind === 'not-regular')
    throw new CheckFailed(`cannot read ${neutralize(file)}: it is not a regular file (a FIFO or a device); use - to read standard input`);
  if (read.kind === 'too-large') throw new CheckFailed(`${neutralize(file)} is larger than 1 MiB; a manifest is far smaller`);
  return read.text;
}

export async function check(files: string[], opts: { quiet?: boolean } = {}): Promise<number> {
  // Read everything first: a missing file stops the command before any output.
  let stdin: Promise<string> | undefined;
  const texts = await Promise.all(
    files.map((file) => {
      if (file !== STDIN) return readManifestFile(file);
      stdin ??= readStdin();
      return stdin;
    }),
  );
  const { checkManifests, formatProblem } = await import('../manifest/check.js');

  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  const out: string[] = [];
  for (const [i, file] of files.entries()) {
    const problems = await checkManifests(texts[i]!);
    if (problems.length > 0) filesWithProblems++;
    for (const p of problems) {
      if (p.severity === 'error') errors++;
      else warnings++;
      out.push(formatProblem(p, file === STDIN ? STDIN_NAME : file));
      if (p.hint && !opts.quiet)
        out.push(
          ...neutralize(p.hint)
            .split('\n')
            .map((line, n) => `    ${n === 0 ? 'hint: ' : '      '}${line}`),
        );
    }
  }
  if (!opts.quiet) {
    const total = errors + warnings;
    const checked = files.length > filesWithProblems ? ` (${plural(files.length, 'file')} checked)` : '';
    if (total === 0) out.push(`${plural(files.length, 'file')} checked, no problems`);
    else if (errors === 0) out.push(`${plural(warnings, 'warning')} in ${plural(filesWithProblems, 'file')}${checked}, no errors`);
    else
      out.push(
        `${plural(total, 'problem')}${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''} in ${plural(filesWithProblems, 'file')}${checked}`,
      );
  }
  if (out.length > 0) stdout.write(`${out.join('\n')}\n`);
  return errors > 0 ? 1 : 0;
}
