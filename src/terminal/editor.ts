/**
 * The learner's own editor for a manifest: $VISUAL, else $EDITOR. The value
 * is a command as a shell would read it, so it may carry arguments
 * (`code --wait`) and a quoted path with spaces (`"/opt/My Editor/ed"`); it
 * runs without a shell, on a private temporary file. An editor that exits
 * non-zero (vim's :cq), dies, or cannot be started yields one line for the
 * learner instead of text, so the caller keeps the previous attempt.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Cancelled } from '../errors.js';
import { readRegularFile } from '../text/read-file.js';
import { neutralize } from '../text/sanitize.js';
import { whyNot } from '../text/words.js';
import type { StopSignal } from '../stop.js';

export interface EditorCommand {
  program: string;
  args: string[];
  /** The variable it came from, for messages. */
  variable: 'VISUAL' | 'EDITOR';
  /** What the learner calls it: the program's file name, safe to print. */
  name: string;
}

export type EditResult = { ok: true; text: string } | { ok: false; message: string };

/** A manifest is far smaller; an editor that left more (a log, a disk image) is not read whole. */
const MAX_EDITED_BYTES = 1024 * 1024;

/**
 * Splits a command into words the way a POSIX shell does for the simple
 * cases: blanks separate words, '...' is literal, "..." keeps blanks and
 * takes \" \\ \$ \` as escapes, and a backslash outside quotes escapes the
 * next character. No expansion, no operators. On Windows a backslash is a
 * path separator, never an escape. An unclosed quote runs to the end.
 */
export function splitCommand(value: string, windows = process.platform === 'win32'): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const next = value[i + 1];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && !windows && next !== undefined && '"\\$`'.includes(next)) word += value[++i];
      else word += ch;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '\\' && !windows && next !== undefined) word += value[++i];
      else word += ch;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}

/**
 * The editor the environment names, if any. A value that is as a whole the
 * path of a file is that file, spaces and all (`/opt/My Editor/ed`
 * unquoted); otherwise it is split into words like a shell command.
 */
export function editorCommand(env: NodeJS.ProcessEnv, fileExists: (path: string) => boolean = isFile): EditorCommand | undefined {
  const variable = env.VISUAL?.trim() ? 'VISUAL' : env.EDITOR?.trim() ? 'EDITOR' : undefined;
  if (!variable) return undefined;
  const value = env[variable]!.trim();
  const whole = expandHome(value);
  const unquotedPath = /\s/.test(value) && /[\\/]/.test(value) && fileExists(whole);
  const [program = '', ...args] = unquotedPath ? [whole] : splitCommand(value);
  if (program === '') return undefined;
  const path = expandHome(program);
  return { program: path, args, variable, name: neutralize(basename(path.replace(/\\/g, '/')) || path) };
}

function launchProblem(editor: EditorCommand, error: NodeJS.ErrnoException): string {
  const why = whyNot(error.code, 'program') ?? error.code ?? error.message;
  return `Could not start your editor ($${editor.variable}): ${editor.program}: ${why}.`;
}

/** Runs the editor on a copy of `text`; resolves once it exits. Throws Cancelled('signal') if `signal` aborts meanwhile. */
export async function editText(
  editor: EditorCommand,
  text: string,
  opts: { signal?: StopSignal; fileName?: string } = {},
): Promise<EditResult> {
  const kept = '; its changes were not taken.';
  let dir: string | undefined;
  let file: string;
  try {
    dir = await mkdtemp(join(tmpdir(), 'kube-learn-edit-'));
    file = join(dir, opts.fileName ?? 'manifest.yaml');
    await writeFile(file, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (dir) await rm(dir, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: neutralize(`Could not make a file for your editor in ${tmpdir()} (${code ?? String(error)}).`) };
  }
  try {
    const outcome = await new Promise<{
      error?: NodeJS.ErrnoException;
      code?: number | null;
      signal?: NodeJS.Signals | null;
      aborted: boolean;
    }>((resolve) => {
      let aborted = false;
      const child = spawn(editor.program, [...editor.args, file], { stdio: 'inherit' });
      // The terminal's Ctrl-C reaches the editor too; a signal sent to us alone is passed on, so no editor is left behind.
      const onAbort = () => {
        aborted = true;
        child.kill('SIGTERM');
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const done = (result: { error?: NodeJS.ErrnoException; code?: number | null; signal?: NodeJS.Signals | null }) => {
        opts.signal?.removeEventListener('abort', onAbort);
        resolve({ ...result, aborted });
      };
      child.once('error', (error) => done({ error }));
      child.once('exit', (code, signal) => done({ code, signal }));
    });
    if (outcome.aborted || opts.signal?.aborted) throw new Cancelled('signal');
    if (outcome.error) return { ok: false, message: neutralize(launchProblem(editor, outcome.error)) };
    if (outcome.signal) return { ok: false, message: neutralize(`Your editor (${editor.name}) was stopped by ${outcome.signal}${kept}`) };
    if (outcome.code !== 0)
      return { ok: false, message: neutralize(`Your editor (${editor.name}) exited with status ${outcome.code}${kept}`) };
    try {
      // Bounded, and never blocking: an editor may leave a FIFO or a huge file in the place of ours.
      const read = await readRegularFile(file, MAX_EDITED_BYTES);
      if (read.kind === 'text') return { ok: true, text: read.text.replace(/^\uFEFF/, '') };
      const what = read.kind === 'too-large' ? 'a file larger than 1 MiB' : 'something that is not a file';
      return { ok: false, message: neutralize(`Your editor (${editor.name}) left ${what}${kept}`) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, message: neutralize(`Your editor (${editor.name}) left no file to read (${code ?? String(error)}).`) };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
