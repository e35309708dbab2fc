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
