/**
 * The interactive question prompts' keys, driven through a stream the way
 * readline reads a terminal: which key ends a prompt with which action, and
 * what stays (cursor, ticks). The screen itself is tested on the built CLI
 * (test/cli/interactive-keys.test.ts).
 */
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/tutor/prompter.js';
import { actionKeys, keyAction } from '../../src/terminal/actions.js';
import { QUESTION_KEYS } from '../../src/terminal/inquirer-theme.js';
import { chooseOne, type KeyPromptLook, tickSome, typeLine } from '../../src/terminal/key-prompts.js';

const DOWN = '\u001b[B';
const UP = '\u001b[A';
const ENTER = '\r';
const ALL: Action[] = ['hint', 'reread', 'skip', 'quit'];
const look: KeyPromptLook = { theme: {}, cursor: '>', checked: '[x]', unchecked: '[ ]' };
// Each option starts with an action key's letter: a type-to-search list would jump to it.
const OPTIONS = ['skip rope', 'hold on', 'quiet', 'bold'];

/** A terminal for one prompt: keys go in, the screen's bytes are kept. */
function terminal() {
  const input = new PassThrough();
  let screen = '';
  const output = new Writable({
    write(chunk, _encoding, callback) {
      screen += String(chunk);
      callback();
    },
  });
  return {
    context: { input, output },
    /** Each key a chunk of its own, as a person types. */
    press: async (...keys: string[]) => {
      for (const key of keys) {
        input.write(key);
        await new Promise((r) => setImmediate(r));
      }
    },
    screen: () => screen,
  };
}

const list = (actions: readonly Action[], extra: object = {}) => ({
  message: 'Which?',
  options: OPTIONS,
  actions,
  help: 'THE HELP LINE',
  pageSize: 10,
  look,
  ...extra,
});

describe('keyAction', () => {
  it('is the plain-mode letter of an offered action, either case, never with Ctrl or Alt', () => {
    expect(keyAction({ name: 'h' }, ALL)).toBe('hint');
    expect(keyAction({ name: 's' }, ALL)).toBe('skip');
    expect(keyAction({ name: 'q' }, ALL)).toBe('quit');
    expect(keyAction({ name: 'b' }, ALL)).toBe('reread');
    expect(keyAction({ name: 'h' }, ['skip', 'quit'])).toBeUndefined();
    expect(keyAction({ name: 's', ctrl: true }, ALL)).toBeUndefined();
    expect(keyAction({ name: 'b', meta: true }, ALL)).toBeUndefined();
    expect(keyAction({ name: 'x' }, ALL)).toBeUndefined();
    expect(keyAction({}, ALL)).toBeUndefined();
  });

  it('actionKeys pairs each key with its words, in the order offered', () => {
    expect(actionKeys(['hint', 'skip', 'quit'], 'skip (see a solution)')).toEqual([
      ['h', 'hint'],
      ['s', 'skip (see a solution)'],
      ['q', 'save and quit'],
    ]);
  });
});

describe('chooseOne', () => {
  for (const [key, action] of [
    ['h', 'hint'],
    ['s', 'skip'],
    ['q', 'quit'],
    ['b', 'reread'],
    ['H', 'hint'],
  ] as const) {
    it(`${key} ends it at once with ${action}, and says where the cursor was`, async () => {
      const t = terminal();
      const answer = chooseOne(list(ALL), t.context);
      await t.press(DOWN, key);
      expect(await answer).toEqual({ action, active: 1 });
    });
  }

  it('shows the options and the help line, and no entry for an action', async () => {
    const t = terminal();
    const answer = chooseOne(list(ALL), t.context);
    await t.press(DOWN);
    expect(t.screen()).toContain('> hold on');
    expect(t.screen()).toContain('THE HELP LINE');
    expect(t.screen()).not.toMatch(/hint|Skip/);
    await t.press(ENTER);
    await answer;
  });

  it('a letter not offered, or any other, neither acts nor moves: Enter answers where the cursor is', async () => {
    const t = terminal();
    const answer = chooseOne(list(['skip', 'quit']), t.context);
    await t.press('h', 'b', 'x', 'o', ENTER);
    expect(await answer).toEqual({ action: undefined, active: 0 });
  });

  it('arrows move and wrap; it starts where it was left', async () => {
    const t = terminal();
    const answer = chooseOne(list(ALL, { active: 2 }), t.context);
    await t.press(DOWN, DOWN, UP, ENTER);
    expect(await answer).toEqual({ action: undefined, active: 3 });
  });
});

describe('tickSome', () => {
  it('space ticks and unticks; an action keeps the ticks it had', async () => {
    const t = terminal();
    const answer = tickSome({ ...list(ALL), noneTicked: 'NONE' }, t.context);
    await t.press(' ', DOWN, DOWN, ' ', DOWN, ' ', ' ', 'h');
    expect(await answer).toEqual({ action: 'hint', active: 3, ticked: [0, 2] });
  });

  it('starts from the ticks it is given, and submits them in the options order', async () => {
    const t = terminal();
    const answer = tickSome({ ...list(ALL), noneTicked: 'NONE', ticked: [3, 1], active: 1 }, t.context);
    await t.press(DOWN, ' ', ENTER);
    expect(await answer).toEqual({ action: undefined, active: 2, ticked: [1, 2, 3] });
  });

  it('tells each move and tick, so a list asked again can start there', async () => {
    const t = terminal();
    const states: unknown[] = [];
    const answer = tickSome({ ...list(ALL), noneTicked: 'NONE', onMove: (state) => states.push(state) }, t.context);
    await t.press(DOWN, ' ', 'x', UP, 'q');
    await answer;
    expect(states).toEqual([
      { active: 1, ticked: [] },
      { active: 1, ticked: [1] },
      { active: 0, ticked: [1] },
    ]);
  });

  it('Enter with nothing ticked says so and waits', async () => {
    const t = terminal();
    const answer = tickSome({ ...list(ALL), noneTicked: 'NONE' }, t.context);
    await t.press(ENTER);
    expect(t.screen()).toContain('NONE');
    await t.press('s');
    expect(await answer).toEqual({ action: 'skip', active: 0, ticked: [] });
  });
});

describe('typeLine', () => {
  it('takes the action letters as text, and Enter answers with the line', async () => {
    const t = terminal();
    const answer = typeLine({ message: 'Which?', help: 'THE HELP LINE', look }, t.context);
    await t.press('h', 's', 'q', 'b', '\u007f', ENTER);
    expect(await answer).toBe('hsq');
    expect(t.screen()).toContain('THE HELP LINE');
  });

  it('echoes a pasted control (C1 CSI, bidi override) made visible, and answers the line as typed', async () => {
    const t = terminal();
    const answer = typeLine({ message: 'Which?', help: 'THE HELP LINE', look }, t.context);
    await t.press('a\u009b2Jb\u202e', ENTER);
    expect(await answer).toBe('a\u009b2Jb\u202e');
    expect(t.screen()).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(t.screen()).toContain('a<U+009B>2Jb<U+202E>');
  });

  it('Enter on an empty line answers the empty line (the caller opens the menu)', async () => {
    const t = terminal();
    const answer = typeLine({ message: 'Which?', help: 'THE HELP LINE', look }, t.context);
    await t.press(ENTER);
    expect(await answer).toBe('');
  });
});

describe('the help line of each prompt', () => {
  const said = (pairs: [string, string][]) => pairs.map(([key, does]) => `${key} ${does}`).join(' • ');

  it('names the keys a list offers, and only those', () => {
    expect(said(QUESTION_KEYS.list(ALL))).toBe('↑↓ move • ⏎ answer • h hint • b re-read • s skip • q save and quit');
    expect(said(QUESTION_KEYS.list(['skip', 'quit']))).toBe('↑↓ move • ⏎ answer • s skip • q save and quit');
    expect(said(QUESTION_KEYS.list(['hint', 'skip', 'quit'], 'choose', 'skip (see a solution)'))).toBe(
      '↑↓ move • ⏎ choose • h hint • s skip (see a solution) • q save and quit',
    );
    expect(said(QUESTION_KEYS.ticks(['reread', 'skip', 'quit']))).toBe(
      '↑↓ move • space tick • ⏎ submit • b re-read • s skip • q save and quit',
    );
  });

  it('a line of text names no letter: Enter on an empty line, and what it leads to', () => {
    expect(said(QUESTION_KEYS.line(ALL))).toBe('⏎ answer • ⏎ on an empty line: hint, re-read, skip or save and quit');
    expect(said(QUESTION_KEYS.line(['skip', 'quit']))).toBe('⏎ answer • ⏎ on an empty line: skip or save and quit');
  });
});
