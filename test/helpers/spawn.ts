/**
 * Running the built CLI as a child process with piped stdin/stdout, the way
 * scripts and plain-mode users run it. Each run gets its own empty state
 * folder, so no test reads or writes the real progress file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI under test: the build in dist/ (`npm run build`), unless KUBE_LEARN_TEST_CLI names another. */
export const CLI = process.env.KUBE_LEARN_TEST_CLI ?? join(ROOT, 'dist', 'cli.js');

export type Env = Record<string, string | undefined>;

/** A fresh, empty folder for XDG_STATE_HOME. */
export function tempStateHome(): string {
  return mkdtempSync(join(tmpdir(), 'kube-learn-state-'));
}

/**
 * The environment of a child: the parent's minus what changes the CLI's
 * output (colour and width settings), with an empty state folder, then `env`
 * on top (undefined removes a variable).
 */
export function childEnv(env: Env = {}): NodeJS.ProcessEnv {
  const base: Env = { ...process.env, XDG_STATE_HOME: tempStateHome() };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'LINES', 'VISUAL', 'EDITOR', 'KUBE_LEARN_DEBUG']) delete base[name];
  const merged: Env = { ...base, ...env };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to stdin all at once, then stdin is closed. */
  input?: string;
  env?: Env;
  cwd?: string;
  /** The child is killed after this long (the test then fails on its exit code). */
  timeoutMs?: number;
}

export function runCli(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: childEnv(opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    // A child that exits before reading everything closes the pipe: that is its business, not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}
