#!/usr/bin/env node
// The first prompt of `day4 --plain` for a learner six days in, with review
// cards saved (format 3), against the same start with the same file without
// cards (format 2) on an older build given with --before. Review asks that
// the first prompt stay within 5% with 7 lessons and their cards. Alternating
// runs; reports the median wall time to the first prompt and the mean CPU
// time (user + sys, GNU time) of a run to that prompt and `q`, the steadier
// figure on a loaded machine. A file of its own, next to bench/run.mjs.
//
//   node bench/review-start.mjs [--runs N] [--cli dist/cli.js] [--before path/to/older/dist/cli.js]
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, findPlainPrompt } from './measure.mjs';
import { writeProgressFile } from './progress-fixture.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 40));
const cli = resolve(arg('cli', join(root, 'dist', 'cli.js')));
const before = arg('before') && resolve(arg('before'));
const now = () => Number(process.hrtime.bigint()) / 1e6;
const TIME = ['/usr/bin/time', '/bin/time'].find((t) => existsSync(t));

/** A state folder holding `file` as the progress file. */
function stateWith(file) {
  const home = mkdtempSync(join(tmpdir(), 'kl-review-bench-'));
  mkdirSync(join(home, 'kube-learn'), { mode: 0o700 });
  copyFileSync(file, join(home, 'kube-learn', 'progress.json'));
  return home;
}

/** Milliseconds from spawn to the first plain prompt. */
function toPrompt(program, home) {
  return new Promise((done, fail) => {
    const start = now();
    const child = spawn(process.execPath, [program, 'day4', '--plain'], { env: cleanEnv({ XDG_STATE_HOME: home }), stdio: 'pipe' });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      if (findPlainPrompt(out)) {
        const ms = now() - start;
        child.kill('SIGKILL');
        child.once('close', () => done(ms));
      }
    });
    child.on('exit', (code) => code !== null && !findPlainPrompt(out) && fail(new Error(`exited ${code} before a prompt: ${out}`)));
  });
}

/** CPU milliseconds (user + sys) of a run to the first prompt and `q`. */
function cpu(program, home) {
  if (!TIME) return undefined;
  const { stderr } = spawnSync(TIME, ['-f', '%U %S', process.execPath, program, 'day4', '--plain'], {
    input: 'q\n',
    env: cleanEnv({ XDG_STATE_HOME: home }),
    encoding: 'utf8',
  });
  const [user, sys] = stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return (user + sys) * 1000;
}

const work = mkdtempSync(join(tmpdir(), 'kl-review-bench-files-'));
try {
  const lessons = dirname(cli);
  const cases = [{ name: 'this build, 7 lessons with cards', program: cli, file: writeProgressFile(join(work, 'v3.json'), lessons) }];
  if (before)
    cases.unshift({
      name: 'older build, the same without cards',
      program: before,
      file: writeProgressFile(join(work, 'v2.json'), lessons, { format: 2 }),
    });
  cases.push({ name: 'this build, no progress', program: cli, file: undefined });
  for (const c of cases) Object.assign(c, { wall: [], cpu: [] });
  console.error(`review-start: ${RUNS} alternating runs, load average ${loadavg()[0].toFixed(2)}`);
  for (let i = 0; i < RUNS + 2; i++) {
    for (const c of i % 2 ? [...cases].reverse() : cases) {
      const home = c.file ? stateWith(c.file) : mkdtempSync(join(tmpdir(), 'kl-review-bench-'));
      try {
        const wall = await toPrompt(c.program, home);
        const used = cpu(c.program, home);
        // The first two rounds warm the disk cache.
        if (i >= 2) {
          c.wall.push(wall);
          if (used !== undefined) c.cpu.push(used);
        }
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const c of cases) {
    const cpuText = c.cpu.length ? `, CPU mean ${mean(c.cpu).toFixed(1)} ms` : '';
    console.log(`${c.name}: first prompt median ${median(c.wall).toFixed(1)} ms${cpuText}`);
  }
  console.log(`load average after: ${loadavg()[0].toFixed(2)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
