/**
 * The course on the built CLI through pipes: the map printed with its hint,
 * `list` in course order, `continue` resuming what an earlier run left, and
 * the next day named at the end of a lesson. `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn.js';
import { tempStateHome } from '../helpers/state.js';

const DIR = 'test/fixtures/lessons-course';
const LESSONS = ['--lessons', DIR];
const DAYS = [
  'What Kubernetes is',
  'The control plane, and how kubectl talks to it',
  'Nodes, the network, namespaces and labels',
  'Create your first Pod',
  'Deployments and ReplicaSets',
  'Services',
  'Keep your data',
];

/** Runs of the CLI sharing one progress file. */
function learner() {
  const env = { XDG_STATE_HOME: tempStateHome().home };
  return (args: string[], input = '') => runCli(args, { input, env });
}

/** The map's title lines: "> Day 9   Ninth day" and the like. */
const titleLines = (stdout: string) => stdout.split('\n').filter((l) => /^[ >] \S/.test(l));

describe('kube-learn without a lesson, in a pipe', () => {
  it('prints the course map, every day in order, and the command to start with; exit 0', async () => {
    for (const args of [[], ['--plain']]) {
      const r = await runCli(args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe('The course: 0 of 7 days done');
      expect(titleLines(r.stdout)).toEqual(DAYS.map((title, i) => `${i === 0 ? '>' : ' '} Day ${i + 1}  ${title}`));
      expect(r.stdout).toContain('> Day 1  What Kubernetes is\n         ░░░░░░ not started · ');
      expect(r.stdout.endsWith('\nStart with: kube-learn day1\n')).toBe(true);
      expect(r.stdout).not.toMatch(/\u001b/);
    }
  });

  it('--help still prints the help, which says what kube-learn alone does', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kube-learn /);
    expect(r.stdout).toContain('Without a lesson: the course map');
    expect(r.stdout).toMatch(/\n {2}continue \[options\] +resume the unfinished lesson you used last/);
  });

  it('--restart without a lesson is a usage error', async () => {
    const r = await runCli(['--restart']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kube-learn: --restart needs a lesson, e.g. kube-learn day4 --restart\n');
  });

  it('marks the lesson an earlier run left unfinished, with its progress, and says to continue it', async () => {
    const run = learner();
    // Past the page, then quit at the question.
    expect((await run(['day9', '--plain', ...LESSONS], '\nq\n')).code).toBe(0);
    const r = await run(LESSONS);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('The course: 0 of 10 lessons done');
    expect(titleLines(r.stdout).slice(6)).toEqual([
      '  Day 7   Keep your data',
      '> Day 9   Ninth day',
      '  Day 10  Tenth day',
      '  extra   An extra lesson',
    ]);
    expect(r.stdout).toContain('> Day 9   Ninth day\n          ███░░░ 1 of 2 steps\n');
    expect(r.stdout.endsWith('\nContinue with: kube-learn day9 --lessons test/fixtures/lessons-course\n')).toBe(true);
  });
});

describe('kube-learn list', () => {
  it('lists in course order: by day (day10 after day9), then lessons without a day', async () => {
    const r = await runCli(['list', ...LESSONS]);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .split('\n')
        .map((l) => l.split(' ')[0])
        .filter(Boolean),
    ).toEqual(['day1', 'day2', 'day3', 'day4', 'day5', 'day6', 'day7', 'day9', 'day10', 'extra']);
    const json = JSON.parse((await runCli(['list', '--json', ...LESSONS])).stdout) as { id: string }[];
    expect(json.map((l) => l.id).slice(-3)).toEqual(['day9', 'day10', 'extra']);
  });
});

describe('kube-learn continue', () => {
  it('resumes the most recently used unfinished lesson, where an earlier run stopped', async () => {
    const run = learner();
    await run(['day9', '--plain', ...LESSONS], '\nq\n');
    await run(['day10', '--plain', ...LESSONS], '\nq\n');
    const r = await run(['continue', '--plain', ...LESSONS], 'Pod\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Resuming day10 at step 2 of 2: no questions answered yet');
    expect(r.stdout).toContain('? What is the smallest object Kubernetes schedules?');
    expect(r.stdout).toContain('Lesson done: Tenth day');
    // day10 is done: day9 is the one left unfinished.
    const again = await run(['continue', '--plain', ...LESSONS], 'kubectl\n');
    expect(again.stdout).toContain('Resuming day9 at step 2 of 2');
    expect(again.stdout).toContain('Lesson done: Ninth day');
  });

  it('with no lesson begun, starts the first day and says so', async () => {
    const r = await runCli(['continue'], { input: 'q\n' });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('Starting day 1, What Kubernetes is.\n')).toBe(true);
    expect(r.stdout).toContain('Stopped. To pick up where you left off, run:\n\n    kube-learn day1\n');
  });
});

describe('the end of a lesson in plain mode', () => {
  it('names the command for the next day and asks nothing', async () => {
    const r = await runCli(['day9', '--plain', ...LESSONS], { input: '\nkubectl\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(
      r.stdout.endsWith('Score: 1/1\n\n1 right at the first try.\n\nNext: kube-learn day10 --lessons test/fixtures/lessons-course\n'),
    ).toBe(true);
  });
});
