/**
 * Lesson files from strangers, through the whole built CLI: text full of
 * control sequences (test/fixtures/hostile/escapes.yaml as YAML escapes,
 * raw-bytes.yaml as raw bytes) never reaches the terminal raw, in plain mode
 * or in a pseudo-terminal; the only escapes on the wire are the program's
 * own colours and cursor moves; links are printed as text. A folder with a
 * broken file still serves its good lessons and names the broken one with
 * file:line:col. `npm run build` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, PAUSE, PtySession } from '../helpers/pty.js';
import { runCli } from '../helpers/spawn.js';

const LESSONS = ['--lessons', 'test/fixtures/hostile'];
const SKIPPED =
  'kube-learn: skipped test/fixtures/hostile/broken.yaml:4:1: "title" is set twice in this mapping (first on line 3); each key may appear only once (remove one of the two, or merge them)\n';
// C0 controls but tab and newline, DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ANY_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\s\S]?)/g;
/** What the program itself sends: SGR colours, cursor moves and erases, cursor hide/show. */
const OWN_SEQUENCE = /^\u001b\[(?:[\d;]*[mABCDGHJK]|\?25[hl])$/;

/** Every escape sequence in `raw` that the program would not send itself. */
function foreignSequences(raw: string): string[] {
  return [...raw.matchAll(ANY_SEQUENCE)].map((m) => m[0]).filter((s) => !OWN_SEQUENCE.test(s));
}

/**
 * The lesson's control characters, made visible: each as its Control
 * Pictures glyph (␛ ␇ ␈ ␍) or <U+XXXX>, so a reader sees what the file holds.
 */
const VISIBLE = [
  'Escapes␛[2J␛[H title',
  'Intro ␈␈␈XXX',
  'A hidden link ␛]8;;https://evil.example/␇harmless text␛]8;;␇',
  'return␍OVERWRITE, a C1 CSI <U+009B>31m, a DCS ␛P1$r␛\\ and a BEL ␇.',
  'Which ␛[8mhidden␛[28m option?',
  'First ␛]8;;https://evil.example/␛\\one␛]8;;␛\\',
  'Hint ␛[1A␛[2K',
  'Why ␍␛[K',
  'Because <U+0085> next line',
  'Explanation ␛[?25l',
  'Type ok ␛[6n now',
  'Correction ␛]8;;https://evil.example/␛\\click␛]8;;␛\\',
  'Next ␛[31mred␛[0m',
];

// Continue; a hint; the wrong option twice (answer, whys and the misconception revealed); a hint; a wrong word; ok.
const PLAIN_ANSWERS = '\nh\n2\n2\nh\nnope\nok\n';

describe('hostile lesson text in plain mode', { timeout: 60_000 }, () => {
  it('NO_COLOR: not one control character on stdout or stderr, and all of the text shown, made visible', async () => {
    const r = await runCli(['escapes', '--plain', ...LESSONS], { input: PLAIN_ANSWERS, env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
    for (const text of VISIBLE) expect(r.stdout).toContain(text);
    expect(r.stdout).toContain('Score: 0/2');
  });

  it('the sources are printed as plain text, one per line', async () => {
    const r = await runCli(['escapes', '--plain', ...LESSONS], { input: '\n', env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain(
      'Sources:\n\n- https://kubernetes.io/docs/concepts/workloads/pods/\n- https://evil.example/␛]8;;https://other.example/␛\\\n',
    );
  });

  it('FORCE_COLOR: colours, and no escape sequence but colours', async () => {
    const r = await runCli(['escapes', '--plain', ...LESSONS], { input: PLAIN_ANSWERS, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\u001b\[3\dm/);
    const withoutColour = r.stdout.replace(/\u001b\[[\d;]*m/g, '');
    expect(withoutColour).not.toMatch(CONTROL);
    expect(withoutColour).toContain('A hidden link ␛]8;;https://evil.example/␇harmless text');
  });

  it('raw control bytes in the file are made visible too', async () => {
    const r = await runCli(['raw-bytes', '--plain', ...LESSONS], { input: '\n1\n', env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('Raw ␛]8;;https://evil.example/␇link␛]8;;␇');
    expect(r.stdout.replace(/\n/g, ' ')).toContain('Backspace␈␈ and CR␍OVERWRITE and C1 <U+009B>31m and BEL␇.');
    expect(r.stdout).toContain('Which ␛[8mhidden␛[28m one?');
    expect(r.stdout).toContain('2) Wrong <U+009B>2J');
  });
});

describe('hostile learner input in plain mode', { timeout: 60_000 }, () => {
  it('what the learner typed, quoted back, cannot drive the terminal either', async () => {
    const typed = ['', '\u009b31m', 'a\u007fb', '\u202eabc', '\u001b]8;;x\u0007', '2', '1 \u009b', '@\u009bno-such-file.yaml', 's', 'q'];
    const r = await runCli(['tiny', '--plain', '--lessons', 'test/fixtures/lessons-tutor'], {
      input: `${typed.join('\n')}\n`,
      env: { NO_COLOR: '1' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).not.toContain('\u202e');
    for (const shown of [
      '"<U+009B>31m" is not one of the options',
      '"a␡b" is not one of the options',
      '"<U+202E>abc" is not one of the options',
      '"\\u001b]8;;x\\u0007" is not one',
      '"<U+009B>" is not a number',
    ]) {
      expect(r.stdout).toContain(shown);
    }
  });
});

describe('a lesson folder with a broken file', { timeout: 60_000 }, () => {
  it('serves its good lessons and names the broken file with file:line:col, once, on stderr', async () => {
    const r = await runCli(['raw-bytes', '--plain', ...LESSONS], { input: '\n1\n', env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Score: 1/1');
    expect(r.stderr).toBe(SKIPPED);
  });

  it('asked for the broken one: the same line, then unknown lesson, exit 2', async () => {
    const r = await runCli(['broken', '--plain', ...LESSONS]);
    expect(r.code).toBe(2);
    const [first, second, ...rest] = r.stderr.split('\n');
    expect(`${first}\n`).toBe(SKIPPED);
    expect(second).toMatch(/^kube-learn: unknown lesson "broken"; known lessons: .*escapes.*raw-bytes/);
    expect(rest).toEqual(['']);
  });
});

describe('a lesson folder whose file names a field with a list', { timeout: 60_000 }, () => {
  it('lint and a start name the key with file:line:col, and Node prints no warning of its own', async () => {
    const folder = 'test/fixtures/lessons/collection-key';
    const line = `${folder}/ck.yaml:4:1: a field name must be plain text, not a list or a mapping`;
    const lint = await runCli(['lint', folder]);
    expect(lint).toMatchObject({ code: 1, stdout: `${line}\n1 problem in 1 file (1 file checked)\n`, stderr: '' });
    const start = await runCli(['ck', '--plain', '--lessons', folder]);
    expect(start.code).toBe(2);
    expect(start.stderr.split('\n')).toEqual([
      `kube-learn: skipped ${line}`,
      expect.stringMatching(/^kube-learn: unknown lesson "ck"; known lessons: .* \(1 problem in lesson files; run kube-learn lint\)$/),
      '',
    ]);
  });
});

describe('hostile lesson text in a terminal', { timeout: 60_000 }, () => {
  let session: PtySession | undefined;
  afterEach(() => {
    session?.kill();
    session = undefined;
  });

  for (const env of [{}, { NO_COLOR: '1' }]) {
    it(`interactive${env.NO_COLOR ? ' with NO_COLOR' : ''}: no sequence on the wire but the program's own, none from the lesson`, async () => {
      const s = (session = new PtySession(['escapes', ...LESSONS], { cols: 100, env }));
      await s.waitFor(PAUSE);
      s.press(KEYS.enter);
      await s.waitFor('❯ First');
      s.press(KEYS.down + KEYS.enter);
      await s.waitFor('Not quite');
      await s.waitFor('❯ First');
      s.press(KEYS.down + KEYS.enter);
      await s.waitFor('? Type ok');
      s.press(`ok${KEYS.enter}`);
      await s.waitFor('Score: 1/2');
      expect((await s.waitForExit()).exitCode).toBe(0);

      expect(foreignSequences(s.raw)).toEqual([]);
      // The pseudo-terminal turns each \n into \r\n; no other control character gets through.
      expect(
        s.raw
          .replace(/\r\n/g, '\n')
          .replace(ANY_SEQUENCE, (m) => (OWN_SEQUENCE.test(m) ? '' : m))
          .replace(/\r/g, ''),
      ).not.toMatch(CONTROL);
      if (env.NO_COLOR) expect(s.raw).not.toMatch(/\u001b\[[\d;]*m/);
      else expect(s.raw).toMatch(/\u001b\[3\dm/);

      const text = s.text();
      for (const visible of VISIBLE.filter((v) => !v.startsWith('Hint'))) expect(text.replace(/\n/g, ' ')).toContain(visible);
      expect(text).toContain('Hint: Hint ␛[1A␛[2K');
      expect(text).toContain('- https://kubernetes.io/docs/concepts/workloads/pods/');
      // The terminal wraps the long line; its rows joined are the line.
      expect(text.split('\n').slice(0, 2).join('')).toBe(SKIPPED.trimEnd());
    });
  }
});
