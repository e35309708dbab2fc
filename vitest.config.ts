import { defineConfig } from 'vitest/config';

// A test's timeout catches a hang; it is not a speed target (those live in
// `npm run bench`). Vitest's default of 5 s is within reach of a property
// test's 400 runs on a CI runner whose two cores are shared, which failed a
// build that was otherwise green, so allow a hang six times longer.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
