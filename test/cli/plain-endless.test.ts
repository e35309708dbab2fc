// Endless input (`yes | kube-learn day4 --plain`): memory stays bounded and a
// signal still stops the program, even while every line is an invalid answer.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

function endless(line: string, signalAfterMs: number) {
  const child = spawn(process.execPath, ['dist/cli.js', 'day4', '--plain'], {
    env: { ...process.env, NO_COLOR: '1', XDG_STATE_HOME: mkdtempSync(join(tmpdir(), 'kl-endless-')) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const chunk = Buffer.from(line.repeat(4096));
  const feed = () => {
    while (child.stdin.writable && child.stdin.write(chunk));
  };
  child.stdin.on('drain', feed);
  child.stdin.on('error', () => {});
  feed();
  let stdoutBytes = 0;
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdoutBytes += d.length));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  setTimeout(() => child.kill('SIGTERM'), signalAfterMs);
  return new Promise<{ code: number | null; stderr: string; stdoutBytes: number }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr, stdoutBytes })),
  );
}

it('stops on SIGTERM while endless empty lines are re-asked', async () => {
  const result = await endless('\n', 1500);
  expect(result.code).toBe(130);
  expect(result.stdoutBytes).toBeGreaterThan(0);
  expect(result.stderr).toMatch(/^kube-learn: Interrupted\. .*kube-learn day4\n$/);
}, 20_000);

it('stops on SIGTERM while an endless manifest is being typed', async () => {
  const result = await endless('1\n', 2500);
  expect(result.code).toBe(130);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}, 20_000);
