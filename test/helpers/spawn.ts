/**
 * Running the built CLI as a child process with piped stdin/stdout, the way
 * scripts and plain-mode users run it. Each run gets its own empty state
 * folder, so no test reads or writes the real progress file.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempStateHome } from './state.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI under test: the build in dist/ (`npm run build`), unless KUBE_LEARN_TEST_CLI names another. */
export const CLI = process.env.KUBE_LEARN_TEST_CLI ?? join(ROOT, 'dist', 'cli.js');

export type Env = Record<string, string | undefined>;

/**
 * The environment of a child: the parent's minus what changes the CLI's
 * output (colour and width settings), with empty state and cache folders, then `env`
 * on top (undefined removes a variable).
 */
export function childEnv(env: Env = {}): NodeJS.ProcessEnv {
  const base: Env = {
    ...process.env,
    XDG_STATE_HOME: 'XDG_STATE_HOME' in env ? env.XDG_STATE_HOME : tempStateHome().home,
    // The lesson cache of --lessons folders, empty too: a test's lessons never come from another test's cache.
    XDG_CACHE_HOME: 'XDG_CACHE_HOME' in env ? env.XDG_CACHE_HOME : tempStateHome().home,
  };
  // The learner's machine, not the one running the tests: Node reports two
  // colours for any terminal when CI is set, and CI runs us with CI=true.
  // npm_command: how the test run was started (npx vitest sets it to exec) must not change the resume line; ACCESSIBLE picks the front end.
  for (const name of [
    'NO_COLOR',
    'FORCE_COLOR',
    'COLUMNS',
    'LINES',
    'VISUAL',
    'EDITOR',
    'KUBE_LEARN_DEBUG',
    'KUBE_LEARN_NOW',
    'CI',
    'npm_command',
    'ACCESSIBLE',
  ])
    delete base[name];
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
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: childEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
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

/** A CLI child kept running, for tests that talk to it step by step or send it signals. */
export class CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: readonly string[], opts: Omit<RunOptions, 'input' | 'timeoutMs'> = {}) {
    this.child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: childEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    this.child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.child.stdin.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  write(text: string): void {
    this.child.stdin.write(text);
  }

  /** Waits until stdout contains `text`; polls, with a generous timeout. */
  async waitForOutput(text: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stdout.includes(text)) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${JSON.stringify(text)}; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      if (this.child.exitCode !== null)
        throw new Error(
          `exited (${this.child.exitCode}) before printing ${JSON.stringify(text)}; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
}
