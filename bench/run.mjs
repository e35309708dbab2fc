#!/usr/bin/env node
// `npm run bench`: how long kube-learn makes a learner wait, as a multiple of
// Node's own start-up on the same machine. Each figure is measured over N runs
// after a warm-up, alternating with its floor (program, floor, floor, program,
// ...) so drift in machine load hits both alike; medians and their ratio are
// reported. Writes bench/results.json. Not part of `npm test`: timings on a
// shared machine are too noisy to fail a build on.
//
//   node bench/run.mjs [--runs N] [--warmup N] [--only name,name] [--cli dist/cli.js] [--out bench/results.json]
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fillProgress, readLessons, writeBigLesson, writeLessonPack, writeManifests } from './fixtures.mjs';
import { writeKubectlCorpus } from './kubectl.mjs';
import {
  cleanEnv,
  findRenderedPrompt,
  peakRssOfRun,
  timeToExit,
  timeToInterrupt,
  timeToPlainPrompt,
  timeToRenderedPrompt,
} from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const cli = resolve(arg('cli', join(root, 'dist', 'cli.js')));
const OUT = resolve(arg('out', join(root, 'bench', 'results.json')));
const RUNS = Math.max(10, Number(arg('runs', 15)));
const WARMUP = Number(arg('warmup', 2));
const ONLY = arg('only', '')?.split(',').filter(Boolean);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x === undefined ? undefined : Math.round(x * 10 ** d) / 10 ** d);

/** Warm-up, then N alternating runs of the program and its floor. */
async function paired(program, floor, pick = (r) => r.ms, runs = RUNS) {
  for (let i = 0; i < WARMUP; i++) {
    await program();
    await floor();
  }
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    // Alternate who goes first, so neither always runs on a just-warmed cache.
    if (i % 2 === 0) {
      a.push(pick(await program()));
      b.push(pick(await floor()));
    } else {
      b.push(pick(await floor()));
      a.push(pick(await program()));
    }
  }
  return { a, b };
}

const figures = [];
/** A figure, judged against `target` (a ratio to its floor, or a limit), or reported without one (`target` undefined: pass is null). */
function record(name, unit, { a, b }, target, kind = 'ratio', note) {
  const value = median(a);
  const floor = b ? median(b) : undefined;
  const ratio = floor ? value / floor : undefined;
  const pass = target === undefined ? null : kind === 'ratio' ? ratio <= target : value < target;
  const row = {
    name,
    unit,
    median: round(value),
    floor: round(floor),
    ratio: round(ratio, 2),
    target: target === undefined ? '-' : kind === 'ratio' ? `<= ${target}x` : `< ${target} ${unit}`,
    pass,
    runs: a.length,
    samples: a.map((x) => round(x)),
    floorSamples: b?.map((x) => round(x)),
  };
  if (note) row.note = note;
  figures.push(row);
  console.error(
    `  ${name}: ${row.median} ${unit}${floor ? ` vs ${row.floor} (${row.ratio}x)` : ''} ${verdict(pass)}${note ? `; ${note}` : ''}`,
  );
}
function verdict(pass) {
  return pass === null ? 'reported' : pass ? 'pass' : 'FAIL';
}
function skip(name, target, note) {
  figures.push({ name, skipped: true, target, note });
  console.error(`  ${name}: skipped (${note})`);
}

/**
 * Where lint's time goes: the median of each phase lint reports with
 * KUBE_LEARN_PHASES=1, over 5 runs. `cache()`: the cache folder of each run
 * (a fresh one for a cold lint, the filled one for a second lint).
 */
function lintPhases(pack, cache) {
  const runs = Array.from({ length: 5 }, () => {
    const env = cleanEnv({ KUBE_LEARN_PHASES: '1', XDG_CACHE_HOME: cache() });
    const { stderr } = spawnSync(node, [cli, 'lint', pack], { env, encoding: 'utf8' });
    return Object.fromEntries([...stderr.matchAll(/^phase (\S+) ([\d.]+) ms$/gm)].map((m) => [m[1], Number(m[2])]));
  });
  const names = Object.keys(runs[0]);
  return names.length === 0
    ? undefined
    : `phases (ms, CPU in-process): ${names.map((n) => `${n} ${round(median(runs.map((r) => r[n])))}`).join(', ')}`;
}

const want = (name) => !ONLY?.length || ONLY.some((o) => name.includes(o));
const floorPrompt = ['-e', "process.stdout.write('? ready\\n')"];
// Node printing its line without making process.stdout, as a lesson start
// writes its first screen on a pipe (src/terminal/stdout.ts): reported
// beside the row against the usual floor, which pays for the stream.
const floorPromptWithoutStream = ['-e', "require('node:fs').writeSync(1, '? ready\\n')"];
const floorZero = ['-e', '0'];

function timeBin() {
  for (const candidate of ['/usr/bin/time', '/bin/time']) {
    if (existsSync(candidate)) {
      try {
        execFileSync(candidate, ['-f', '%M', node, '-e', '0'], { stdio: 'pipe' });
        return candidate;
      } catch {
        // not GNU time
      }
    }
  }
  return undefined;
}

function hasCommand(name) {
  try {
    execFileSync(node, [cli, name, '--help'], { stdio: 'pipe', env: { ...process.env, NODE_EXTRA_CA_CERTS: '' } });
    return true;
  } catch {
    return false;
  }
}

/**
 * The progress store and the review scheduler, bundled from src/ (the CLI's
 * bundle exports nothing), for the progress figures: saves make review
 * cards, as a lesson's do.
 */
async function storeBundle(dir) {
  const { build } = await import('esbuild');
  const outfile = join(dir, 'store.cjs');
  await build({
    stdin: {
      contents: "export { ProgressStore } from './store.ts'; export { loadScheduler } from './schedule.ts';",
      resolveDir: join(root, 'src', 'progress'),
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    define: { 'import.meta.dirname': '__dirname' },
    logLevel: 'warning',
  });
  return outfile;
}

/** A progress file of the whole course: every day done with its tries and review cards, day 4 half done. */
async function historyFile() {
  const dir = mkdtempSync(join(tmpdir(), 'kl-bench-history-'));
  const { ProgressStore, loadScheduler } = createRequire(import.meta.url)(await storeBundle(dir));
  const lessons = readLessons(dirname(cli));
  mkdirSync(join(dir, 'kube-learn'), { mode: 0o700 });
  const store = new ProgressStore(join(dir, 'kube-learn', 'progress.json'));
  const day4 = lessons.find((l) => l.id === 'day4');
  const scheduler = await loadScheduler();
  await fillProgress(store, lessons, { open: 'day4', unfinished: Math.floor(day4.steps.length / 2), scheduler });
  return { dir, file: store.path };
}

if (!existsSync(cli)) {
  console.error('bench: dist/cli.js is missing; run npm run build first (npm run bench does)');
  process.exit(1);
}
const loadBefore = loadavg()[0];
console.error(`bench: ${RUNS} runs after ${WARMUP} warm-up, alternating with the floor (load average ${loadBefore.toFixed(2)})`);

if (want('--version'))
  record(
    'kube-learn --version',
    'ms',
    await paired(
      () => timeToExit(node, [cli, '--version']),
      () => timeToExit(node, floorZero),
    ),
    1.3,
  );
if (want('--help'))
  record(
    'kube-learn --help',
    'ms',
    await paired(
      () => timeToExit(node, [cli, '--help']),
      () => timeToExit(node, floorZero),
    ),
    1.3,
  );
// A start with a learner's whole history (historyFile), made when a start row is wanted.
let history;
// The first prompts are judged within a few hundredths of their targets, and
// one start's time spreads over ~3 ms here (the floor's over ~1 ms): these
// rows take twice the runs, for a steadier median at ~30 ms a run.
const PROMPT_RUNS = 2 * RUNS;
const promptRow = async (name, measure, target, opts, floor = floorPrompt) =>
  record(
    name,
    'ms',
    await paired(
      () => measure(node, [cli, 'day4', ...(measure === timeToPlainPrompt ? ['--plain'] : [])], opts),
      () => measure(node, floor),
      undefined,
      PROMPT_RUNS,
    ),
    target,
  );
// Compiled code is kept between runs by the launcher (dist/cli.js), on
// every Node. "Cold" is a start without it (after install, or another build):
// reported beside the warm figure, without a target of its own (issue 22).
const COLD = { env: { NODE_DISABLE_COMPILE_CACHE: '1' } };
/** A fresh state folder for a warm-up start, holding a copy of the progress file `progress` if given. */
function stateFolder(progress) {
  const state = mkdtempSync(join(tmpdir(), 'kl-bench-state-'));
  if (progress) {
    mkdirSync(join(state, 'kube-learn'), { mode: 0o700 });
    copyFileSync(progress, join(state, 'kube-learn', 'progress.json'));
  }
  return state;
}
/**
 * Runs a start to its end, so the compile cache is written, as it is when a
 * process exits: a measured run is killed at its prompt, so without this the
 * warm figures would be cold. Like a learner, it stops (stdin closed) only
 * after reading a while (READ_MS): a start's entry grows only then (see
 * scripts/launcher.cjs). With `progress`, a resumed start.
 */
async function warmCompileCache(args, progress) {
  const state = stateFolder(progress);
  const child = spawn(node, [cli, ...args], { stdio: ['pipe', 'pipe', 'ignore'], env: cleanEnv({ XDG_STATE_HOME: state }) });
  let quiet;
  child.stdout.on('data', () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => child.stdin.end(), READ_MS);
  });
  await new Promise((resolve) => child.on('close', resolve));
  clearTimeout(quiet);
  rmSync(state, { recursive: true, force: true });
}
/** How long a warm-up start waits at its first prompt before it stops. */
const READ_MS = 300;
/**
 * The same for the day4 rows, as a learner's first lesson fills it: in a
 * terminal, left with Ctrl-C at the first prompt. Its cache holds the
 * terminal front end's code too, which a plain start's lacks (terminal rows
 * 1.46-1.55x from a plain start's cache, 1.36-1.46x from this one; plain
 * rows the same from either, 2026-12-02). With `progress`, a resumed start,
 * which grows the cache by the code resuming runs, as a learner's first
 * resumed lesson does.
 */
async function warmCompileCacheInTerminal(args, progress) {
  const { spawn: ptySpawn } = await import('@lydell/node-pty');
  const state = stateFolder(progress);
  await new Promise((resolve, reject) => {
    const env = cleanEnv({ XDG_STATE_HOME: state });
    const term = ptySpawn(node, [cli, ...args], { name: 'xterm-256color', cols: 100, rows: 30, env });
    let out = '';
    let interrupted = false;
    const timer = setTimeout(() => {
      term.kill('SIGKILL');
      reject(new Error(`warm-up: no prompt within 10 s: ${JSON.stringify(out.slice(0, 300))}`));
    }, 10_000);
    term.onData((chunk) => {
      out += chunk;
      if (!interrupted && findRenderedPrompt(out)) {
        interrupted = true;
        setTimeout(() => term.write('\x03'), READ_MS);
      }
    });
    term.onExit(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  rmSync(state, { recursive: true, force: true });
}
// The learner the start rows measure has started a lesson and resumed one,
// in a terminal and with --plain: the launcher's cache holds what each of
// those starts runs (see scripts/launcher.cjs).
if (['plain', 'cold', 'pty', 'history', 'rss'].some(want)) {
  history = await historyFile();
  await warmCompileCacheInTerminal(['day4']);
  await warmCompileCacheInTerminal(['day4'], history.file);
  await warmCompileCache(['day4', '--plain']);
  await warmCompileCache(['day4', '--plain'], history.file);
}
if (want('plain')) {
  await promptRow('day4 --plain: first prompt (pipe)', timeToPlainPrompt, 1.25);
  await promptRow(
    'day4 --plain: the same, against a floor without a stream',
    timeToPlainPrompt,
    undefined,
    undefined,
    floorPromptWithoutStream,
  );
}
if (want('cold')) await promptRow('day4 --plain: first prompt (pipe), cold', timeToPlainPrompt, undefined, COLD);
if (want('pty')) await promptRow('day4: first prompt (PTY)', timeToRenderedPrompt, 1.35);
if (want('cold')) await promptRow('day4: first prompt (PTY), cold', timeToRenderedPrompt, undefined, COLD);
if (want('history')) {
  await promptRow('day4 --plain: first prompt, 7 days of progress', timeToPlainPrompt, 1.25, { progress: history.file });
  await promptRow('day4: first prompt (PTY), 7 days of progress', timeToRenderedPrompt, 1.35, { progress: history.file });
}
if (want('rss')) {
  const time = timeBin();
  if (!time) skip('day4 --plain: peak RSS', '<= 1.5x', 'GNU time not found for the node -e 0 floor');
  else {
    const runs = await paired(
      () => timeToPlainPrompt(node, [cli, 'day4', '--plain']),
      () => peakRssOfRun(node, floorZero, time),
      (r) => r.rssKb / 1024,
    );
    record(
      'day4 --plain: peak RSS to first prompt',
      'MB',
      runs,
      1.5,
      'ratio',
      'program: VmHWM from /proc at the first prompt; floor: GNU time %M of node -e 0 (the same kernel high-water mark)',
    );
  }
}

const work = mkdtempSync(join(tmpdir(), 'kl-bench-'));
try {
  if (want('lessons')) {
    // A second start: the warm-up runs fill the lesson cache in this folder.
    process.env.XDG_CACHE_HOME = join(work, 'cache');
    for (const [n, target] of [
      [1, 1.6],
      [100, 2.0],
    ]) {
      const dir = writeLessonPack(join(work, `lessons-${n}`), n, 50);
      // The compile cache in this cache folder holds the folder's code too.
      await warmCompileCache(['pack-1', '--plain', '--lessons', dir]);
      const start = () => timeToPlainPrompt(node, [cli, 'pack-1', '--plain', '--lessons', dir]);
      record(
        `--lessons, ${n} x 50 steps: first prompt, second start`,
        'ms',
        await paired(start, () => timeToPlainPrompt(node, floorPrompt)),
        target,
      );
    }
    delete process.env.XDG_CACHE_HOME;
  }
  if (want('save')) {
    // Medians of single saves; the "floor" is the same save into a file of one lesson.
    const out = execFileSync(node, [join(root, 'bench', 'save.mjs'), await storeBundle(work), dirname(cli), work, RUNS, WARMUP], {
      encoding: 'utf8',
    });
    const { large, small, largeBytes, smallBytes } = JSON.parse(out);
    const note = `one answer saved (lock, re-read, write, fsync, rename) into ${largeBytes} bytes of progress vs ${smallBytes}`;
    const ms = (xs, key) => ({ a: xs.large.map((x) => x[key]), b: xs.small.map((x) => x[key]) });
    record('save an answer: 7 days of progress vs 1 lesson', 'ms', ms({ large, small }, 'ms'), 1.2, 'ratio', note);
    // The wall clock includes fsync's wait, which varies with the disk; the CPU time is the process's own work.
    record('save an answer: the same, CPU time', 'ms', ms({ large, small }, 'cpuMs'), 1.2, 'ratio', note);
  }
  if (want('lint')) {
    // lint keeps what it found in a cache (src/commands/lint-cache.ts). A first
    // lint of the pack: every run with no lint cache, by a kube-learn that has
    // run before, so its compiled code is cached: the launcher's entries
    // (dist/cli.js: code-*.v8 in the cache folder) are copied into
    // each empty folder. Cold: the first lint after install, without either cache. Second lint: the pack
    // unchanged, the lint cache filled by the warm-up runs.
    const pack = writeLessonPack(join(work, 'pack'), 200, 50);
    let fresh = 0;
    const emptyCache = () => mkdtempSync(join(work, `lint-cache-${fresh++}-`));
    const compiled = emptyCache();
    execFileSync(node, [cli, 'lint', pack], { stdio: 'ignore', env: cleanEnv({ XDG_CACHE_HOME: compiled }) });
    const compiledEntries = existsSync(join(compiled, 'kube-learn'))
      ? readdirSync(join(compiled, 'kube-learn')).filter((f) => /^code-.*\.v8$/.test(f))
      : [];
    const withCompiledCode = () => {
      const folder = emptyCache();
      mkdirSync(join(folder, 'kube-learn'), { mode: 0o700 });
      for (const f of compiledEntries) copyFileSync(join(compiled, 'kube-learn', f), join(folder, 'kube-learn', f));
      return folder;
    };
    const filledCache = join(work, 'lint-cache-filled');
    const lintWith = (cache) => () => {
      process.env.XDG_CACHE_HOME = cache();
      return timeToExit(node, [cli, 'lint', pack]);
    };
    const floor = () => timeToExit(node, floorZero);
    const first = await paired(lintWith(withCompiledCode), floor);
    record(
      'lint: 200 lessons x 50 steps, first lint (no lint cache)',
      'ms',
      { a: first.a },
      700,
      'absolute',
      lintPhases(pack, withCompiledCode),
    );
    process.env.NODE_DISABLE_COMPILE_CACHE = '1';
    const cold = await paired(lintWith(emptyCache), floor);
    delete process.env.NODE_DISABLE_COMPILE_CACHE;
    record('lint: the same, cold (first run after install: no compile cache)', 'ms', { a: cold.a }, 700, 'absolute');
    const warm = await paired(
      lintWith(() => filledCache),
      floor,
    );
    record(
      'lint: 200 lessons x 50 steps, second lint (unchanged, from the cache)',
      'ms',
      { a: warm.a },
      700,
      'absolute',
      lintPhases(pack, () => filledCache),
    );
    const time = timeBin();
    const big = writeLessonPack(join(work, 'pack-1000'), 1000, 50);
    if (!time) skip('lint: 1,000 lessons, peak RSS', '< 150 MB', 'GNU time not found');
    else {
      const rss = [];
      for (let i = 0; i < 3; i++) {
        // Cold: parsing is what holds memory.
        process.env.XDG_CACHE_HOME = emptyCache();
        rss.push((await peakRssOfRun(node, [cli, 'lint', big], time)).rssKb / 1024);
      }
      record('lint: 1,000 lessons x 50 steps, peak RSS', 'MB', { a: rss }, 150, 'absolute', 'GNU time %M, 3 runs, cold (empty cache)');
    }
    delete process.env.XDG_CACHE_HOME;
  }
  if (want('SIGINT')) {
    // Ctrl-C while a lesson start parses one lesson file near the 1 MiB limit (seconds of work), at its first start.
    const dir = join(work, 'one-big');
    const file = writeBigLesson(join(dir, 'big.yaml'));
    const args = [cli, 'big', '--plain', '--lessons', dir];
    const runs = [];
    let printed = 0;
    for (let i = 0, tries = 0; runs.length < RUNS && tries < 3 * (WARMUP + RUNS); tries++) {
      const r = await timeToInterrupt(node, args, file);
      // Killed before its handler was installed (a slow start on a busy machine): not this figure; again.
      if (r.signal === 'SIGINT') continue;
      if (r.code !== 130) throw new Error(`SIGINT during a long load: exit ${r.code}`);
      // The lesson shown before the exit: the load ran to its end, deaf to the signal.
      if (i >= WARMUP) {
        runs.push(r.ms);
        if (r.stdout !== '') printed++;
      }
      i++;
    }
    record(
      'SIGINT during a long load',
      'ms',
      { a: runs },
      200,
      'absolute',
      `from SIGINT to exit 130, sent 30 ms after the 1 MiB lesson file was opened; ${printed} of ${runs.length} runs showed the lesson first`,
    );
    if (printed > 0) figures.at(-1).pass = false;
  }
  if (want('check')) {
    if (!hasCommand('check')) skip('check: 20 documents', '< 300 ms', 'kube-learn check is not built yet');
    else {
      const file = writeManifests(join(work, 'manifests.yaml'), 20);
      record(
        'check: 20 documents',
        'ms',
        await paired(
          () => timeToExit(node, [cli, 'check', file]),
          () => timeToExit(node, floorZero),
        ),
        300,
        'absolute',
      );
      const many = writeManifests(join(work, 'manifests-1000.yaml'), 1000);
      record(
        'check: 1,000 documents',
        'ms',
        await paired(
          () => timeToExit(node, [cli, 'check', many]),
          () => timeToExit(node, floorZero),
        ),
        2000,
        'absolute',
      );
    }
  }
  if (want('kubectl')) {
    // Each sample a fresh process: the figure includes loading the reader, as a learner's first judged answer does.
    const reader = join(dirname(cli), 'lazy', 'kubectl.cjs');
    const corpus = join(work, 'kubectl-corpus.json');
    const commands = writeKubectlCorpus(corpus, root, reader);
    const judge = () => JSON.parse(execFileSync(node, [join(root, 'bench', 'kubectl.mjs'), reader, corpus], { encoding: 'utf8' }));
    for (let i = 0; i < WARMUP; i++) judge();
    const samples = Array.from({ length: RUNS }, judge);
    const wrong = samples.find((s) => s.right !== s.total);
    if (wrong)
      throw new Error(`kubectl corpus: ${wrong.total - wrong.right} answers judged wrong; every one is a spelling of its expected command`);
    const load = median(samples.map((s) => s.loadMs));
    const note = `${commands} course commands spelled 1,000 ways; includes loading dist/lazy/kubectl.cjs (median ${round(load)} ms)`;
    record('kubectl: read and judge 1,000 course commands', 'ms', { a: samples.map((s) => s.ms) }, 100, 'absolute', note);
    // On a busy machine the wall clock measures the scheduler too: the CPU time is the reader's own work.
    record('kubectl: the same, CPU time', 'ms', { a: samples.map((s) => s.cpuMs) }, 100, 'absolute', note);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  if (history) rmSync(history.dir, { recursive: true, force: true });
}

// Other work on the machine slows program and floor alike, but not exactly
// alike: the load average says how far to trust the ratios.
const machine = {
  cpu: cpus()[0]?.model.trim(),
  cores: cpus().length,
  node: process.version,
  platform: `${process.platform} ${release()}`,
  loadAverage: [round(loadBefore, 2), round(loadavg()[0], 2)],
};
const results = {
  date: new Date().toISOString(),
  machine,
  cli: relative(root, cli),
  runs: RUNS,
  promptRuns: PROMPT_RUNS,
  warmup: WARMUP,
  env: 'NODE_EXTRA_CA_CERTS unset for program and floor alike',
  figures,
};
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

const header = ['figure', 'median', 'floor', 'ratio', 'target', 'result'];
const rows = figures.map((f) =>
  f.skipped
    ? [f.name, '-', '-', '-', f.target, `skipped: ${f.note}`]
    : [
        f.name,
        `${f.median} ${f.unit}`,
        f.floor === undefined ? '-' : `${f.floor} ${f.unit}`,
        f.ratio === undefined ? '-' : `${f.ratio}x`,
        f.target,
        verdict(f.pass),
      ],
);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
console.log(
  `\n${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}; medians of ${RUNS} runs (first prompts: ${PROMPT_RUNS}); load average ${machine.loadAverage.join(' -> ')}\n`,
);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(
  '\nfloors: node -e 0 (version, help, RSS, lint, check); node -e "process.stdout.write(\'? ready\\n\')" (prompts);' +
    " node -e \"require('node:fs').writeSync(1, '? ready\\n')\" (without a stream)",
);
process.exitCode = figures.some((f) => !f.skipped && f.pass === false) ? 1 : 0;
