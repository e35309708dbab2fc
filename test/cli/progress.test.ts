/**
 * Progress on the built CLI: resume after end of input, a signal or Ctrl-C;
 * a finished lesson; an edited lesson; --restart; hostile state folders;
 * `progress --json` and `reset`. `npm run build` first (npm test does).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadOnly } from '../progress/helpers/fs.js';
import { KEYS, PAUSE, PtySession } from '../helpers/pty.js';
import { childEnv, CLI, ROOT, runCli } from '../helpers/spawn.js';
import { tempStateHome } from '../helpers/state.js';

const TUTOR_LESSONS = join(ROOT, 'test', 'fixtures', 'lessons-tutor');
const TINY = ['tiny', '--plain', '--lessons', TUTOR_LESSONS];
/** Enter past the explanation, then the right answer to the first question. */
const FIRST_HALF = '\n2\n';
const SECOND_HALF = '1,3\nkubectl\n';

let home: string;
let file: string;
const cleanup: (() => void)[] = [];

beforeEach(() => {
  home = tempStateHome().home;
  file = join(home, 'kube-learn', 'progress.json');
});

afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
  rmSync(home, { recursive: true, force: true });
});

function kl(args: readonly string[], input = '') {
  return runCli(args, { input, env: { XDG_STATE_HOME: home } });
}

function savedSteps(lessonId: string): string[] {
  return Object.keys(JSON.parse(readFileSync(file, 'utf8')).lessons[lessonId]?.steps ?? {});
}

describe('resuming a lesson', { timeout: 60_000 }, () => {
  it('after end of input in plain mode: the resume line, then only the remaining steps', async () => {
    const first = await kl(TINY, FIRST_HALF);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^kube-learn: end of input; to pick up where you left off, run: kube-learn tiny --lessons /);
    expect(savedSteps('tiny')).toEqual(['intro', 'what-is-image']);

    const second = await kl(TINY, SECOND_HALF);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout.split('\n')[0]).toBe('Resuming tiny at step 3 of 4: 1 question answered: 1 right at the first try');
    expect(second.stdout).not.toContain('? What is a container image?');
    expect(second.stdout).not.toContain('[Enter] to continue');
    expect(second.stdout).toContain('Step 3 of 4');
    expect(second.stdout).toContain('? Which command-line tool talks to the Kubernetes API server?');
    // The score counts the question answered in the first run.
    expect(second.stdout.split('\n')).toContain('Score: 3/3');
    expect(JSON.parse(readFileSync(file, 'utf8')).lessons.tiny.finished).toEqual(expect.any(String));
  });

  it('after q: the same, and a missed question stays missed', async () => {
    expect((await kl(TINY, '\n1\n3\nq\n')).code).toBe(0);
    const second = await kl(TINY, SECOND_HALF);
    expect(second.stdout.split('\n')[0]).toBe('Resuming tiny at step 3 of 4: 1 question answered: 1 missed');
    expect(second.stdout.split('\n')).toContain('Score: 2/3');
  });

  it('a finished lesson shows its summary and how to start over, and asks nothing', async () => {
    await kl(TINY, FIRST_HALF + SECOND_HALF);
    const again = await kl(TINY, '');
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    // The command is one line whatever the checkout's path length (a code block is not wrapped).
    expect(again.stdout).toMatch(
      /^You finished tiny on \d{4}-\d\d-\d\d; here is how it went\. To start over, run:\n\n {4}kube-learn tiny --lessons \S+ --restart\n/,
    );
    expect(again.stdout.split('\n')).toContain('Score: 3/3');
    expect(again.stdout).not.toContain('? ');
  });

  it('--restart in plain mode starts over without asking', async () => {
    await kl(TINY, FIRST_HALF);
    const r = await kl([...TINY, '--restart'], '\n');
    expect(r.stdout).not.toContain('Resuming');
    expect(r.stdout).toContain('Step 1 of 4');
    expect(r.stdout).toContain('? What is a container image?');
    expect(savedSteps('tiny')).toEqual(['intro']);
  });

  it('a lesson edited since: gone steps are dropped from the count, new steps are walked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-learn-lessons-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(TUTOR_LESSONS, 'tiny.yaml'), join(dir, 'tiny.yaml'));
    const args = ['tiny', '--plain', '--lessons', dir];
    await kl(args, '\n2\n1,3\n');
    expect(savedSteps('tiny')).toEqual(['intro', 'what-is-image', 'pod-facts']);

    // The image question is gone; a new question comes before the Pod one.
    const original = readFileSync(join(dir, 'tiny.yaml'), 'utf8');
    const start = original.indexOf('  - id: what-is-image');
    const end = original.indexOf('  - id: pod-facts');
    const added = [
      '  - id: runtime',
      '    type: text',
      '    question: What runs containers on a node?',
      '    accept: [container runtime]',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'tiny.yaml'), original.slice(0, start) + added + original.slice(end));

    const r = await kl(args, 'container runtime\nkubectl\n');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Resuming tiny at step 2 of 4: 1 question answered: 1 right at the first try');
    expect(r.stdout).toContain('? What runs containers on a node?');
    expect(r.stdout).not.toContain('? Which are true of a Pod?');
    expect(r.stdout.split('\n')).toContain('Score: 3/3');
  });

  it("shows the learner's last manifest again", async () => {
    const pod = ['tiny-pod', '--plain', '--lessons', TUTOR_LESSONS];
    const wrong = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: wbe\n';
    expect((await kl(pod, `${wrong}EOF\nq\n`)).code).toBe(0);
    const r = await kl(pod, 'q\n');
    expect(r.stdout.split('\n')[0]).toBe('Resuming tiny-pod at step 1 of 1: no questions answered yet');
    expect(r.stdout).toContain('Start from:\n\n    apiVersion: v1\n    kind: Pod\n    metadata:\n      name: wbe\n');
  });
});

describe('signals', { timeout: 60_000 }, () => {
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
    it(`${signal} while a question waits: exit 130, one line, the settled steps kept`, async () => {
      const child = spawn(process.execPath, [CLI, ...TINY], {
        cwd: ROOT,
        env: childEnv({ XDG_STATE_HOME: home }),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      child.stdin.write(FIRST_HALF);
      const deadline = Date.now() + 20_000;
      while (!stdout.includes('? Which are true of a Pod?') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      expect(await closed).toBe(130);
      expect(stderr).toMatch(/^kube-learn: Interrupted\. To pick up where you left off, run: kube-learn tiny --lessons \S+\n$/);
      expect(savedSteps('tiny')).toEqual(['intro', 'what-is-image']);
    });
  }

  it('Ctrl-C in a terminal: exit 130, then the lesson resumes at the next step', async () => {
    const s = new PtySession(['tiny', '--lessons', TUTOR_LESSONS], { env: { XDG_STATE_HOME: home } });
    cleanup.push(() => s.kill());
    await s.waitFor(PAUSE);
    s.press(KEYS.enter);
    await s.waitFor('❯ A running process');
    s.press(KEYS.down);
    await s.waitFor('❯ A read-only template');
    s.press(KEYS.enter);
    await s.waitFor('? Which are true of a Pod?');
    s.press(KEYS.ctrlC);
    expect((await s.waitForExit()).exitCode).toBe(130);
    expect(savedSteps('tiny')).toEqual(['intro', 'what-is-image']);

    const again = new PtySession(['tiny', '--lessons', TUTOR_LESSONS], { env: { XDG_STATE_HOME: home } });
    cleanup.push(() => again.kill());
    const screen = await again.waitFor('? Which are true of a Pod?');
    expect(screen).toContain('Resuming tiny at step 3 of 4: 1 question answered: 1 right at the first try');
    expect(screen).not.toContain('What is a container image?');
  });

  it('--restart in a terminal asks first; no keeps the progress', async () => {
    await kl(TINY, FIRST_HALF);
    const s = new PtySession(['tiny', '--restart', '--lessons', TUTOR_LESSONS], { env: { XDG_STATE_HOME: home } });
    cleanup.push(() => s.kill());
    await s.waitFor('Start tiny over and forget your progress in it (2 of 4 steps done)?');
    s.press('n');
    s.press(KEYS.enter);
    const screen = await s.waitFor('? Which are true of a Pod?');
    expect(screen).toContain('Kept your progress.');
    expect(screen).toContain('Resuming tiny at step 3 of 4');
  });

  it('--restart in a terminal asks first; yes starts over', async () => {
    await kl(TINY, FIRST_HALF);
    const s = new PtySession(['tiny', '--restart', '--lessons', TUTOR_LESSONS], { env: { XDG_STATE_HOME: home } });
    cleanup.push(() => s.kill());
    await s.waitFor('Start tiny over and forget your progress in it (2 of 4 steps done)?');
    s.press('y');
    s.press(KEYS.enter);
    await s.waitFor(PAUSE);
    expect(s.screen()).toContain('Step 1 of 4');
    expect(savedSteps('tiny')).toEqual([]);
  });
});

describe('a state folder in a bad way', { timeout: 60_000 }, () => {
  it('read-only: one line naming the path, exit 1, the file unchanged', async (ctx) => {
    await kl(TINY, FIRST_HALF);
    const before = readFileSync(file);
    const restore = makeReadOnly(join(home, 'kube-learn'));
    if (!restore) return ctx.skip();
    cleanup.push(restore);
    const r = await kl(TINY, SECOND_HALF);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `kube-learn: could not save progress to ${file}: ${r.stderr.match(/: ([^:]*); your/)![1]}; your earlier progress is unchanged\n`,
    );
    expect(r.stderr).toMatch(/read-only|no permission/);
    expect(r.stdout).not.toContain('? ');
    expect(readFileSync(file)).toEqual(before);
  });

  it('a file in place of the folder: one line naming the path, exit 1', async () => {
    writeFileSync(join(home, 'kube-learn'), 'in the way');
    const r = await kl(TINY, FIRST_HALF);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `kube-learn: could not save progress to ${file}: a file is in the way of the folder ${join(home, 'kube-learn')}; your earlier progress is unchanged\n`,
    );
  });

  it('a corrupt file: moved aside, one line, and the lesson starts fresh', async () => {
    mkdirSync(join(home, 'kube-learn'));
    writeFileSync(file, '{"version": 1, "lessons": {"tiny": {"steps": ');
    const r = await kl(TINY, FIRST_HALF);
    expect(r.code).toBe(0);
    const [notice, ...rest] = r.stderr.split('\n');
    expect(notice).toMatch(
      /^kube-learn: progress file \S+progress\.json could not be read \(not JSON .*\); moved it to \S+progress\.json\.corrupt-\S+ and started fresh$/,
    );
    expect(rest.join('\n')).toMatch(/^kube-learn: end of input/);
    expect(readdirSync(join(home, 'kube-learn')).filter((f) => f.includes('corrupt'))).toHaveLength(1);
    expect(savedSteps('tiny')).toEqual(['intro', 'what-is-image']);
  });

  it('a newer format: one line saying to upgrade, exit 1, the file untouched', async () => {
    mkdirSync(join(home, 'kube-learn'));
    const newer = '{"version": 5, "lessons": {}, "future": true}\n';
    writeFileSync(file, newer);
    for (const args of [TINY, ['progress'], ['reset', 'tiny', '--yes']]) {
      const r = await kl(args, FIRST_HALF);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toBe(
        `kube-learn: progress file ${file} was written by a newer kube-learn (format 5; this one reads up to 4): upgrade kube-learn to continue\n`,
      );
    }
    const list = await kl(['list']);
    expect(list.code).toBe(0);
    expect(list.stderr).toContain('upgrade kube-learn to continue; progress not shown');
    expect(readFileSync(file, 'utf8')).toBe(newer);
    expect(readdirSync(join(home, 'kube-learn'))).toEqual(['progress.json']);
  });
});

describe('kube-learn progress, reset and list', { timeout: 60_000 }, () => {
  it('progress --json: score, missed questions, time spent', async () => {
    await kl(TINY, '\n1\n3\n');
    const r = await kl(['progress', '--json', '--lessons', TUTOR_LESSONS]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBe(file);
    expect(report.lessons).toEqual([
      {
        id: 'tiny',
        title: 'A tiny lesson',
        steps: { settled: 2, total: 4 },
        score: { right: 0, answered: 1, questions: 3, byScore: { 'right-first-try': 0, 'right-after-retry': 0, missed: 1, skipped: 0 } },
        missed: [{ stepId: 'what-is-image', question: 'What is a container image?', how: 'missed' }],
        complete: false,
        started: expect.any(String),
        finished: null,
        timeSpentMs: expect.any(Number),
        // The missed question comes back for review a day later.
        review: { cards: 1, due: 0, next: expect.any(String) },
      },
    ]);
  });

  it('progress in words, and with nothing saved', async () => {
    expect((await kl(['progress'])).stdout).toBe('No progress saved yet. kube-learn list shows the lessons.\n');
    await kl(TINY, '\n1\n3\n');
    const r = await kl(['progress', 'tiny', '--lessons', TUTOR_LESSONS]);
    expect(r.stdout).toMatch(
      /^tiny {2}A tiny lesson\n {2}Steps: 2\/4 {2}███░░░\n {2}Questions: 1 answered \(3 in the lesson\): 1 missed\n {2}Time spent: under a minute, started \d{4}-\d\d-\d\d\n {2}Next review: within a day \(\d{4}-\d\d-\d\d\)\n {2}Not right at the first try:\n {4}- What is a container image\? \(missed\)\n {2}Continue with: kube-learn tiny\n$/,
    );
  });

  it('reset --yes forgets one lesson; without a terminal and without --yes it is a usage error', async () => {
    await kl(TINY, FIRST_HALF);
    const refused = await kl(['reset', 'tiny']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'kube-learn: reset asks for a confirmation, and there is no terminal to ask in: pass --yes to reset tiny anyway\n',
    );
    expect(savedSteps('tiny')).toHaveLength(2);

    const r = await kl(['reset', 'tiny', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Reset tiny: kube-learn tiny starts it from the beginning.\n');
    expect(JSON.parse(readFileSync(file, 'utf8')).lessons).toEqual({});
    expect((await kl(['reset', 'day4', '--yes'])).stdout).toBe('day4 has no saved progress; nothing to reset.\n');
    const unknown = await kl(['reset', 'day44', '--yes']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^kube-learn: unknown lesson "day44" \(did you mean "day4"\?\)/);
  });

  it('reset in a terminal asks first', async () => {
    await kl(TINY, FIRST_HALF);
    const s = new PtySession(['reset', 'tiny'], { env: { XDG_STATE_HOME: home } });
    cleanup.push(() => s.kill());
    await s.waitFor('Forget your progress in tiny (2 steps done)?');
    s.press('y');
    s.press(KEYS.enter);
    await s.waitFor('Reset tiny');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).lessons).toEqual({});
  });

  it('list shows the progress column for a lesson begun', async () => {
    await kl(TINY, FIRST_HALF);
    const r = await kl(['list', '--lessons', TUTOR_LESSONS]);
    expect(r.stdout).toMatch(/^tiny +A tiny lesson +2\/4 {2}███░░░$/m);
    expect(r.stdout).toMatch(/^day4 +Create your first Pod +\d+ steps$/m);
  });
});
