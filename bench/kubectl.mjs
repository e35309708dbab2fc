// The kubectl reader's figure: 1,000 answers made from the course's own
// commands by permutation (test/fixtures/kubectl-commands.txt and every
// `expect` of a command question in lessons/), each judged against the
// command it was made from. Run as a child of bench/run.mjs, so every sample
// is a cold start of the reader as a learner's first judged answer is:
//
//   node bench/kubectl.mjs <dist/lazy/kubectl.cjs> <corpus.json>
//
// prints {"ms": <require + judging all>, "cpuMs": <the same in CPU time>, "loadMs": <require alone>, "right": <count>}.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/** A small seeded generator (mulberry32), so every run judges the same corpus. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The course's commands: the fixture list, and the expected commands of the lessons' command questions. */
function courseCommands(root) {
  const fixture = readFileSync(join(root, 'test', 'fixtures', 'kubectl-commands.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  const lessons = readdirSync(join(root, 'lessons')).filter((f) => /\.ya?ml$/.test(f));
  const expects = lessons.flatMap((f) =>
    [...readFileSync(join(root, 'lessons', f), 'utf8').matchAll(/^\s+- (k(?:ubectl)? .*)$/gm)].map((m) =>
      m[1].replace(/^(["'])(.*)\1$/, '$2'),
    ),
  );
  return [...fixture, ...expects];
}

/** Writes the corpus: [expected, answer] pairs, answers spelled at random by the reader's own spell(). */
export function writeKubectlCorpus(file, root, kubectlCjs, size = 1000) {
  const { readCommand, spell } = createRequire(import.meta.url)(kubectlCjs);
  const readings = courseCommands(root).flatMap((line) => {
    const r = readCommand(line);
    return r.ok ? [[line, r.reading]] : [];
  });
  const pick = seeded(15);
  const corpus = Array.from({ length: size }, (_, i) => {
    const [line, reading] = readings[i % readings.length];
    return [line, spell(reading, pick)];
  });
  writeFileSync(file, JSON.stringify(corpus));
  return readings.length;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [kubectlCjs, corpusFile] = process.argv.slice(2).map((p) => resolve(p));
  const corpus = JSON.parse(readFileSync(corpusFile, 'utf8'));
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { judgeCommand } = createRequire(import.meta.url)(kubectlCjs);
  const loaded = performance.now();
  let right = 0;
  for (const [expected, answer] of corpus) if (judgeCommand([expected], [], answer).right) right++;
  const end = performance.now();
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${JSON.stringify({ ms: end - start, cpuMs: (used.user + used.system) / 1000, loadMs: loaded - start, right, total: corpus.length })}\n`,
  );
}
