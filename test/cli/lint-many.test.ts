/**
 * An instructor's pack of hundreds of lessons loads under a low limit of
 * open files: files are opened a few dozen at a time, never all at once
 * (all at once gave every file past the limit a bogus EMFILE problem).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const lesson = (i: number) =>
  [
    `id: pack-${i}`,
    `title: Lesson ${i}`,
    'summary: One of many.',
    'steps:',
    '  - id: read',
    '    type: explain',
    '    title: Read',
    '    body: Text.',
    '    sources: [https://kubernetes.io/]',
    '',
  ].join('\n');

describe('a pack of 300 lessons under ulimit -n 64', () => {
  it('lints every file, with no EMFILE problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kl-pack-'));
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `pack-${i}.yaml`), lesson(i));
    const r = spawnSync('bash', ['-c', 'ulimit -n 64 && exec "$0" dist/cli.js lint "$1"', process.execPath, dir], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'kl-pack-cache-')) },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('300 lesson files checked, no problems\n');
    expect(r.status).toBe(0);
  });
});
