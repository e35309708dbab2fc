/**
 * Both front ends make process.stdin (a stream: ~0.2 ms in a terminal) only
 * once the first screen is out, and plain mode in a pipe makes
 * process.stdout (a socket: ~1.5 ms) only after that too
 * (src/terminal/stdout.ts), so the learner sees it that much sooner; the
 * course map, printed in a pipe, makes neither. A
 * preloaded observer (test/fixtures/preload/report-streams-asked.cjs)
 * records what was written when the program first asked for each.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAUSE, PtySession } from '../helpers/pty.js';
import { ROOT, runCli } from '../helpers/spawn.js';

const OBSERVER = join(ROOT, 'test', 'fixtures', 'preload', 'report-streams-asked.cjs');

type Report = { stdin?: string; stdout?: string };

function observed(): { env: Record<string, string>; writtenFirst: () => Report } {
  const report = join(mkdtempSync(join(tmpdir(), 'kube-learn-streams-')), 'report.json');
  return {
    env: { NODE_OPTIONS: `--require ${OBSERVER}`, KUBE_LEARN_STREAMS_REPORT: report },
    writtenFirst: () => JSON.parse(readFileSync(report, 'utf8')) as Report,
  };
}

const FIRST_SCREEN = /^Step 1 of \d+[\s\S]*\[Enter\] to continue\n$/m;

let session: PtySession | undefined;
afterEach(() => {
  session?.kill();
  session = undefined;
});

describe('the streams are made after the first screen', () => {
  it('in plain mode in a pipe: the step and its prompt are out before stdin and stdout are made', async () => {
    const { env, writtenFirst } = observed();
    const r = await runCli(['day4', '--plain'], { input: '\nq\n', env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Step 1 of \d+[\s\S]*Step 2 of \d+[\s\S]*Stopped\. To pick up where you left off/);
    const { stdin, stdout } = writtenFirst();
    expect(stdin).toMatch(FIRST_SCREEN);
    // Made for the first write after the program waited: the second step.
    expect(stdout).toMatch(FIRST_SCREEN);
  });

  it('the course map in a pipe is written without making either stream: it waits for nothing', async () => {
    const { env, writtenFirst } = observed();
    const r = await runCli([], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Start with: kube-learn day1$/m);
    expect(writtenFirst()).toEqual({});
  });

  it('in a terminal: the step and the pause are out before stdin is made', async () => {
    const { env, writtenFirst } = observed();
    const s = (session = new PtySession(['day4'], { env }));
    await s.waitFor(PAUSE);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    const shown = writtenFirst().stdin;
    expect(shown).toContain('Step 1 of');
    expect(shown).toContain('Ready?');
  });
});
