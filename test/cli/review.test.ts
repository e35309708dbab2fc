/**
 * `kube-learn review` on the built CLI, in plain mode, with the clock set by
 * KUBE_LEARN_NOW (no real time): a lesson finished with two missed
 * questions brings exactly those two back a day later, alternating lessons
 * when two have due questions; the due count shows at a lesson start, in
 * the course map and in `list`; quitting mid-review keeps what was
 * answered. `npm run build` first (npm test does).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYS, PtySession } from '../helpers/pty.js';
import { CliProcess, ROOT, runCli } from '../helpers/spawn.js';
import { tempStateHome } from '../helpers/state.js';

const LESSONS = join(ROOT, 'test', 'fixtures', 'lessons-review');
const T0 = '2026-12-02T09:00:00.000Z';
const NEXT_DAY = '2026-12-03T09:00:00.000Z';
const JUST_BEFORE = '2026-12-03T08:59:00.000Z';

/** alpha: Enter past the explanation; image wrong twice (missed), pod right, tool skipped. */
const ALPHA_TWO_MISSED = '\n1\n3\n1,3\ns\n';
/** beta: Enter, namespace wrong twice (missed), node wrong twice (missed). */
const BETA_TWO_MISSED = '\nkube-system\nnone\n2\n2\n';

let home: string;
let file: string;

beforeEach(() => {
  home = tempStateHome().home;
  file = join(home, 'kube-learn', 'progress.json');
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

function kl(args: readonly string[], input: string, now: string) {
  return runCli([...args, '--lessons', LESSONS], { input, env: { XDG_STATE_HOME: home, KUBE_LEARN_NOW: now, TZ: 'UTC' } });
}

/** The questions a plain review asked, in order, as "lesson: question". */
function asked(stdout: string): string[] {
  const out: string[] = [];
  const lines = stdout.split('\n');
  lines.forEach((line, i) => {
    const m = /^Review \d+ of \d+: (\w+), /.exec(line);
    const question = lines.slice(i + 1).find((l) => l.startsWith('? '));
    if (m && question) out.push(`${m[1]}: ${question.slice(2)}`);
  });
  return out;
}

/** Plain mode wraps at 80 columns: the text with every run of white space as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function savedCards(lessonId: string): Record<string, { due: string; reps: number }> {
  return JSON.parse(readFileSync(file, 'utf8')).lessons[lessonId].cards;
}

describe('kube-learn review', { timeout: 60_000 }, () => {
  it('a day after a lesson with two missed questions asks exactly those two, once each', async () => {
    const lesson = await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    expect(lesson.code).toBe(0);
    expect(lesson.stdout).toContain('Score: 1/3');

    const early = await kl(['review', '--plain'], '', JUST_BEFORE);
    expect(early.code).toBe(0);
    expect(early.stdout).toBe('No questions are due for review. The next one is due within a day (2026-12-03).\n');

    // The right answer to the first, a wrong one to the second: one answer each, no second try.
    const r = await kl(['review', '--plain'], '2\nkubeadm\n', NEXT_DAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(asked(r.stdout)).toEqual([
      'alpha: What is a container image?',
      'alpha: Which command-line tool talks to the Kubernetes API server?',
    ]);
    expect(r.stdout.split('\n')[0]).toBe('2 questions are due for review.');
    // No explanation comes before a review's question, so `b` (re-read) is not offered.
    expect(r.stdout).toContain('At any question: h for a hint, s to skip, q to save and quit.\n');
    expect(r.stdout).toContain('Review 2 of 2: alpha, Alpha');
    expect(r.stdout).not.toContain('Which are true of a Pod?');
    expect(r.stdout).not.toContain('Try once more');
    expect(r.stdout).toContain('Not quite. The answer: kubectl\n\nkubectl sends your requests to the API server.');
    expect(r.stdout).toContain('Review done\n\n2 questions reviewed, 1 right.');
    expect(flat(r.stdout)).toMatch(/- What is a container image\? \(alpha\): right; back in \d+ days \(2026-12-\d\d\)/);
    expect(flat(r.stdout)).toContain(
      '- Which command-line tool talks to the Kubernetes API server? (alpha): missed; back within a day (2026-12-04)',
    );
    expect(r.stdout).toMatch(/Next review: within a day \(2026-12-04\)\.\n$/);

    // Saved: both cards moved on, the miss sooner than the right answer.
    const cards = savedCards('alpha');
    expect(cards.image!.reps).toBe(2);
    expect(Date.parse(cards.tool!.due)).toBeLessThan(Date.parse(cards.image!.due));
    const again = await kl(['review', '--plain'], '', NEXT_DAY);
    expect(again.stdout).toMatch(/^No questions are due for review\./);
  });

  it('alternates lessons when two lessons have due questions', async () => {
    expect((await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0)).code).toBe(0);
    expect((await kl(['beta', '--plain'], BETA_TWO_MISSED, T0)).code).toBe(0);
    const r = await kl(['review', '--plain'], '1\nkubectl\ndefault\n1\n', NEXT_DAY);
    expect(r.code, r.stderr).toBe(0);
    expect(asked(r.stdout).map((q) => q.split(':')[0])).toEqual(['alpha', 'beta', 'alpha', 'beta']);
    expect(asked(r.stdout)).toHaveLength(4);

    const capped = await kl(['review', '--dry-run', '--json', '--limit', '3'], '', '2026-12-04T09:00:00.000Z');
    const plan = JSON.parse(capped.stdout);
    expect(plan.limit).toBe(3);
    expect(plan.questions.map((q: { lesson: string }) => q.lesson)).toEqual(['alpha', 'beta', 'alpha']);
  });

  it('--dry-run says what is due without asking or saving; --json gives the same figures', async () => {
    await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    const before = readFileSync(file, 'utf8');
    const text = await kl(['review', '--dry-run'], '', NEXT_DAY);
    expect(text.stdout).toBe(
      '2 questions are due for review:\n- alpha: What is a container image?\n- alpha: Which command-line tool talks to the Kubernetes API server?\n',
    );
    const json = JSON.parse((await kl(['review', '--dry-run', '--json'], '', NEXT_DAY)).stdout);
    expect(json).toEqual({
      now: NEXT_DAY,
      due: 2,
      limit: 20,
      questions: [
        { lesson: 'alpha', step: 'image', type: 'choice', question: 'What is a container image?', due: NEXT_DAY },
        {
          lesson: 'alpha',
          step: 'tool',
          type: 'text',
          question: 'Which command-line tool talks to the Kubernetes API server?',
          due: NEXT_DAY,
        },
      ],
      next: expect.stringMatching(/^2026-12-0[4-9]T/),
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('the due count shows at a lesson start, in the course map and in list, and not when none is due', async () => {
    await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    const line = `2 questions are due for review: kube-learn review --lessons ${LESSONS}`;
    const start = await kl(['beta', '--plain'], '', NEXT_DAY);
    expect(flat(start.stdout)).toContain(line);
    expect((await kl(['beta', '--plain'], '', T0)).stdout).not.toContain('due for review');

    const map = await kl(['--plain'], '', NEXT_DAY);
    expect(map.stdout.trimEnd().split('\n').at(-1)).toBe(line);
    expect((await kl(['--plain'], '', T0)).stdout).not.toContain('due for review');

    const list = await kl(['list'], '', NEXT_DAY);
    expect(list.stdout).toMatch(/^alpha +Alpha +4\/4 +█+ +2 due$/m);
    expect(list.stdout).toMatch(/^beta +Beta +3 steps$/m);
    const rows = JSON.parse((await kl(['list', '--json'], '', NEXT_DAY)).stdout) as { id: string; due: number; nextDue: string | null }[];
    expect(rows.find((r) => r.id === 'alpha')).toMatchObject({ due: 2, nextDue: expect.stringMatching(/^2026-12-0[4-9]T/) });
    expect(rows.find((r) => r.id === 'beta')).toMatchObject({ due: 0, nextDue: null });

    const progress = await kl(['progress', 'alpha'], '', NEXT_DAY);
    expect(progress.stdout).toMatch(/^ {2}Review: 2 questions due now, the next in \d+ days \(2026-12-\d\d\)$/m);
  });

  it('quitting mid-review keeps the answers given; end of input too', async () => {
    await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    const quit = await kl(['review', '--plain'], '2\nq\n', NEXT_DAY);
    expect(quit.code).toBe(0);
    expect(flat(quit.stdout)).toContain(`Stopped. Your answers so far are saved. To go on, run: kube-learn review --lessons ${LESSONS}`);
    expect(savedCards('alpha').image!.reps).toBe(2);
    expect(savedCards('alpha').tool!.reps).toBe(1);
    const left = JSON.parse((await kl(['review', '--dry-run', '--json'], '', NEXT_DAY)).stdout);
    expect(left.questions.map((q: { step: string }) => q.step)).toEqual(['tool']);

    const eof = await kl(['review', '--plain'], '', NEXT_DAY);
    expect(eof.code).toBe(0);
    expect(eof.stderr).toBe(
      `kube-learn: end of input. Your answers so far are saved. To go on, run: kube-learn review --lessons ${LESSONS}\n`,
    );
  });

  it('Ctrl-C mid-review keeps the answers given and exits 130', async () => {
    await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    const cli = new CliProcess(['review', '--plain', '--lessons', LESSONS], { env: { XDG_STATE_HOME: home, KUBE_LEARN_NOW: NEXT_DAY } });
    await cli.waitForOutput('Review 1 of 2');
    cli.write('2\n');
    await cli.waitForOutput('Review 2 of 2');
    cli.kill('SIGINT');
    const { code } = await cli.closed;
    expect(code).toBe(130);
    expect(cli.stderr).toContain('Interrupted. Your answers so far are saved.');
    expect(savedCards('alpha').image!.reps).toBe(2);
  });

  it('in a terminal: the same front end as a lesson, and Ctrl-C keeps the answers given (exit 130)', async () => {
    await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    const s = new PtySession(['review', '--lessons', LESSONS], { env: { XDG_STATE_HOME: home, KUBE_LEARN_NOW: NEXT_DAY } });
    try {
      await s.waitFor('Review 1 of 2');
      await s.waitFor('❯ A running process');
      s.press(KEYS.down);
      await s.waitFor('❯ A read-only template');
      s.press(KEYS.enter);
      await s.waitFor('Review 2 of 2');
      expect(savedCards('alpha').image!.reps).toBe(2);
      s.press(KEYS.ctrlC);
      expect((await s.waitForExit()).exitCode).toBe(130);
      expect(savedCards('alpha').tool!.reps).toBe(1);
    } finally {
      s.kill();
    }
  });

  it('the course map in a terminal says what is due above the map', async () => {
    await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    const s = new PtySession(['--lessons', LESSONS], { cols: 160, env: { XDG_STATE_HOME: home, KUBE_LEARN_NOW: NEXT_DAY } });
    try {
      const screen = await s.waitFor('The course:');
      expect(screen.split('\n')[0]).toBe(`2 questions are due for review: kube-learn review --lessons ${LESSONS}`);
      s.press('q');
      expect((await s.waitForExit()).exitCode).toBe(0);
    } finally {
      s.kill();
    }
  });

  it('usage errors: a bad --limit, --json without --dry-run, a bad KUBE_LEARN_NOW (exit 2, one line)', async () => {
    for (const limit of ['0', '-3', 'ten', '2.5']) {
      const r = await kl(['review', '--limit', limit], '', NEXT_DAY);
      expect(r.code, limit).toBe(2);
      expect(r.stderr).toBe(`kube-learn: --limit takes a whole number of questions, 1 or more; got "${limit}"\n`);
    }
    const json = await kl(['review', '--json'], '', NEXT_DAY);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe('kube-learn: --json goes with --dry-run: kube-learn review --dry-run --json\n');
    const clock = await kl(['review'], '', 'next tuesday');
    expect(clock.code).toBe(2);
    expect(clock.stderr).toBe('kube-learn: KUBE_LEARN_NOW is "next tuesday", not an ISO 8601 time such as 2026-12-03T09:00:00Z\n');
  });

  it('a progress file from before review cards (format 2): the lesson start and the course map count what list counts', async () => {
    await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    // The same learner as a release before cards would have saved it.
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.version = 2;
    for (const record of Object.values(saved.lessons) as { cards?: unknown }[]) delete record.cards;
    writeFileSync(file, JSON.stringify(saved));

    const line = `2 questions are due for review: kube-learn review --lessons ${LESSONS}`;
    expect((await kl(['list'], '', NEXT_DAY)).stdout).toMatch(/^alpha +Alpha +4\/4 +█+ +2 due$/m);
    expect((await kl(['--plain'], '', NEXT_DAY)).stdout.trimEnd().split('\n').at(-1)).toBe(line);
    expect((await kl(['beta', '--plain'], '', JUST_BEFORE)).stdout).not.toContain('due for review');
    expect(flat((await kl(['beta', '--plain'], '', NEXT_DAY)).stdout)).toContain(line);
  });

  it('a question changed since (another type) or removed is never asked with its old card, and the card is dropped', async () => {
    await kl(['alpha', '--plain'], ALPHA_TWO_MISSED, T0);
    const edited = mkdtempSync(join(tmpdir(), 'kube-learn-review-lessons-'));
    try {
      // image turns from a choice into a text question; tool is gone.
      const alpha = readFileSync(join(LESSONS, 'alpha.yaml'), 'utf8')
        .replace(
          / {2}- id: image\n {4}type: choice[\s\S]*?(?= {2}- id: pod\n)/,
          '  - id: image\n    type: text\n    question: Name the template a container starts from.\n    accept: [image]\n',
        )
        .replace(/ {2}- id: tool\n[\s\S]*$/, '');
      expect(alpha).toContain('type: text\n    question: Name the template');
      writeFileSync(join(edited, 'alpha.yaml'), alpha);
      const env = { XDG_STATE_HOME: home, KUBE_LEARN_NOW: NEXT_DAY, TZ: 'UTC' };
      const r = await runCli(['review', '--plain', '--lessons', edited], { env });
      expect(r.code).toBe(0);
      // Only pod's card is left, due later.
      expect(r.stdout).toMatch(/^No questions are due for review\. The next one is due in \d+ days \(2026-12-\d\d\)\.\n$/);
      expect(Object.keys(savedCards('alpha'))).toEqual(['pod']);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('with nothing settled yet, says where review questions come from', async () => {
    const r = await kl(['review'], '', NEXT_DAY);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No questions to review yet: the questions of the lessons you take come back here.\n');
  });
});
