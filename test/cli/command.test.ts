/**
 * Command answers on the built CLI in plain mode: read the way kubectl reads
 * them, with what differs said after a wrong try. `npm run build` first.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn.js';

const LESSON = ['logs', '--plain', '--lessons', 'test/fixtures/lessons-kubectl'];
const answers = (...lines: string[]) => lines.map((l) => `${l}\n`).join('');

describe('a command question in plain mode', () => {
  it('accepts an allowed flag the expected command does not have', async () => {
    const r = await runCli(LESSON, { input: answers('kubectl logs -f web') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('? Show the logs of the Pod web.\nRight!\n');
    expect(r.stdout.split('\n')).toContain('Score: 1/1');
  });

  it('rejects a namespace the question does not ask for, saying so in one line', async () => {
    const r = await runCli(LESSON, { input: answers('kubectl logs web -n other', 'k logs pod/web') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '? Show the logs of the Pod web.\nthis question uses the current namespace: leave out `-n other`\n\nNot quite. Try once more.\n',
    );
    expect(r.stdout).toContain('Right!\n');
    expect(r.stdout.split('\n')).toContain('Score: 0/1');
  });
});
