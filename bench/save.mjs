// What saving an answer costs, as a learner's session pays it: the progress
// store (bundled from src/ by bench/run.mjs) saves one settled step, under its
// lock, with fsync, in a long-running process. Two stores are measured turn
// about: one whose file holds a single lesson, one whose file holds every
// lesson of the course with its history (bench/fixtures.mjs). Prints JSON:
// per save, the wall clock (fsync included) and the CPU time.
//
//   node bench/save.mjs <store.cjs> <dist> <state dir> <runs> <warmup>
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fillProgress, readLessons } from './fixtures.mjs';

const [storeFile, lessonsFile, stateDir, runs, warmup] = process.argv.slice(2);
const { ProgressStore, loadScheduler } = createRequire(import.meta.url)(storeFile);
const scheduler = await loadScheduler();
const lessons = readLessons(lessonsFile);

async function storeWith(name, course) {
  const dir = join(stateDir, name, 'kube-learn');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const store = new ProgressStore(join(dir, 'progress.json'));
  await fillProgress(store, course, { scheduler });
  return store;
}

const small = await storeWith('one', lessons.slice(0, 1));
const large = await storeWith('all', lessons);

// Each save answers a step of the first lesson again (the file keeps its size).
const first = lessons[0];
const questions = first.steps.filter((s) => s.type !== 'explain');
let turn = 0;
async function save(store) {
  const step = questions[turn++ % questions.length];
  const start = performance.now();
  const cpu = process.cpuUsage();
  await store.record(
    first.id,
    { stepId: step.id, type: step.type, status: 'right', attempts: 1, firstTry: true, revealed: false },
    1000,
    scheduler,
  );
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const a = [];
const b = [];
for (let i = 0; i < Number(warmup); i++) {
  await save(large);
  await save(small);
}
for (let i = 0; i < Number(runs); i++) {
  if (i % 2 === 0) {
    a.push(await save(large));
    b.push(await save(small));
  } else {
    b.push(await save(small));
    a.push(await save(large));
  }
}
console.log(JSON.stringify({ large: a, small: b, largeBytes: statSync(large.path).size, smallBytes: statSync(small.path).size }));
