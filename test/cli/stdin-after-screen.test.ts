/**
 * Both front ends make process.stdin (a stream: ~0.2 ms in a terminal) only
 * once the first screen is out, so the learner sees it that much sooner. A
 * preloaded observer (test/fixtures/preload/report-stdin-asked.cjs) records
 * what was written when the program first asked for it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAUSE, PtySession } from '../helpers/pty.js';
import { ROOT, runCli } from '../helpers/spawn.js';

const OBSERVER = join(ROOT, 'test', 'fixtures', 'preload', 'report-stdin-asked.cjs');

function observed(): { env: Record<string, string>; writtenFirst: () => string | null } {
  const report = join(mkdtempSync(join(tmpdir(), 'kube-learn-stdin-')), 'report.json');
  return {
    env: { NODE_OPTIONS: `--require ${OBSERVER}`, KUBE_LEARN_STDIN_REPORT: report },
    writtenFirst: () => (JSON.parse(readFileSync(report, 'utf8')) as { before: string | null }).before,
  };
}

let session: PtySession | undefined;
afterEach(() => {
  session?.kill();
  session = undefined;
});

describe('process.stdin is made after the first screen', () => {
  it('in plain mode: the step and its prompt are out first', async () => {
    const { env, writtenFirst } = observed();
    expect((await runCli(['day4', '--plain'], { input: 'q\n', env })).code).toBe(0);
    expect(writtenFirst()).toMatch(/^Step 1 of \d+[\s\S]*\[Enter\] to continue\n$/m);
  });

  it('in a terminal: the step and the pause are out first', async () => {
    const { env, writtenFirst } = observed();
    const s = (session = new PtySession(['day4'], { env }));
    await s.waitFor(PAUSE);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    const shown = writtenFirst();
    expect(shown).toContain('Step 1 of');
    expect(shown).toContain('Ready?');
  });
});
