/**
 * A lesson start makes process.stderr only to write to it (src/run.ts
 * writeStderr): whatever it writes there must still never crash it, and
 * what it says must still arrive.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, childEnv, runCli } from '../helpers/spawn.js';

describe("a lesson start's stderr", () => {
  it('says what it has to say: the end of input, an unknown lesson', async () => {
    const eof = await runCli(['day4', '--plain'], { input: '' });
    expect({ code: eof.code, stderr: eof.stderr }).toEqual({
      code: 0,
      stderr: 'kube-learn: end of input; to pick up where you left off, run: kube-learn day4\n',
    });
    const unknown = await runCli(['day99', '--plain']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^kube-learn: unknown lesson "day99"/);
  });

  it('whose reader went away: the lesson ends as at the end of input, with no crash', async () => {
    const child = spawn(process.execPath, [CLI, 'day4', '--plain'], { env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.destroy();
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(0);
    expect(out).toContain('[Enter] to continue');
  });
});
