import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import { childEnv } from '../helpers/spawn.js';

// The global setup (./temp-folder.ts) gives the run a temp folder of its own,
// removed at the end: the folders tests make, and the CLI children's, are in it.
it('makes the state and cache folders of CLI children in the run’s own temp folder', () => {
  expect(basename(tmpdir())).toMatch(/^kube-learn-test-/);
  const env = childEnv();
  expect(env.TMPDIR).toBe(tmpdir());
  expect(env.XDG_STATE_HOME?.startsWith(join(tmpdir(), 'kube-learn-state-'))).toBe(true);
  expect(env.XDG_CACHE_HOME?.startsWith(join(tmpdir(), 'kube-learn-state-'))).toBe(true);
});
