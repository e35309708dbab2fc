/**
 * The manifest step in the learner's own editor, on the built CLI in a
 * pseudo-terminal: $EDITOR/$VISUAL with arguments and with spaces in the
 * path, and editors that fail or are missing (one line, the previous attempt
 * kept). The editors are small shell scripts. `npm run build` first.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { KEYS, PtySession } from '../helpers/pty.js';
import { ROOT, type Env } from '../helpers/spawn.js';

const LESSONS = ['--lessons', 'test/fixtures/lessons-tutor'];
const RIGHT = join(ROOT, 'test/fixtures/lessons-tutor/manifests/pod.yaml');
const WRONG = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: busybox\n';
const STACK = /\n\s+at |Error:|LaunchEditorError/;

const dir = mkdtempSync(join(tmpdir(), 'kube-learn editor test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let session: PtySession | undefined;
afterEach(() => {
  session?.kill();
  session = undefined;
});

function start(env: Env): PtySession {
  session = new PtySession(['tiny-pod', ...LESSONS], { cols: 100, env });
  return session;
}

/** An executable shell script; `sub` may hold spaces. */
function script(sub: string, name: string, body: string): string {
  mkdirSync(join(dir, sub), { recursive: true });
  const path = join(dir, sub, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Single-quoted for sh. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function expectRightAndDone(s: PtySession, score = '1/1'): Promise<void> {
  await s.waitFor('Right!');
  await s.waitFor(`Score: ${score}`);
  expect((await s.waitForExit()).exitCode).toBe(0);
  expect(s.text()).not.toMatch(STACK);
}

describe('the manifest step in $EDITOR / $VISUAL', { timeout: 60_000 }, () => {
  it('an editor command with a flag (code --wait style): the flag comes first, then the file', async () => {
    const log = join(dir, 'wait.log');
    const ed = script('wait', 'code', `printf '%s\\n' "$@" > ${sq(log)}\n[ "$1" = --wait ] || exit 9\ncp ${sq(RIGHT)} "$2"`);
    // Found on PATH, as `code` is.
    const s = start({ EDITOR: 'code --wait', PATH: `${dirname(ed)}${delimiter}${process.env.PATH}` });
    await s.waitFor('❯ Write it in your editor (code)');
    s.press(KEYS.enter);
    await expectRightAndDone(s);
    const [flag, file] = readFileSync(log, 'utf8').trim().split('\n');
    expect(flag).toBe('--wait');
    expect(file).toMatch(/\.yaml$/);
    expect(s.text()).toContain('Waiting for code: save the file and close it to go on.');
  });

  it('a quoted path with a space, and $VISUAL over $EDITOR with a quoted argument', async () => {
    const log = join(dir, 'space.log');
    const ed = script('My Editor', 'ed', `printf '%s\\n' "$@" > ${sq(log)}\neval "f=\\$$#"\ncp ${sq(RIGHT)} "$f"`);
    expect(ed).toContain('My Editor/ed');
    for (const env of [{ EDITOR: `"${ed}"` }, { VISUAL: `'${ed}' --title "two words"`, EDITOR: '/nonexistent/editor' }] as Env[]) {
      const s = start(env);
      await s.waitFor('❯ Write it in your editor (ed)');
      s.press(KEYS.enter);
      await expectRightAndDone(s);
      const args = readFileSync(log, 'utf8').trim().split('\n');
      expect(args.slice(0, -1)).toEqual(env.VISUAL ? ['--title', 'two words'] : []);
    }
  });

  it('a terminal editor gets the terminal: what is typed goes to it, line by line, not to the tutor', async () => {
    // Like ed: reads the terminal in its normal (cooked) mode.
    const ed = script('reads', 'reads', `printf 'name? '\nread -r name\nsed "s/web/$name/" ${sq(RIGHT)} > "$1"`);
    const s = start({ EDITOR: ed });
    await s.waitFor('❯ Write it in your editor (reads)');
    s.press(KEYS.enter);
    await s.waitFor('name? ');
    s.press(`webx${KEYS.backspace}${KEYS.enter}`);
    await expectRightAndDone(s);
  });

  it('an editor that exits non-zero: one line, the menu again, and the previous attempt is what it opens next', async () => {
    const state = join(dir, 'flaky');
    mkdirSync(state);
    // Run 1 saves a wrong manifest; run 2 scribbles and fails (like vim's :cq); run 3 saves a right one.
    // Each run keeps a copy of the text it was given.
    const ed = script(
      'flaky',
      'flaky',
      [
        `n=$(($(cat ${sq(state)}/n 2>/dev/null || echo 0) + 1)); echo $n > ${sq(state)}/n`,
        `cp "$1" ${sq(state)}/given-$n`,
        `case $n in 1) printf %s ${sq(WRONG)} > "$1";; 2) echo 'half: [' > "$1"; exit 1;; *) cp ${sq(RIGHT)} "$1";; esac`,
      ].join('\n'),
    );
    const s = start({ EDITOR: ed });
    await s.waitFor('❯ Write it in your editor (flaky)');
    s.press(KEYS.enter);
    await s.waitFor('❯ Edit it again in your editor (flaky)');
    expect(s.text()).toContain('busybox');
    s.press(KEYS.enter);
    // The message comes first and the menu after it: wait for the whole screen, not the first line of it.
    await s.waitFor('Your editor (flaky) exited with status 1; its changes were not taken.');
    const failed = await s.waitFor('Write it again here, line by line');
    // One line, then the same menu, now with the line-by-line way too; no stack trace.
    expect(failed).toMatch(
      /its changes were not taken\.\n\n?\? Your manifest\n❯ Edit it again in your editor \(flaky\)\n {2}Write it again here, line by line/,
    );
    expect(failed).not.toMatch(STACK);
    s.press(KEYS.enter);
    await expectRightAndDone(s, '0/1');
    expect(readFileSync(join(state, 'given-2'), 'utf8')).toBe(WRONG);
    // After the failed run the editor opened the previous attempt again, not its scribble.
    expect(readFileSync(join(state, 'given-3'), 'utf8')).toBe(WRONG);
  });

  it('a missing editor: one line, then the starter offered line by line; Ctrl-C still exits 130 cleanly', async () => {
    const s = start({ EDITOR: '/nonexistent/kube-learn-editor --wait' });
    await s.waitFor('❯ Write it in your editor (kube-learn-editor)');
    s.press(KEYS.enter);
    const screen = await s.waitFor('  Write it here, line by line');
    expect(screen).toContain('Could not start your editor ($EDITOR): /nonexistent/kube-learn-editor: no such program.');
    expect(screen).not.toMatch(STACK);
    s.press(KEYS.down);
    await s.waitFor('❯ Write it here, line by line');
    s.press(KEYS.enter);
    await s.waitFor('1 (apiVersion: v1)');
    s.press(KEYS.enter);
    await s.waitFor('2 (kind: Pod)');
    s.press(KEYS.ctrlC);
    expect((await s.waitForExit()).exitCode).toBe(130);
    expect(s.text()).toContain('kube-learn: Interrupted.');
    expect(s.text()).not.toMatch(STACK);
  });
});
