/**
 * Text from outside that kube-learn prints (a folder name in the resume
 * line, a mistyped option, saved progress, lesson titles) never reaches the
 * terminal raw; output is bounded however long a title is, and output that
 * could not be written is an error. Files that are not files (a FIFO, a
 * device) are refused at once. `npm run build` first.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { childEnv, CLI, ROOT, runCli } from '../helpers/spawn.js';
import { tempStateHome } from '../helpers/state.js';

// C0 but tab and newline, DEL, C1, line and paragraph separators, bidi controls.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = '\u001b]0;owned\u0007\u009b2J\u2028\u202e';

function lesson(id: string, title: string): string {
  return `id: ${id}\ntitle: ${JSON.stringify(title)}\nsummary: S.\nsteps:\n  - id: a\n    type: explain\n    title: A\n    body: B\n`;
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kube-learn-raw-'));
});

describe('text from outside, printed', () => {
  it("the resume line quotes a --lessons folder with control characters as $'…', escaped", async () => {
    const folder = join(tmp, `pack${HOSTILE}`);
    mkdirSync(folder);
    const r = await runCli(['day4', '--plain', '--lessons', folder]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain(`kube-learn day4 --lessons $'${join(tmp, 'pack')}\\x1b]0;owned\\x07\\u009b2J\\u2028\\u202e'`);
  });

  it("commander's error about an unknown option shows the option's control characters made visible", async () => {
    const r = await runCli(['list', `--${HOSTILE}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kube-learn: unknown option '--␛\]0;owned␇<U\+009B>2J/);
    expect(r.stderr).not.toMatch(RAW);
  });

  it.each([[[]], [['continue', '--plain']], [['list']], [['day4', '--plain']]])(
    "a corrupt progress file's bytes, quoted in why it could not be read, are made visible: kube-learn %j",
    async (args) => {
      const home = tempStateHome().home;
      mkdirSync(join(home, 'kube-learn'), { recursive: true, mode: 0o700 });
      // JSON.parse's message quotes the text it could not read.
      writeFileSync(join(home, 'kube-learn', 'progress.json'), `x${HOSTILE} garbage`);
      const r = await runCli(args, { env: { XDG_STATE_HOME: home } });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/could not be read \(not JSON \(Unexpected token 'x', "x␛\]0;owned/);
      expect(r.stderr).not.toMatch(RAW);
    },
  );

  it('progress --json escapes C1, line separators and bidi controls as \\uXXXX, and reads back the same', async () => {
    const home = tempStateHome().home;
    const saved = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/progress/v1.json'), 'utf8'));
    saved.lessons[`gone${HOSTILE}`] = saved.lessons.day4;
    mkdirSync(join(home, 'kube-learn'), { recursive: true });
    writeFileSync(join(home, 'kube-learn', 'progress.json'), JSON.stringify(saved));
    const r = await runCli(['progress', '--json'], { env: { XDG_STATE_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('"id": "gone\\u001b]0;owned\\u0007\\u009b2J\\u2028\\u202e"');
    expect(JSON.parse(r.stdout).lessons.some((l: { id: string }) => l.id === `gone${HOSTILE}`)).toBe(true);
  });
});

describe('list', () => {
  let pack: string;
  beforeAll(() => {
    pack = join(tmp, 'list');
    mkdirSync(pack);
    writeFileSync(join(pack, 'a.yaml'), lesson('a-long', 'T'.repeat(200_000)));
    writeFileSync(join(pack, 'b.yaml'), lesson('b-wide', '中文のタイトル'));
    writeFileSync(join(pack, 'c.yaml'), lesson('c-short', 'Short'));
  });

  it('cuts a long title at 60 columns with an ellipsis, and pads by columns, not characters', async () => {
    const r = await runCli(['list', '--lessons', pack]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^[abc]-/.test(l));
    expect(rows).toEqual([
      `a-long   ${'T'.repeat(59)}…  1 step`,
      `b-wide   中文のタイトル${' '.repeat(60 - 14)}  1 step`,
      `c-short  Short${' '.repeat(55)}  1 step`,
    ]);
  });

  it('a write that fails (the reader went away) is an error, not a silent exit 0', async () => {
    const result = await withReaderGone(['list', '--lessons', pack]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('kube-learn: the output could not be written (EPIPE)\n');
  });
});

/** Runs the CLI with stdout a pipe whose reading end is closed before anything is written. */
function withReaderGone(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a lesson start whose reader went away', () => {
  // Its first screen is written without process.stdout (src/terminal/stdout.ts): the stream still reports the failure.
  it('says how to pick up, and that the output could not be written; exit 1', async () => {
    const result = await withReaderGone(['day4', '--plain']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'kube-learn: end of input; to pick up where you left off, run: kube-learn day4\n' +
        'kube-learn: the output could not be written (EPIPE)\n',
    );
  });
});

describe.runIf(process.platform !== 'win32')('files that are not files', () => {
  it('check refuses a FIFO and a device at once, without reading them', async () => {
    const fifo = join(tmp, 'pod.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/urandom']) {
      const r = await runCli(['check', file], { timeoutMs: 10_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `kube-learn: cannot read ${file}: it is not a regular file (a FIFO or a device); use - to read standard input\n`,
      );
    }
  });

  it('lint refuses a FIFO in a lesson folder without blocking on it', async () => {
    const pack = join(tmp, 'fifo-pack');
    mkdirSync(pack);
    execFileSync('mkfifo', [join(pack, 'a.yaml')]);
    writeFileSync(join(pack, 'b.yaml'), lesson('b', 'B'));
    const r = await runCli(['lint', pack], { timeoutMs: 10_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(pack, 'a.yaml')}:1:1: is not a regular file\n`);
  });
});
