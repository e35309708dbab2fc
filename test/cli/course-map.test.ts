/**
 * The course map and the next-day offer in a terminal, on the built CLI in a
 * pseudo-terminal: keys pressed, the screen read back. `npm run build` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, PAUSE, type PtyOptions, PtySession } from '../helpers/pty.js';
import { runCli } from '../helpers/spawn.js';
import { tempStateHome } from '../helpers/state.js';

const LESSONS = ['--lessons', 'test/fixtures/lessons-course'];
const ESC = '\u001b';
let session: PtySession | undefined;

function open(args: string[], opts?: PtyOptions): PtySession {
  session = new PtySession(args, opts);
  return session;
}

afterEach(() => {
  session?.kill();
  session = undefined;
});

describe('kube-learn without a lesson, in a terminal', { timeout: 60_000 }, () => {
  it('shows the map with the first day highlighted; arrows move, Enter starts the highlighted day', async () => {
    const s = open(LESSONS);
    const map = await s.waitFor('↑↓ move • ⏎ start • q quit');
    expect(map).toContain('The course: 0 of 10 lessons done');
    expect(map).toContain('❯ Day 1   What Kubernetes is\n          ░░░░░░ not started · ');
    s.press(KEYS.down.repeat(8));
    await s.waitFor('❯ Day 10  Tenth day');
    // Past the end stays at the end; up goes back.
    s.press(KEYS.down.repeat(3));
    await s.waitFor('❯ extra   An extra lesson');
    s.press(KEYS.up.repeat(2));
    const moved = await s.waitFor('❯ Day 9   Ninth day');
    expect(moved.match(/❯/g)).toHaveLength(1);
    expect(moved).toContain('  Day 1   What Kubernetes is');
    s.press(KEYS.enter);
    const lesson = await s.waitFor(PAUSE);
    expect(lesson).toMatch(/Step 1 of 2\nA page\n/);
    expect(lesson).not.toContain('⏎ start');
    s.press('q');
    await s.waitFor('Stopped. To pick up where you left off, run:');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('q and Esc leave the map with exit 0', async () => {
    for (const key of ['q', ESC]) {
      const s = open([]);
      await s.waitFor('❯ Day 1  What Kubernetes is');
      s.press(key);
      expect((await s.waitForExit()).exitCode).toBe(0);
      expect(s.screen()).not.toContain('⏎ start');
    }
  });

  it('Ctrl-C at the map is an interrupt: exit 130', async () => {
    const s = open([]);
    await s.waitFor('❯ Day 1  What Kubernetes is');
    s.press(KEYS.ctrlC);
    expect((await s.waitForExit()).exitCode).toBe(130);
    expect(s.text()).toContain('kube-learn: Interrupted.');
  });

  it('highlights the lesson a previous run left unfinished', async () => {
    const env = { XDG_STATE_HOME: tempStateHome().home };
    await runCli(['day9', '--plain', ...LESSONS], { input: '\nq\n', env });
    const s = open(LESSONS, { env });
    const map = await s.waitFor('❯ Day 9   Ninth day');
    expect(map).toContain('          ███░░░ 1 of 2 steps');
    s.press(KEYS.enter);
    await s.waitFor('Resuming day9 at step 2 of 2');
    await s.waitFor('? Which command-line tool talks to the API server?');
  });

  it('ACCESSIBLE=1 prints the map and the hint line instead, and exits', async () => {
    const s = open([], { env: { ACCESSIBLE: '1' } });
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(s.text()).toContain('> Day 1  What Kubernetes is');
    expect(s.text()).toContain('Start with: kube-learn day1');
  });
});

describe('the end of a lesson in a terminal', { timeout: 60_000 }, () => {
  async function finishDay9(s: PtySession): Promise<string> {
    await s.waitFor(PAUSE);
    s.press(KEYS.enter);
    await s.waitFor('? Which command-line tool talks to the API server?');
    s.press(`kubectl${KEYS.enter}`);
    return s.waitFor('Start it now?');
  }

  it('offers the next day, and Enter (yes) starts it in the same run', async () => {
    const env = { XDG_STATE_HOME: tempStateHome().home };
    const s = open(['day9', ...LESSONS], { env });
    const end = await finishDay9(s);
    expect(end).toContain('Score: 1/1');
    expect(end).toContain('? Next: day 10, Tenth day. Start it now? (Y/n)');
    s.press(KEYS.enter);
    const next = await s.waitFor('Another page');
    expect(next).toContain('A Pod is the smallest object that runs containers.');
    s.press('q');
    // Quitting the second lesson names it, not the first.
    await s.waitFor('kube-learn day10 --lessons test/fixtures/lessons-course');
    expect((await s.waitForExit()).exitCode).toBe(0);
    const list = JSON.parse((await runCli(['list', '--json', ...LESSONS], { env })).stdout) as {
      id: string;
      complete?: boolean;
      settled?: number;
    }[];
    expect(list.find((l) => l.id === 'day9')).toMatchObject({ complete: true });
    expect(list.find((l) => l.id === 'day10')).toMatchObject({ complete: false, settled: 0 });
  });

  it('Ctrl-C at the offer is an interrupt, with nothing left to pick up', async () => {
    const s = open(['day9', ...LESSONS]);
    await finishDay9(s);
    s.press(KEYS.ctrlC);
    expect((await s.waitForExit()).exitCode).toBe(130);
    expect(s.text()).toContain('kube-learn: Interrupted.');
    expect(s.text()).not.toContain('pick up where you left off');
  });

  it('no: says how to start it later, and exits 0', async () => {
    const s = open(['day9', ...LESSONS]);
    await finishDay9(s);
    s.press(`n${KEYS.enter}`);
    await s.waitFor('To start it later, run kube-learn day10 --lessons test/fixtures/lessons-course');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });
});
