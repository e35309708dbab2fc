/**
 * The action keys of the interactive front end on the built CLI, in a
 * pseudo-terminal: h, s, b and q act at once at a list (no menu entries),
 * the help line under each prompt names the keys that work there, and a
 * line of text keeps its letters (Enter on an empty line opens the menu).
 * The lesson's options start with those letters (h, s, q, b), so a key
 * taken as type-to-search would show. `npm run build` first (npm test does).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, PAUSE, PtySession } from '../helpers/pty.js';
import { tempStateHome } from '../helpers/state.js';

const LESSONS = ['--lessons', 'test/fixtures/lessons-keys'];
const CHOICE_HELP = '↑↓ move • ⏎ answer • h hint • b re-read • s skip • q save and quit';
const MULTI_HELP = '↑↓ move • space tick • ⏎ submit • h hint • b re-read • s skip • q save and quit';
const TEXT_HELP = '⏎ answer • ⏎ on an empty line: hint, re-read, skip or save and quit';
const MENU_HELP = '↑↓ move • ⏎ choose • h hint • b re-read • s skip • q save and quit';

let session: PtySession | undefined;

afterEach(() => {
  session?.kill();
  session = undefined;
});

function start(env: Record<string, string> = {}): PtySession {
  // Wide enough that no help line wraps.
  session = new PtySession(['keys', ...LESSONS], { cols: 100, rows: 40, env });
  return session;
}

async function toChoice(s: PtySession): Promise<string> {
  await s.waitFor(PAUSE);
  s.press(KEYS.enter);
  return s.waitFor('❯ Storage for their data');
}

async function toMulti(s: PtySession): Promise<string> {
  await toChoice(s);
  s.press(KEYS.up + KEYS.enter);
  await s.waitFor('✔ Right!');
  return s.waitFor('❯◯ Holds the containers of its Pods');
}

async function toText(s: PtySession): Promise<string> {
  await toMulti(s);
  s.press(KEYS.down + KEYS.space + KEYS.down + KEYS.down + KEYS.space);
  await s.waitFor('❯◉ Balances traffic');
  s.press(KEYS.enter);
  return s.waitFor('? Which kind of object gives Pods one stable address?');
}

/** The lines from the last `from` on, of the screen. */
function lastPart(screen: string, from: string): string {
  return screen.slice(screen.lastIndexOf(from));
}

describe('the action keys at a choice list', { timeout: 60_000 }, () => {
  it('lists the options only, with the help line under them', async () => {
    const screen = await toChoice(start());
    expect(lastPart(screen, '? What does')).toBe(
      [
        '? What does a Service give a set of Pods?',
        '❯ Storage for their data',
        '  Hardware to run on',
        '  Quotas for their CPU',
        '  Balanced traffic at one stable address',
        '',
        CHOICE_HELP,
      ].join('\n'),
    );
  });

  it('h shows the hint at once, and the question comes back with the cursor where it was', async () => {
    const s = start();
    await toChoice(s);
    s.press(KEYS.down);
    await s.waitFor('❯ Hardware to run on');
    s.press('h');
    const screen = await s.waitFor('Hint: Think of how clients find the Pods.');
    expect(screen).toContain('› What does a Service give a set of Pods? Show a hint');
    expect(screen).not.toContain('Nothing entered');
    const again = await s.waitFor((text) => lastPart(text, 'Hint:').includes('❯ Hardware to run on'));
    expect(lastPart(again, 'Hint:')).toContain(CHOICE_HELP);
    // Still the first try: the right answer now counts as right at the first try.
    s.press(KEYS.down + KEYS.down + KEYS.enter);
    await s.waitFor('✔ Right!');
  });

  it('s skips: the answer is shown and the question is scored skipped', async () => {
    const state = tempStateHome();
    const s = start({ XDG_STATE_HOME: state.home });
    await toChoice(s);
    s.press('s');
    await s.waitFor('Skipped. The answer: Balanced traffic at one stable address');
    await s.waitFor('❯◯ Holds the containers of its Pods');
    s.press('q');
    await s.waitFor('Stopped.');
    expect((await s.waitForExit()).exitCode).toBe(0);
    const again = (session = new PtySession(['progress', 'keys', ...LESSONS], { env: { XDG_STATE_HOME: state.home } }));
    expect(await again.waitFor(/skipped/)).toMatch(/1 skipped/);
  });

  it('q saves and quits: exit 0 and the resume line', async () => {
    const state = tempStateHome();
    const s = start({ XDG_STATE_HOME: state.home });
    await toChoice(s);
    s.press('q');
    const screen = await s.waitFor('Stopped. To pick up where you left off, run:');
    expect(screen).toContain('kube-learn keys --lessons test/fixtures/lessons-keys');
    expect(screen).toContain('› What does a Service give a set of Pods? Save and quit');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(state.file, 'utf8')).lessons.keys).toBeDefined();
  });

  it('b re-reads the last explanation and returns to the same question', async () => {
    const s = start();
    await toChoice(s);
    s.press('b');
    const screen = await s.waitFor((text) => lastPart(text, 'Re-read the explanation').includes('❯ Storage for their data'));
    const reread = lastPart(screen, 'Re-read the explanation');
    expect(reread).toContain('A Service gives a set of Pods one stable address and name.');
    expect(reread).toContain('? What does a Service give a set of Pods?');
    expect(reread).not.toContain(PAUSE);
  });

  it('a key is never type-to-search: h does not jump to "Hardware", other letters do nothing', async () => {
    const s = start();
    await toChoice(s);
    s.press('h');
    await s.waitFor((text) => lastPart(text, 'Hint:').includes('❯ Storage for their data'));
    s.press(`xyz${KEYS.enter}`);
    await s.waitFor('✖ Not quite. Try once more.');
    expect(s.screen()).toContain('› What does a Service give a set of Pods? Storage for their data');
  });
});

describe('the help line after a resize', { timeout: 60_000 }, () => {
  it('the question, the options and the help line are laid out again at words for the new width', async () => {
    const s = start();
    await toChoice(s);
    s.resize(40, 40);
    const narrow = await s.waitFor((text) => /^\s*█*░+ Step 2 of 4/.test(text) && text.includes('❯ Storage for their data'));
    for (const line of narrow.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(lastPart(narrow, '? What does')).toBe(
      [
        '? What does a Service give a set of',
        '  Pods?',
        '❯ Storage for their data',
        '  Hardware to run on',
        '  Quotas for their CPU',
        '  Balanced traffic at one stable',
        '    address',
        '',
        '↑↓ move • ⏎ answer • h hint • b re-read',
        '• s skip • q save and quit',
      ].join('\n'),
    );
    s.press('h');
    await s.waitFor('Hint: Think of how');
  });
});

describe('a resize keeps the place', { timeout: 60_000 }, () => {
  it('a checkbox list asked again after a resize keeps the cursor and the ticks', async () => {
    const s = start();
    await toMulti(s);
    s.press(KEYS.down + KEYS.space + KEYS.down);
    await s.waitFor((text) => text.includes(' ◉ Selects Pods by their labels') && text.includes('❯◯ Queues requests'));
    s.resize(60, 40);
    const screen = await s.waitFor((text) => /^\s*█*░+ Step 3 of 4/.test(text) && text.includes('❯◯ Queues requests'));
    expect(screen).toContain(' ◉ Selects Pods by their labels');
    s.press(KEYS.down + KEYS.space + KEYS.enter);
    await s.waitFor('✔ Right!');
  });
});

describe('the action keys at a checkbox list', { timeout: 60_000 }, () => {
  it('the help line names space, Enter and the action keys', async () => {
    const screen = await toMulti(start());
    expect(lastPart(screen, '? Which are true')).toBe(
      [
        '? Which are true of a Service?',
        '❯◯ Holds the containers of its Pods',
        ' ◯ Selects Pods by their labels',
        ' ◯ Queues requests until a Pod starts',
        ' ◯ Balances traffic over the Pods it selects',
        '',
        MULTI_HELP,
      ].join('\n'),
    );
  });

  it('h while some boxes are ticked shows the hint and keeps the ticks', async () => {
    const s = start();
    await toMulti(s);
    s.press(KEYS.down + KEYS.space);
    await s.waitFor('❯◉ Selects Pods by their labels');
    s.press('h');
    await s.waitFor('Hint: Two of them are true.');
    const screen = await s.waitFor((text) => lastPart(text, 'Hint: Two').includes('❯◉ Selects Pods by their labels'));
    expect(lastPart(screen, 'Hint: Two')).toContain(' ◯ Holds the containers of its Pods');
    s.press(KEYS.down + KEYS.down + KEYS.space);
    await s.waitFor('❯◉ Balances traffic');
    s.press(KEYS.enter);
    const answered = await s.waitFor((text) => lastPart(text, 'Hint: Two').includes('✔ Right!'));
    expect(lastPart(answered, 'Hint: Two').replace(/\s+/g, ' ')).toContain(
      '› Which are true of a Service? Selects Pods by their labels, Balances traffic over the Pods it selects ✔ Right!',
    );
  });

  it('b re-reads and keeps the ticks; s skips; Enter with nothing ticked says what to do', async () => {
    const s = start();
    await toMulti(s);
    s.press(KEYS.enter);
    await s.waitFor('Nothing ticked: space ticks the option under the cursor, s skips.');
    s.press(KEYS.space);
    await s.waitFor('❯◉ Holds the containers of its Pods');
    expect(s.screen()).not.toContain('Nothing ticked');
    s.press('b');
    await s.waitFor((text) => lastPart(text, 'Re-read the explanation').includes('❯◉ Holds the containers of its Pods'));
    expect(lastPart(s.screen(), 'Re-read the explanation')).toContain('A Service gives a set of Pods one stable address and name.');
    s.press('s');
    await s.waitFor('Skipped. The answers:');
    await s.waitFor('? Which kind of object');
  });

  it('q saves and quits with boxes ticked', async () => {
    const s = start();
    await toMulti(s);
    s.press(`${KEYS.space}q`);
    await s.waitFor('Stopped. To pick up where you left off, run:');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });
});

describe('the action keys at a line of text', { timeout: 60_000 }, () => {
  it('letters are text; the help line says Enter on an empty line opens the actions', async () => {
    const s = start();
    const screen = await toText(s);
    expect(lastPart(screen, '? Which kind')).toBe(['? Which kind of object gives Pods one stable address?', TEXT_HELP].join('\n'));
    s.press('hsqb');
    await s.waitFor('address? hsqb');
    s.press(`${KEYS.backspace.repeat(4)}Service`);
    await s.waitFor('address? Service');
    s.press(KEYS.enter);
    await s.waitFor('✔ Right!');
    await s.waitFor(/Score: \d\/3/);
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('Enter on an empty line opens the menu, where the keys act at once and Enter goes back', async () => {
    const s = start();
    await toText(s);
    s.press(KEYS.enter);
    const menu = await s.waitFor('❯ Back to the question');
    expect(lastPart(menu, 'Nothing entered')).toBe(
      [
        'Nothing entered. What now?',
        '❯ Back to the question',
        '  Show a hint',
        '  Re-read the last explanation',
        '  Skip this question',
        '  Save and quit',
        '',
        MENU_HELP,
      ].join('\n'),
    );
    s.press('h');
    await s.waitFor('Hint: It is the subject of this lesson.');
    await s.waitFor((text) => lastPart(text, 'Hint: It is').includes(TEXT_HELP));
    s.press(KEYS.enter);
    await s.waitFor((text) => lastPart(text, 'Hint: It is').includes('❯ Back to the question'));
    s.press(KEYS.enter);
    await s.waitFor((text) => lastPart(text, 'Hint: It is').endsWith(TEXT_HELP));
    s.press(KEYS.enter);
    await s.waitFor((text) => lastPart(text, 'Hint: It is').includes('❯ Back to the question'));
    s.press('q');
    await s.waitFor('Stopped. To pick up where you left off, run:');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });
});

describe('the keys without colour', { timeout: 60_000 }, () => {
  it('NO_COLOR=1: the same keys and help line, no colour escapes', async () => {
    const s = start({ NO_COLOR: '1' });
    const screen = await toChoice(s);
    expect(screen).toContain(CHOICE_HELP);
    s.press('h');
    await s.waitFor('Hint: Think of how clients find the Pods.');
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expect(s.raw).not.toMatch(/\u001b\[[\d;]*m/);
  });
});

describe('the action keys at the manifest menu', { timeout: 60_000 }, () => {
  it('h shows the hint and s skips to a solution, with the help line saying so', async () => {
    const s = (session = new PtySession(['tiny-pod', '--lessons', 'test/fixtures/lessons-tutor'], { cols: 100 }));
    const menu = await s.waitFor('❯ Write it here, line by line');
    expect(lastPart(menu, '? Your manifest')).toBe(
      [
        '? Your manifest',
        '❯ Write it here, line by line',
        '',
        '↑↓ move • ⏎ choose • h hint • s skip (see a solution) • q save and quit',
      ].join('\n'),
    );
    s.press('h');
    await s.waitFor((text) => lastPart(text, 'Hint: The name goes under metadata').includes('❯ Write it here, line by line'));
    s.press('s');
    await s.waitFor('Skipped. A solution:');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });
});
