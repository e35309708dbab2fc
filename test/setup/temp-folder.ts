/**
 * Vitest's global setup: one temp folder for the whole run. Every folder a
 * test makes with mkdtemp(tmpdir()), and every temp file of the CLI children
 * it starts, lands under it (the workers and their children inherit TMPDIR),
 * and it is removed when the run ends. Tests make state and cache folders by
 * the hundred (test/helpers/spawn.ts gives each child two); left in /tmp they
 * piled up to tens of thousands of folders on a developer's machine, slowing
 * every mkdtemp there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'kube-learn-test-'));
  process.env.TMPDIR = folder;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(folder, { recursive: true, force: true });
  };
}
