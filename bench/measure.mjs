// One timed run of a process, three ways: until it exits, until its first
// prompt shows on a pipe, until its first prompt renders in a pseudo-terminal.
// Every run gets the same clean environment (no NODE_EXTRA_CA_CERTS, which
// alone adds ~70 ms to any Node start on this machine) and a fresh state
// folder, so progress never resumes mid-lesson.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The environment for every measured process, program and floor alike. */
export function cleanEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  // `npm run bench` exports npm's own settings; the programs don't read them.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return env;
}

/** A fresh state folder, empty or holding a copy of the progress file `progress`. */
function withState(fn, progress) {
  const state = mkdtempSync(join(tmpdir(), 'kl-bench-state-'));
  if (progress) {
    mkdirSync(join(state, 'kube-learn'), { mode: 0o700 });
    copyFileSync(progress, join(state, 'kube-learn', 'progress.json'));
  }
  return fn(cleanEnv({ XDG_STATE_HOME: state })).finally(() => rmSync(state, { recursive: true, force: true }));
}

/** Peak resident set (kB) of a live process so far, from /proc; undefined elsewhere. */
function peakRssKb(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

// What a waiting tutor shows: a question (`? ...`) or a pause (`[Enter] to continue`).
const PROMPT_LINE = /^\? |\[Enter\] to continue/;

/** First prompt in plain output: a line (finished or not) the tutor waits on. */
export function findPlainPrompt(text) {
  return text.split('\n').some((line) => PROMPT_LINE.test(line.replace(/\r$/, '')));
}

const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/**
 * First prompt rendered in a terminal: inquirer draws `? question` (or
 * `✔`/`❯` once answered/selected), a pause says Enter. Cursor movement is
 * stripped first, so a line is whatever the screen would show.
 */
export function findRenderedPrompt(raw) {
  const text = raw.replace(ANSI, '');
  return text.split(/\r?\n|\r/).some((line) => /^\s*\? \S/.test(line) || /\[Enter\]|Enter to continue|press Enter/i.test(line));
}

/** Milliseconds from spawn to exit; rejects on a non-zero exit code. */
export function timeToExit(command, args, { okCodes = [0] } = {}) {
  return withState(
    (env) =>
      new Promise((resolve, reject) => {
        const start = now();
        const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => {
          const ms = now() - start;
          if (okCodes.includes(code)) resolve({ ms });
          else reject(new Error(`${[command, ...args].join(' ')} exited ${code}: ${stderr.trim().split('\n')[0] ?? ''}`));
        });
      }),
  );
}

/**
 * Milliseconds from spawn to the first prompt on stdout (stdin a pipe kept
 * open, so the tutor waits), and the peak RSS at that moment. The child is
 * killed once the prompt is seen.
 */
export function timeToPlainPrompt(command, args, { timeoutMs = 10_000, progress, env: extra } = {}) {
  return withState(
    (env) =>
      new Promise((resolve, reject) => {
        const start = now();
        const child = spawn(command, args, { env: { ...env, ...extra }, stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        let done = false;
        const finish = (result, error) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          child.kill('SIGKILL');
          child.once('close', () => (error ? reject(error) : resolve(result)));
        };
        const timer = setTimeout(
          () => finish(undefined, new Error(`no prompt within ${timeoutMs} ms: ${JSON.stringify(out.slice(0, 300))}`)),
          timeoutMs,
        );
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (!done && findPlainPrompt(out)) {
            const ms = now() - start;
            finish({ ms, rssKb: peakRssKb(child.pid) });
          }
        });
        child.stderr.on('data', (d) => (err += d));
        child.on('error', (error) => finish(undefined, error));
        child.on('exit', (code) => {
          if (!done)
            finish(
              undefined,
              new Error(
                `exited ${code} before a prompt; stdout ${JSON.stringify(out.slice(0, 300))}, stderr ${JSON.stringify(err.slice(0, 300))}`,
              ),
            );
        });
      }),
    progress,
  );
}

let pty;
async function loadPty() {
  pty ??= await import('@lydell/node-pty');
  return pty;
}

/** Milliseconds from spawn to the first prompt drawn in a pseudo-terminal. */
export function timeToRenderedPrompt(command, args, { timeoutMs = 10_000, cols = 100, rows = 30, progress, env: extra } = {}) {
  return withState(async (stateEnv) => {
    const env = { ...stateEnv, ...extra };
    const { spawn: ptySpawn } = await loadPty();
    delete env.NO_COLOR;
    env.TERM = 'xterm-256color';
    return new Promise((resolve, reject) => {
      const start = now();
      const term = ptySpawn(command, args, { name: 'xterm-256color', cols, rows, env });
      let out = '';
      let done = false;
      const finish = (result, error) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        exitSub.dispose();
        dataSub.dispose();
        try {
          term.kill('SIGKILL');
        } catch {
          // already gone
        }
        if (error) reject(error);
        else resolve(result);
      };
      const timer = setTimeout(
        () => finish(undefined, new Error(`no prompt within ${timeoutMs} ms: ${JSON.stringify(out.slice(0, 300))}`)),
        timeoutMs,
      );
      const dataSub = term.onData((chunk) => {
        out += chunk;
        if (!done && findRenderedPrompt(out)) finish({ ms: now() - start });
      });
      const exitSub = term.onExit(({ exitCode }) => {
        // The floor exits right after writing; a late data event still counts.
        setTimeout(() => {
          if (!done) finish(undefined, new Error(`exited ${exitCode} before a prompt: ${JSON.stringify(out.slice(0, 300))}`));
        }, 50);
      });
    });
  }, progress);
}

/** Peak RSS (kB) of a whole short-lived run, via GNU time; undefined if unavailable. */
export function peakRssOfRun(command, args, timeBin) {
  return withState(
    (env) =>
      new Promise((resolve, reject) => {
        const child = spawn(timeBin, ['-f', '%M', command, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d) => (err += d));
        child.on('error', reject);
        child.on('close', () => {
          const kb = Number(err.trim().split('\n').at(-1));
          resolve(Number.isFinite(kb) ? { rssKb: kb } : undefined);
        });
      }),
  );
}

/** Whether process `pid` has a file under `prefix` open (Linux /proc). */
function hasOpen(pid, prefix) {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(prefix);
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * Milliseconds from SIGINT to exit, the signal sent `afterMs` after the
 * process opened a file under `prefix` (it is then loading it), or `latestMs`
 * after the start if that was not seen (a read can be over between two
 * looks), with fresh state and cache folders. Also how it ended and what it
 * printed, so a caller can tell an interrupted load from one that finished.
 */
export function timeToInterrupt(command, args, prefix, { afterMs = 30, latestMs = 400 } = {}) {
  const cache = mkdtempSync(join(tmpdir(), 'kl-bench-cache-'));
  return withState((env) => {
    env.XDG_CACHE_HOME = cache;
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.resume();
      let sent;
      const started = now();
      const poll = setInterval(() => {
        if (sent !== undefined) return;
        if (now() - started > latestMs || hasOpen(child.pid, prefix)) {
          clearInterval(poll);
          setTimeout(() => {
            sent = now();
            child.kill('SIGINT');
          }, afterMs);
        }
      }, 1);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearInterval(poll);
        if (sent === undefined) reject(new Error(`exited ${code} before the signal`));
        else resolve({ ms: now() - sent, code, signal, stdout });
      });
    });
  }).finally(() => rmSync(cache, { recursive: true, force: true }));
}
