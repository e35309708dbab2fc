import { describe, expect, it } from 'vitest';
import { actionOf } from '../../src/terminal/actions.js';
import { parseChoice, parseChoices, parseText, parseYesNo } from '../../src/terminal/plain-input.js';

const options = ['A running process', 'A read-only template', 'A virtual machine'];

describe('plain answers', () => {
  it('reads the commands, short and long, in any case', () => {
    expect(['h', 'hint', ' H ', 's', 'skip', 'q', 'QUIT'].map(actionOf)).toEqual(['hint', 'hint', 'hint', 'skip', 'skip', 'quit', 'quit']);
    expect(actionOf('help')).toBeUndefined();
  });

  it('choice: a number, or the exact text of an option', () => {
    expect(parseChoice(' 2 ', options)).toEqual({ ok: true, value: 1 });
    expect(parseChoice('a virtual   MACHINE', options)).toEqual({ ok: true, value: 2 });
  });

  it('choice: anything else says what would be an answer', () => {
    expect(parseChoice('7', options)).toEqual({ ok: false, message: 'There is no option 7: answer with a number from 1 to 3.' });
    expect(parseChoice('0', options)).toMatchObject({ ok: false });
    expect(parseChoice('abc', options)).toEqual({
      ok: false,
      message: '"abc" is not one of the options: answer with a number from 1 to 3 (h for a hint, s to skip, q to save and quit).',
    });
    expect(parseChoice('', options)).toMatchObject({ ok: false, message: expect.stringMatching(/^Answer with a number from 1 to 3/) });
    expect(parseChoice('1,2', options)).toMatchObject({ ok: false });
  });

  it('multi: numbers separated by commas or spaces, repeats dropped', () => {
    expect(parseChoices('1,3', options)).toEqual({ ok: true, value: [0, 2] });
    expect(parseChoices('3 1', options)).toEqual({ ok: true, value: [2, 0] });
    expect(parseChoices(' 1, 3 ,1 ', options)).toEqual({ ok: true, value: [0, 2] });
    expect(parseChoices('A read-only template', options)).toEqual({ ok: true, value: [1] });
  });

  it('multi: a number out of range or a word is not an answer', () => {
    expect(parseChoices('1,9', options)).toEqual({
      ok: false,
      message: 'There is no option 9: answer with numbers from 1 to 3, separated by commas or spaces.',
    });
    expect(parseChoices('1,abc', options)).toEqual({
      ok: false,
      message: '"abc" is not a number: answer with numbers from 1 to 3, separated by commas or spaces.',
    });
    expect(parseChoices(' , ', options)).toMatchObject({ ok: false });
  });

  it('text: anything but an empty line, trimmed', () => {
    expect(parseText('  kubectl ')).toEqual({ ok: true, value: 'kubectl' });
    expect(parseText('   ')).toMatchObject({ ok: false });
  });

  it('yes/no: y, yes, n, no, or Enter for the default', () => {
    expect(parseYesNo('Y', false)).toEqual({ ok: true, value: true });
    expect(parseYesNo('no', true)).toEqual({ ok: true, value: false });
    expect(parseYesNo('', true)).toEqual({ ok: true, value: true });
    expect(parseYesNo('maybe', true)).toEqual({ ok: false, message: 'Answer y or n.' });
  });

  it('quotes long input shortly in messages', () => {
    const r = parseChoice('x'.repeat(100), options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`"${'x'.repeat(29)}…"`);
  });
});
