/**
 * The built CLI's lint through its cache: a second lint of unchanged files
 * prints what the first printed, and parses nothing (the phases it reports
 * name no parse). The cache's rules: test/commands/lint-cache.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn.js';

describe('kube-learn lint, a second time', () => {
  it('prints the same problems, warnings and summary from the cache, and parses no file', async () => {
    const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'kube-learn-cache-')), KUBE_LEARN_PHASES: '1' };
    const args = ['lint', 'test/fixtures/lessons/lint', 'test/fixtures/lessons/mixed', 'test/fixtures/lessons/context'];
    const first = await runCli(args, { env });
    expect(first.stdout).toMatch(/warning: /);
    expect(first.stderr).toMatch(/^phase parse /m);
    const second = await runCli(args, { env });
    expect([second.code, second.stdout]).toEqual([first.code, first.stdout]);
    expect(second.stderr).toMatch(/^phase cache /m);
    expect(second.stderr).not.toMatch(/^phase (parse|schema|rules|exercises) /m);
  });
});
