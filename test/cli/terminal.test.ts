/**
 * Odd terminals, on the built CLI in a pseudo-terminal: no TERM at all, and
 * a 40-column terminal. The whole tiny lesson is walked; at each prompt the
 * question and every option are on the screen, and no word of the lesson or
 * of the prompts is cut across lines (wrapping happens at spaces). TERM=dumb
 * and a resize during a prompt are in interactive.test.ts. `npm run build`
 * first.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEYS, PAUSE, type PtyOptions, PtySession } from '../helpers/pty.js';

const LESSONS = ['--lessons', 'test/fixtures/lessons-tutor'];
const tiny = parse(readFileSync('test/fixtures/lessons-tutor/tiny.yaml', 'utf8')) as {
  steps: { body?: string; question?: string; hint?: string; explanation?: string; choices?: { text: string; why?: string }[] }[];
};
// Node sets no TERM of its own; node-pty always sets one, so the child removes it before the CLI starts.
const NO_TERM = { NODE_OPTIONS: '--import=data:text/javascript,delete%20process.env.TERM' };

let session: PtySession | undefined;
afterEach(() => {
  session?.kill();
  session = undefined;
});

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** Every word the lesson shows (explanation, questions, options, whys, hints), and the prompts' help words. */
const LESSON_WORDS = [
  ...new Set(
    tiny.steps.flatMap((s) =>
      [s.body, s.question, s.hint, s.explanation, ...(s.choices ?? []).flatMap((c) => [c.text, c.why])].flatMap((t) =>
        t ? wordsOf(t.replace(/^```\w*$/gm, '')) : [],
      ),
    ),
  ),
];
const HELP_WORDS = ['move', 'answer', 'tick', 'submit', 'hint', 're-read', 'skip', 'save', 'quit', 'line:', 'continue', 'choose'];

/** The words of `expected` that the screen shows cut in two (a piece at a line end, the rest on the next line). */
function cutWords(screen: string, expected: readonly string[]): string[] {
  const lines = screen.split('\n').map((l) => l.trimEnd());
  const cut: string[] = [];
  for (const word of expected) {
    for (let i = 0; i + 1 < lines.length; i++) {
      const end = lines[i]!.split(' ').at(-1)!;
      const start = lines[i + 1]!.trimStart().split(' ')[0]!;
      if (
        end &&
        start &&
        end !== word &&
        word.startsWith(end) &&
        word.slice(end.length).startsWith(start) &&
        (end + start).length <= word.length
      )
        cut.push(`${end}|${start}`);
    }
  }
  return cut;
}

/** A screen is readable: nothing wider than the terminal, and no word cut across lines. */
function expectReadable(screen: string, cols: number): void {
  for (const line of screen.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(cols);
  expect(cutWords(screen, [...LESSON_WORDS, ...HELP_WORDS])).toEqual([]);
}

/** The question and each option, as one text (the screen wraps them). */
function expectShown(screen: string, ...texts: string[]): void {
  const flat = screen.replace(/\s+/g, ' ');
  for (const t of texts) expect(flat).toContain(t.replace(/\s+/g, ' '));
}

/** Walks the tiny lesson: a wrong answer, hints, the multi question, the text question. */
async function walkTiny(s: PtySession, cols: number): Promise<void> {
  const explain = await s.waitFor(PAUSE);
  expectShown(explain, 'An image is a read-only template; a container is a process started from it.');
  expectReadable(explain, cols);
  s.press(KEYS.enter);

  const choice = await s.waitFor('❯ A running process');
  expectShown(
    choice,
    'What is a container image?',
    'A running process',
    'A read-only template',
    'A virtual machine',
    'h hint',
    'b re-read',
    's skip',
    'q save and quit',
  );
  expectReadable(choice, cols);
  s.press(KEYS.enter);
  await s.waitFor('Not quite.');
  await s.waitFor('❯ A running process');
  s.press(KEYS.down + KEYS.enter);

  const multi = await s.waitFor('❯◯ It can hold several containers');
  expectShown(
    multi,
    'Which are true of a Pod?',
    'It can hold several containers',
    'It is a container',
    'Its containers share an IP address',
    'It is a node',
  );
  expectReadable(multi, cols);
  s.press(KEYS.space + KEYS.down + KEYS.down + KEYS.space);
  await s.waitFor('❯◉ Its containers share an IP address');
  s.press(KEYS.enter);

  const text = await s.waitFor(/Which command-line tool talks to the\s+Kubernetes API server\?/);
  expectReadable(text, cols);
  s.press(`kubectl${KEYS.enter}`);
  await s.waitFor('Score: 2/3');
  expect((await s.waitForExit()).exitCode).toBe(0);
  // Everything the session showed, answered lines and summary included.
  expectReadable(s.text(), cols);
  expect(s.text()).not.toMatch(/\n\s+at |Error:/);
}

describe('odd terminals', { timeout: 60_000 }, () => {
  it('no TERM at all: the interactive prompts work, without colour, readable', async () => {
    const s = (session = new PtySession(['tiny', ...LESSONS], { env: NO_TERM }));
    await walkTiny(s, 80);
    expect(s.raw).not.toMatch(/\u001b\[[\d;]*m/);
  });

  for (const [name, opts] of [
    ['a 40-column terminal', { cols: 40, rows: 24 }],
    ['a 40-column terminal with colour', { cols: 40, rows: 24, env: { FORCE_COLOR: '3' } }],
    ['a 40-column terminal and no TERM', { cols: 40, rows: 24, env: NO_TERM }],
  ] as [string, PtyOptions][]) {
    it(`${name}: the question and options on screen, no word cut, answered lines wrapped at words`, async () => {
      const s = (session = new PtySession(['tiny', ...LESSONS], opts));
      await walkTiny(s, 40);
      // The answered line is wrapped at a word with the prompts' indent, not broken at column 40.
      expect(s.text()).toMatch(/› What is a container image\? A running\n {2}process/);
      expect(s.text()).toMatch(/› Which are true of a Pod\? It can hold\n {2}several containers, Its containers\n {2}share an IP address/);
    });
  }

  it('plain mode at 40 columns wraps the same words at spaces', async () => {
    const s = (session = new PtySession(['tiny', ...LESSONS, '--plain'], { cols: 40, rows: 24 }));
    await s.waitFor('[Enter] to continue');
    s.press(KEYS.enter);
    await s.waitFor('  3) A virtual machine');
    // A message longer than the line: wrapped at words like the rest.
    s.press(`xyz${KEYS.enter}`);
    await s.waitFor('quit).');
    s.press(`1${KEYS.enter}`);
    await s.waitFor('Try once more');
    s.press(`2${KEYS.enter}`);
    await s.waitFor('  4) It is a node');
    s.press(`1 3${KEYS.enter}`);
    await s.waitFor('server?');
    s.press(`kubectl${KEYS.enter}`);
    await s.waitFor('Score: 2/3');
    expect((await s.waitForExit()).exitCode).toBe(0);
    expectReadable(s.text(), 40);
    expect(s.text()).toContain(
      '"xyz" is not one of the options: answer\nwith a number from 1 to 3 (h for a hint,\ns to skip, q to save and quit).',
    );
    expect(s.text()).toContain('At any question: h for a hint, s to\nskip, q to save and quit, b to re-read.');
  });
});
