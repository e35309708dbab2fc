/**
 * Complexity as a ratio, never as an absolute time: how much longer `work`
 * takes on an input twice the size. A linear cost gives about 2, a
 * quadratic one 4. It is measured over four times the size and given per
 * doubling (the square root), which halves what noise does to the figure. Measured in CPU time of this process (other processes on
 * a busy machine don't count), each measure repeating the work until it has
 * taken a few milliseconds, small and large measured in turn, the best of
 * five (three for slow work) kept.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function perRun<T>(work: (input: T) => unknown, input: T): number {
  let runs = 0;
  const start = cpuMs();
  let elapsed = 0;
  do {
    work(input);
    runs++;
    elapsed = cpuMs() - start;
  } while (elapsed < 10);
  return elapsed / runs;
}

export function growth<T>(work: (input: T) => unknown, make: (size: number) => T, size: number): number {
  // A linear cost gives about 2 and a quadratic one 4. A linear cost once
  // measured 3.13 in a full run on a busy machine (a test of
  // markdown-scan.test.ts, limit 3), so a figure between the two is measured
  // again, up to three times in all, and the lowest kept: more measures can
  // bring noise down, never a quadratic cost under 3.
  let lowest = Infinity;
  for (let i = 0; i < 3 && lowest >= 2.5; i++) lowest = Math.min(lowest, measure(work, make, size));
  return lowest;
}

function measure<T>(work: (input: T) => unknown, make: (size: number) => T, size: number): number {
  const small = make(size);
  const large = make(4 * size);
  work(small);
  work(large);
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  const start = cpuMs();
  // Five rounds, or three when the work is slow (a test has 5 s).
  for (let i = 0; i < 5 && (i < 3 || cpuMs() - start < 1000); i++) {
    bestSmall = Math.min(bestSmall, perRun(work, small));
    bestLarge = Math.min(bestLarge, perRun(work, large));
  }
  return Math.sqrt(bestLarge / bestSmall);
}
