/**
 * The interactive front end on the built CLI, in a pseudo-terminal: keys
 * pressed, the screen read back from a headless terminal emulator.
 * `npm run build` first (npm test does).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, PAUSE, type PtyOptions, PtySession } from '../helpers/pty.js';
import { ROOT } from '../helpers/spawn.js';
import { tempStateHome } from '../helpers/state.js';

const LESSONS = ['--lessons', 'test/fixtures/lessons-tutor'];
let session: PtySession | undefined;

function start(lesson: string, opts?: PtyOptions): PtySession {
  session = new PtySession([lesson, ...LESSONS], opts);
  return session;
}

afterEach(() => {
  session?.kill();
  session = undefined;
});

/** Continue past the explanation and wait for the first question. */
async function toFirstQuestion(s: PtySession): Promise<string> {
  await s.waitFor(PAUSE);
  s.press(KEYS.enter);
  return s.waitFor('❯ A running process');
}

/** Choose the two right options of the multi question and submit. */
async function answerMulti(s: PtySession): Promise<void> {
  s.press(KEYS.space);
  await s.waitFor('❯◉ It can hold several containers');
  s.press(KEYS.down + KEYS.down);
  await s.waitFor('❯◯ Its containers share an IP address');
  s.press(KEYS.space);
  await s.waitFor('❯◉ Its containers share an IP address');
  s.press(KEYS.enter);
}

describe('kube-learn <lesson> in a terminal', { timeout: 60_000 }, () => {
  it('walks the lesson with arrows, space and Enter, and ends with the score', async () => {
    const s = start('tiny');
    const explain = await s.waitFor(PAUSE);
    expect(explain).toContain('Step 1 of 4');
    expect(explain).toContain('An image is a read-only template; a container is a process started from it.');
    expect(explain).toContain('- an image is built once');

    s.press(KEYS.enter);
    const choice = await s.waitFor('❯ A running process');
    expect(choice).toMatch(/█+░+ Step 2 of 4 · Images/);
    // The lesson's order, then the help line with the action keys (no menu entries).
    expect(choice).toContain(
      [
        '? What is a container image?',
        '❯ A running process',
        '  A read-only template',
        '  A virtual machine',
        '',
        '↑↓ move • ⏎ answer • h hint • b re-read • s skip • q save and quit',
      ].join('\n'),
    );

    s.press(KEYS.down);
    await s.waitFor('❯ A read-only template');
    s.press(KEYS.enter);
    // The help line comes last in the frame, and a frame may reach the
    // emulator in more than one read: wait for it rather than look once.
    const multi = await s.waitFor('space tick');
    expect(multi).toContain('? Which are true of a Pod?');
    // The answer line's mark is neutral; the verdict carries ✔ (and its words).
    expect(multi).toContain('› What is a container image? A read-only template\n✔ Right!');

    s.press(KEYS.space);
    await s.waitFor('◉ It can hold several containers');
    s.press(KEYS.down + KEYS.down);
    await s.waitFor('❯◯ Its containers share an IP address');
    s.press(KEYS.space);
    await s.waitFor('❯◉ Its containers share an IP address');
    s.press(KEYS.enter);

    await s.waitFor('? Which command-line tool talks to the Kubernetes API server?');
    s.press('kubectl');
    await s.waitFor('server? kubectl');
    s.press(KEYS.enter);

    const end = await s.waitFor('Score: 3/3');
    expect(end).toContain('Lesson done: A tiny lesson');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('a wrong answer gets "not quite" and the hint; the hint and skip keys work', async () => {
    const s = start('tiny');
    await toFirstQuestion(s);
    s.press(KEYS.enter);
    // Wrong: ✖, not a ✔ on the answer line, and the why of the option picked.
    await s.waitFor('✖ Not quite. Try once more.');
    expect(s.screen()).toContain('› What is a container image? A running process');
    expect(s.screen()).not.toContain('✔ What is a container image?');
    await s.waitFor('"A running process": That is a container.');
    await s.waitFor('Hint: Think of a template.');
    await s.waitFor('❯ A running process');
    s.press('h');
    await s.waitFor('› What is a container image? Show a hint');
    await s.waitFor('❯ A running process');
    s.press('s');
    await s.waitFor('Skipped. The answer: A read-only template');
    await s.waitFor('? Which are true of a Pod?');
  });

  it('Enter on an empty text answer opens a menu: back, skip, save and quit', async () => {
    const s = start('tiny');
    await toFirstQuestion(s);
    s.press(KEYS.down + KEYS.enter);
    await s.waitFor('❯◯ It can hold several containers');
    await answerMulti(s);
    await s.waitFor('? Which command-line tool');
    s.press(KEYS.enter);
    await s.waitFor('❯ Back to the question');
    expect(s.screen()).toContain('Nothing entered. What now?');
    s.press(KEYS.enter);
    await s.waitFor((screen) => screen.endsWith('⏎ answer • ⏎ on an empty line: re-read, skip or save and quit'));
    s.press(KEYS.enter);
    await s.waitFor('❯ Back to the question');
    s.press(KEYS.down.repeat(3));
    await s.waitFor('❯ Save and quit');
    s.press(KEYS.enter);
    const screen = await s.waitFor('Stopped. To pick up where you left off, run:');
    expect(screen).toContain('kube-learn tiny --lessons test/fixtures/lessons-tutor');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('q in a question list saves and quits, exit 0', async () => {
    const s = start('tiny');
    await toFirstQuestion(s);
    s.press('q');
    await s.waitFor('Stopped.');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('the pause takes one key: arrows and letters do nothing, q saves and quits', async () => {
    const state = { XDG_STATE_HOME: tempStateHome().home };
    const s = start('tiny', { env: state });
    await s.waitFor(PAUSE);
    s.press(`${KEYS.down}x${KEYS.up}`);
    s.press('q');
    const screen = await s.waitFor('Stopped. To pick up where you left off, run:');
    expect(screen).not.toContain(PAUSE);
    expect((await s.waitForExit()).exitCode).toBe(0);
    // Nothing was answered, so the lesson starts at the explanation again.
    const again = (session = new PtySession(['tiny', ...LESSONS], { env: state }));
    expect(await again.waitFor(PAUSE)).toContain('Step 1 of 4');
  });

  it('Enter at the pause takes the pause line away and goes on', async () => {
    const s = start('tiny');
    await s.waitFor(PAUSE);
    s.press(KEYS.enter);
    const screen = await s.waitFor('❯ A running process');
    expect(screen).not.toContain('Ready?');
  });

  it('a resize at the pause redraws the step and the pause at the new width', async () => {
    const s = start('tiny', { cols: 100, rows: 40 });
    await s.waitFor(PAUSE);
    s.resize(40, 40);
    const narrow = await s.waitFor((screen) => /^\s*█*░+ Step 1 of 4/.test(screen) && screen.includes('q save and quit'));
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(narrow.match(/Ready\?/g)).toHaveLength(1);
    s.press(KEYS.enter);
    await s.waitFor('❯ A running process');
  });

  for (const [where, reach] of [
    ['an explanation', async (s: PtySession) => void (await s.waitFor(PAUSE))],
    ['a choice', toFirstQuestion],
    [
      'a checkbox',
      async (s: PtySession) => {
        await toFirstQuestion(s);
        s.press(KEYS.down + KEYS.enter);
        await s.waitFor('❯◯ It can hold several containers');
      },
    ],
  ] as const) {
    it(`Ctrl-C at ${where}: exit 130 and one line, no stack trace`, async () => {
      const s = start('tiny');
      await reach(s);
      s.press(KEYS.ctrlC);
      const exit = await s.waitForExit();
      expect(exit.exitCode).toBe(130);
      const text = s.text();
      expect(text).toContain('kube-learn: Interrupted. To pick up where you left off, run: kube-learn tiny');
      expect(text).not.toMatch(/ExitPromptError|AbortPromptError|Error:|\n\s+at /);
      // A cursor a list hid is shown again (the pause never hides it).
      const hidden = s.raw.lastIndexOf('\u001b[?25l');
      if (hidden !== -1) expect(s.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(hidden);
    });
  }

  it('Ctrl-C at a text answer: exit 130', async () => {
    const s = start('tiny');
    await toFirstQuestion(s);
    s.press(KEYS.down + KEYS.enter);
    await s.waitFor('❯◯ It can hold several containers');
    await answerMulti(s);
    await s.waitFor('? Which command-line tool');
    s.press('kub');
    await s.waitFor('server? kub');
    s.press(KEYS.ctrlC);
    expect((await s.waitForExit()).exitCode).toBe(130);
    expect(s.text()).not.toMatch(/ExitPromptError|\n\s+at /);
  });

  for (const signal of ['SIGTERM', 'SIGHUP']) {
    it(`${signal} at a prompt: exit 130, no stack trace`, async () => {
      const s = start('tiny');
      await toFirstQuestion(s);
      s.kill(signal);
      expect((await s.waitForExit()).exitCode).toBe(130);
      expect(s.text()).not.toMatch(/ExitPromptError|\n\s+at /);
    });
  }

  it('a resize redraws the step at the new width, and the prompt still works', async () => {
    const s = start('tiny', { cols: 100, rows: 40 });
    await s.waitFor(PAUSE);
    expect(s.screen()).toContain('An image is a read-only template; a container is a process started from it. Run kubectl get');
    s.press(KEYS.enter);
    await s.waitFor('❯ A running process');
    s.resize(40, 40);
    // The redraw clears the screen: the step then starts at the top (the terminal's own reflow would not do that).
    const narrow = await s.waitFor((screen) => /^\s*█*░+ Step 2 of 4/.test(screen) && screen.includes('❯ A running process'));
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    // Drawn once, not left in pieces: the step's title and question appear exactly once.
    expect(narrow.match(/Step 2 of 4/g)).toHaveLength(1);
    expect(narrow.match(/What is a container image\?/g)).toHaveLength(1);
    s.press(KEYS.down);
    await s.waitFor('❯ A read-only template');
    s.resize(90, 40);
    // Asked again after the redraw, from where the cursor was.
    await s.waitFor((screen) => /^\s*█*░+ Step 2 of 4 · Images/.test(screen) && screen.includes('❯ A read-only template'));
    s.press(KEYS.enter);
    const after = await s.waitFor('? Which are true of a Pod?');
    expect(after).toContain('Right!');
  });

  it('long questions wrap at words to the width', async () => {
    const s = start('tiny', { cols: 40 });
    await toFirstQuestion(s);
    s.press(KEYS.down + KEYS.enter);
    await s.waitFor('❯◯ It can hold several containers');
    await answerMulti(s);
    const screen = await s.waitFor('? Which command-line tool talks to the\n  Kubernetes API server?');
    for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('NO_COLOR=1: no colour escapes, though the prompts still move the cursor', async () => {
    const s = start('tiny', { env: { NO_COLOR: '1' } });
    await toFirstQuestion(s);
    s.press(KEYS.ctrlC);
    await s.waitForExit();
    expect(s.raw).not.toMatch(/\u001b\[[\d;]*m/);
  });

  it('colours by default in a colour terminal, and with FORCE_COLOR=1', async () => {
    for (const env of [{}, { FORCE_COLOR: '1' }]) {
      const s = start('tiny', { env });
      await toFirstQuestion(s);
      s.press(KEYS.ctrlC);
      await s.waitForExit();
      expect(s.raw).toMatch(/\u001b\[3\dm/);
      s.kill();
    }
  });

  it('--plain in a terminal, and TERM=dumb, use the plain front end', async () => {
    for (const [args, env] of [
      [['--plain'], {}],
      [[], { TERM: 'dumb' }],
    ] as const) {
      const s = (session = new PtySession(['tiny', ...LESSONS, ...args], { env }));
      await s.waitFor('[Enter] to continue');
      s.press(KEYS.enter);
      await s.waitFor('  3) A virtual machine');
      s.press(`2${KEYS.enter}`);
      await s.waitFor('  4) It is a node');
      s.press(KEYS.ctrlC);
      expect((await s.waitForExit()).exitCode).toBe(130);
      expect(s.text()).toContain('kube-learn: Interrupted.');
      expect(s.raw).not.toMatch(/\u001b\[[\d;]*m/);
    }
  });

  it('the manifest step: written in $EDITOR, starting from the starter, checked', async () => {
    const s = start('tiny-pod', { env: { EDITOR: join(ROOT, 'test/fixtures/lessons-tutor/manifests/editor.sh') } });
    const menu = await s.waitFor('❯ Write it in your editor (editor.sh)');
    expect(menu).toContain('Write a Pod named web that runs the image nginx:1.27.');
    s.press(KEYS.enter);
    await s.waitFor('Right!');
    await s.waitFor('Score: 1/1');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('the manifest step without an editor: typed line by line, the starter offered line by line, EOF ends it', async () => {
    const s = start('tiny-pod');
    await s.waitFor('❯ Write it here, line by line');
    s.press(KEYS.enter);
    await s.waitFor('1 (apiVersion: v1)');
    s.press(KEYS.enter);
    await s.waitFor('2 (kind: Pod)');
    s.press(KEYS.enter);
    for (const [i, line] of [
      'metadata:',
      '  name: web',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: nginx:1.27',
      'EOF',
    ].entries()) {
      await s.waitFor(new RegExp(`^\\s*${i + 3}\\s*$`, 'm'));
      s.press(line + KEYS.enter);
    }
    await s.waitFor('Right!');
    await s.waitFor('Score: 1/1');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });
});
