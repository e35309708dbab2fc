/**
 * Ctrl-C during a long load ends kube-learn at once: a lesson folder of a
 * few hundred files takes seconds to load, and SIGINT must not wait for it.
 * "Loading" is seen from outside (Linux's /proc): one of the folder's files
 * is open in the child, or the child has used more CPU time than a whole
 * small start takes while it has printed nothing (the files are read first,
 * in milliseconds, then parsed for seconds). "At once" is judged by what the
 * child printed, not by a clock: a load that ran to its end would have
 * printed the lesson or lint's verdict. How many milliseconds the exit takes
 * is a speed figure, measured by `npm run bench` (a timed assertion here
 * failed CI on a busy runner at 223 ms).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuMs, hasOpen, LOADING_CPU_MS } from '../helpers/proc.js';
import { CliProcess } from '../helpers/spawn.js';

/**
 * A lesson of 150 explanations. With `warned`, a question that lint warns
 * about too: lint takes a file without a finding from its fast path (the
 * whole folder in half a second), a file with one from the full parser,
 * which takes seconds over the folder, as a lesson start's first load does.
 */
function lesson(i: number, warned = false): string {
  const steps = Array.from({ length: 150 }, (_, j) =>
    [
      `  - id: s${j}`,
      '    type: explain',
      `    title: Step ${j}`,
      '    body: |',
      `      A paragraph with \`code\` in step ${j} of lesson ${i},`,
      '      long enough to take the parser a moment.',
    ].join('\n'),
  );
  const question = [
    '  - id: q',
    '    type: choice',
    '    question: Which one?',
    '    shuffle: false',
    '    choices:',
    '      - text: The right one',
    '        correct: true',
    '      - text: The wrong one',
    '        why: It is wrong.',
  ];
  return [`id: big${i}`, `title: Big ${i}`, 'summary: One of many.', 'steps:', ...steps, ...(warned ? question : []), ''].join('\n');
}

let folder: string;
let warnedFolder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'kube-learn-big-'));
  warnedFolder = mkdtempSync(join(tmpdir(), 'kube-learn-big-warned-'));
  for (let i = 0; i < 400; i++) {
    const name = `big${String(i).padStart(3, '0')}.yaml`;
    writeFileSync(join(folder, name), lesson(i));
    writeFileSync(join(warnedFolder, name), lesson(i, true));
  }
});

/** Whether the child is loading `dir`: a file of it open, or past its set-up with nothing printed. */
function loading(cli: CliProcess, dir: string): boolean {
  const pid = cli.child.pid!;
  return hasOpen(pid, (path) => path.startsWith(dir)) || (cli.stdout === '' && cpuMs(pid) >= LOADING_CPU_MS);
}

async function interruptWhileLoading(
  args: string[],
  dir: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const cli = new CliProcess(args);
  const deadline = Date.now() + 20_000;
  while (!loading(cli, dir)) {
    if (Date.now() > deadline || cli.child.exitCode !== null || cli.stdout !== '')
      throw new Error(`never seen loading; stdout:\n${cli.stdout}\nstderr:\n${cli.stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  cli.kill('SIGINT');
  const { code, signal } = await cli.closed;
  return { code, signal, stdout: cli.stdout, stderr: cli.stderr };
}

describe.runIf(existsSync('/proc/self/fd'))('SIGINT during a long load', { timeout: 30_000 }, () => {
  it('ends a lesson started with --lessons before the load ends, exit 130', async () => {
    const { code, stdout, stderr } = await interruptWhileLoading(['day4', '--plain', '--lessons', folder], folder);
    expect(code).toBe(130);
    expect(stderr).toMatch(/^kube-learn: Interrupted\. To pick up where you left off, run: kube-learn day4 --lessons /);
    expect(stdout).toBe('');
  });

  it('ends lint before the load ends, as a shell sees it: 130 (death by SIGINT)', async () => {
    const { code, signal, stdout } = await interruptWhileLoading(['lint', warnedFolder], warnedFolder);
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(stdout).toBe('');
  });
});
