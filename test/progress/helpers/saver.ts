/**
 * A child process for the crash and concurrency tests: it saves steps
 * `<prefix>1`, `<prefix>2`, ... of one lesson through the real store, one
 * save after another, continuing after the last one already in the file, and
 * prints `saved <n>` once each save has returned. Each save carries the
 * step's review card too (the FSRS scheduler), as a lesson's saves do.
 *
 * Usage: node saver.mjs <lesson> <prefix> <count | forever>
 */
import { loadScheduler } from '../../../src/progress/schedule.js';
import { ProgressStore } from '../../../src/progress/store.js';

const [lessonId = 'day4', prefix = 's', count = 'forever'] = process.argv.slice(2);
const store = ProgressStore.fromEnv();
const scheduler = await loadScheduler();
const { progress } = await store.load();
let n = [...(progress.lessons.get(lessonId)?.steps.keys() ?? [])].filter((k) => k.startsWith(prefix)).length;
process.stdout.write(`ready ${n}\n`);
const limit = count === 'forever' ? Infinity : Number(count);
for (let i = 0; i < limit; i++) {
  n++;
  // Answers of varying length, so a torn write could not pass for a whole file.
  const answer = `answer ${n} ${'x'.repeat((n % 37) * 53)}`;
  await store.record(
    lessonId,
    { stepId: `${prefix}${n}`, type: 'text', status: 'right', attempts: 1, firstTry: true, revealed: false, answer },
    n,
    scheduler,
  );
  process.stdout.write(`saved ${n}\n`);
}
