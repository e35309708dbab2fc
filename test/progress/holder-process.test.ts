import { describe, expect, it } from 'vitest';
import { isKubeLearn, readProc } from '../../src/progress/holder-process.js';

const ROOT = '/home/ada/src/kl';
const judge = (args: string[], cwd?: string) =>
  isKubeLearn(
    1234,
    () => (cwd === undefined ? { args } : { args, cwd }),
    () => ROOT,
  );

describe('whether a live pid is a kube-learn', () => {
  it('yes: started from its npm bin, through npx, or as a file of this package', () => {
    expect(judge(['node', '/usr/local/bin/kube-learn', 'day4'])).toBe(true);
    expect(judge(['node', '/home/ada/.npm/_npx/1f/node_modules/.bin/kube-learn', 'continue'])).toBe(true);
    expect(judge(['node', '/usr/lib/node_modules/kube-learn/dist/cli.js'])).toBe(true);
    expect(judge(['node', 'dist/cli.js', 'day4', '--plain'], ROOT)).toBe(true);
    expect(judge(['node', `${ROOT}/dist/cli.js`])).toBe(true);
  });

  it('no: another program, a file outside this package, a bare word in its folder, a zombie', () => {
    expect(judge(['bash'], ROOT)).toBe(false);
    expect(judge(['node', '-e', '0', 'day4'], ROOT)).toBe(false);
    expect(judge(['node', 'dist/cli.js'], '/home/ada/other')).toBe(false);
    expect(judge(['vim', '/home/ada/src/kl-notes.txt'])).toBe(false);
    expect(judge([])).toBe(false);
    // A word that merely holds the name, and the program that runs (a Node installed under such a folder).
    expect(judge(['/tmp/kube-learn-ci/bin/node', '-e', '0', '/tmp/kube-learn-state-1/x'])).toBe(false);
  });

  it('unknown when the system cannot say', () => {
    expect(isKubeLearn(1234, () => undefined)).toBeUndefined();
  });

  it('a relative path is judged only against a known working folder', () => {
    expect(judge(['node', 'dist/cli.js'])).toBe(false);
  });

  it.runIf(process.platform === 'linux')('reads a real process from /proc: this test runs from this package', () => {
    expect(readProc(process.pid)).toEqual({ args: expect.arrayContaining(process.execArgv), cwd: process.cwd() });
    expect(isKubeLearn(process.pid)).toBe(true);
    expect(readProc(2 ** 22 + 1)).toBeUndefined();
  });
});
