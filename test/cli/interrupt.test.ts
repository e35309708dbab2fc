/**
 * Ctrl-C during a long load ends kube-learn at once: a lesson folder of a
 * few hundred files takes seconds to load, and SIGINT must not wait for it.
 * "Loading" is seen from outside: one of the folder's files is open in the
 * child (Linux's /proc). "At once" is judged by what the child printed, not
 * by a clock: a load that ran to its end would have printed the lesson or
 * lint's verdict. How many milliseconds the exit takes is a speed figure,
 * measured by `npm run bench` (a timed assertion here failed CI on a busy
 * runner at 223 ms).
 */
import { existsSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliProcess } from '../helpers/spawn.js';

function lesson(i: number): string {
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
  return [`id: big${i}`, `title: Big ${i}`, 'summary: One of many.', 'steps:', ...steps, ''].join('\n');
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'kube-learn-big-'));
  for (let i = 0; i < 400; i++) writeFileSync(join(folder, `big${String(i).padStart(3, '0')}.yaml`), lesson(i));
});

/** Whether the child has a file of the folder open: it is loading. */
function loading(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(folder);
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

async function interruptWhileLoading(
  args: string[],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const cli = new CliProcess(args);
  const deadline = Date.now() + 20_000;
  while (!loading(cli.child.pid!)) {
    if (Date.now() > deadline || cli.child.exitCode !== null) throw new Error(`never seen loading; stderr:\n${cli.stderr}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  cli.kill('SIGINT');
  const { code, signal } = await cli.closed;
  return { code, signal, stdout: cli.stdout, stderr: cli.stderr };
}

describe.runIf(existsSync('/proc/self/fd'))('SIGINT during a long load', { timeout: 30_000 }, () => {
  it('ends a lesson started with --lessons before the load ends, exit 130', async () => {
    const { code, stdout, stderr } = await interruptWhileLoading(['day4', '--plain', '--lessons', folder]);
    expect(code).toBe(130);
    expect(stderr).toMatch(/^kube-learn: Interrupted\. To pick up where you left off, run: kube-learn day4 --lessons /);
    expect(stdout).toBe('');
  });

  it('ends lint before the load ends, as a shell sees it: 130 (death by SIGINT)', async () => {
    const { code, signal, stdout } = await interruptWhileLoading(['lint', folder]);
    expect(code === 130 || signal === 'SIGINT').toBe(true);
    expect(stdout).toBe('');
  });
});
