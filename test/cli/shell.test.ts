// The built CLI's shell: help, version, list, lint, schema and usage errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const state = mkdtempSync(join(tmpdir(), 'kl-shell-'));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], {
    encoding: 'utf8',
    input: '',
    // The cache folder too: lint keeps what it found there, never in the user's own.
    env: {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: undefined,
      XDG_STATE_HOME: state,
      XDG_CACHE_HOME: state,
      KUBE_LEARN_DEBUG: undefined,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;

describe('kube-learn (built)', () => {
  it('prints help with the commands and exits 0', () => {
    const { code, stdout, stderr } = cli('--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: kube-learn \[options\] \[command\] \[lesson\]/);
    for (const command of ['list', 'lint', 'check', 'progress', 'reset', 'schema']) expect(stdout).toContain(`  ${command}`);
  });

  it('prints help for one command with `help <command>`', () => {
    const { code, stdout } = cli('help', 'lint');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: kube-learn lint \[options\] \[paths\.\.\.\]/);
  });

  it('prints the version', () => {
    expect(cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists the built-in lessons', () => {
    const { code, stdout } = cli('list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^day4\s+Create your first Pod\s+\d+ steps/m);
  });

  it('lists lessons as JSON, with a folder lesson added', () => {
    const { code, stdout, stderr } = cli('list', '--json', '--lessons', 'test/fixtures/lessons/mixed');
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ id: string; steps: number }>;
    // The seven days of the built-in course, then the folder's lesson.
    expect(rows.map((r) => r.id)).toEqual(['day1', 'day2', 'day3', 'day4', 'day5', 'day6', 'day7', 'intro']);
    expect(rows.find((r) => r.id === 'intro')?.steps).toBe(5);
    // The broken file of the folder is reported, and its good neighbour still served.
    expect(stderr).toMatch(/^kube-learn: skipped test\/fixtures\/lessons\/mixed\/broken\.yaml:12:18: /);
  });

  it('lints a good folder: no problems, exit 0', () => {
    expect(cli('lint', 'test/fixtures/lessons/good')).toEqual({ code: 0, stdout: '1 lesson file checked, no problems\n', stderr: '' });
  });

  it('lints manifest exercises with the checker: a solution must pass its checks, a starter must not', () => {
    const file = 'test/fixtures/lessons/lint/exercises.yaml';
    expect(cli('lint', file)).toEqual({
      code: 1,
      stdout: [
        `${file}:14:15: the solution fails its own checks (1 problem; first, at its line 4: expected "web", got "other")`,
        `${file}:26:14: the starter already passes every check: the learner would have nothing to fix`,
        '2 problems in 1 file (1 file checked)',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('warns, exit 0, when next names no lesson, and counts warnings apart from problems', () => {
    const file = 'test/fixtures/lessons/lint/guessable.yaml';
    const { code, stdout } = cli('lint', file);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      `${file}:4:7: warning: next names no lesson in this catalog ("day99"); lint it with the lesson that follows, or fix the id`,
    );
    expect(stdout).toMatch(/^1 lesson file checked, no problems, 3 warnings$/m);
  });

  it('warns when next leads in a circle, through lessons linted together or built in', () => {
    const dir = 'test/fixtures/lessons/lint/next-loop';
    expect(cli('lint', dir)).toEqual({
      code: 0,
      stdout: [
        `${dir}/loop-a.yaml:4:7: warning: next leads back to this lesson (loop-a, then loop-b, then loop-a): the last lesson of a course has no next`,
        `${dir}/loop-b.yaml:4:7: warning: next leads back to this lesson (loop-b, then loop-a, then loop-b): the last lesson of a course has no next`,
        `${dir}/loop-self.yaml:4:7: warning: next names this lesson itself`,
        '3 lesson files checked, no problems, 3 warnings',
        '',
      ].join('\n'),
      stderr: '',
    });
    // A folder's day7 stands in for the built-in one: its next, day1, leads through the course back to it.
    const folder = mkdtempSync(join(tmpdir(), 'kl-next-'));
    const day7 = readFileSync('lessons/day7.yaml', 'utf8');
    expect(day7).not.toMatch(/^next:/m);
    writeFileSync(join(folder, 'day7.yaml'), day7.replace(/^id: day7$/m, 'id: day7\nnext: day1'));
    const { code, stdout } = cli('lint', folder);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'warning: next leads back to this lesson (day7, then day1, then day2, then day3, then day4, then day5, then day6, then day7)',
    );
    // The built-in course itself ends.
    expect(cli('lint').stdout).not.toContain('leads back');
  });

  it('lints the built-in lessons by default', () => {
    const { code, stdout } = cli('lint');
    expect(code).toBe(0);
    expect(stdout).toMatch(/lesson files? checked, no problems/);
  });

  it('lints a bad folder: one line per problem, a summary, exit 1', () => {
    const { code, stdout } = cli('lint', 'test/fixtures/lessons/bad');
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, -1).every((l) => /^test\/fixtures\/lessons\/bad\/[a-z-]+\.yaml:\d+:\d+: \S/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('7 problems in 7 files (7 files checked)');
  });

  it('prints the JSON Schema, the same as the file in the repo', () => {
    const { code, stdout } = cli('schema');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(readFileSync('schema/lesson.schema.json', 'utf8')));
  });

  it('refuses an unknown lesson with the known ids and a did-you-mean, exit 2', () => {
    const { code, stdout, stderr } = cli('day-4');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'kube-learn: unknown lesson "day-4" (did you mean "day4"?); known lessons: day1, day2, day3, day4, day5, day6, day7\n',
    );
  });

  it('refuses an unknown option with exit 2 and one line', () => {
    const { code, stderr } = cli('list', '--bogus');
    expect(code).toBe(2);
    expect(stderr).toBe("kube-learn: unknown option '--bogus'\n");
  });

  it('refuses a missing lessons folder with exit 2', () => {
    const { code, stderr } = cli('list', '--lessons', 'test/fixtures/nope');
    expect(code).toBe(2);
    expect(stderr).toBe('kube-learn: lessons folder test/fixtures/nope: no such folder\n');
  });
});
