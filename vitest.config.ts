import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// A test's timeout catches a hang; it is not a speed target (those live in
// `npm run bench`). Vitest's default of 5 s is within reach of a property
// test's 400 runs on a CI runner whose two cores are shared, which failed a
// build that was otherwise green. The slowest tests take about 10 s on an
// idle 2-core runner (property tests that start the CLI hundreds of times),
// so a hang is called at six times that.
export default defineConfig({
  test: {
    globalSetup: ['test/setup/temp-folder.ts'],
    // A file per core, not Vitest's one fewer: most test files spend their
    // time waiting on the CLIs they start. On the 2-core CI machine that is
    // 2 files at a time instead of 1: the suite took 210 s instead of 315 s
    // on Node 20 and 165 s instead of 265 s on Node 22 (2026-12-02), and CI,
    // which runs it three times, had reached 894 s of its 15 minutes.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each CLI a test starts has an empty cache folder of its own, so every
    // one would compile cold and write the launcher's code cache at exit
    // (~0.3 MB each, ~600 MB a run, written only to be removed with the
    // run's temp folder). Tests of behaviour run without it;
    // test/cli/code-cache.test.ts turns it on.
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
});
