import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { palette } from '../../src/terminal/colors.js';
import { displayWidth, graphemes, isPlainCodeUnit, stripAnsi, truncateToWidth, wrap, wrapPieces } from '../../src/text/width.js';

describe('displayWidth', () => {
  it('counts columns, not code units or escapes', () => {
    expect(displayWidth('hello')).toBe(5);
    expect(displayWidth('\u001b[36mhello\u001b[39m')).toBe(5);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('👍')).toBe(2);
    expect(displayWidth('❤️')).toBe(2);
    expect(displayWidth('\u001b]8;;https://x\u0007link\u001b]8;;\u0007')).toBe(4);
  });

  it("measures the tutor's own symbols without the Unicode tables, and joins them to what follows as before", () => {
    expect(displayWidth('⏎ continue • q quit — “ok” ✔ ✖ ❯ ─ → 〈')).toBe(39);
    expect(displayWidth('✔\ufe0f')).toBe(2);
    expect(displayWidth('a\u00ad')).toBe(1);
    expect([...graphemes('✔\ufe0f⏎')]).toEqual(['✔\ufe0f', '⏎']);
  });

  it('takes for plain only code units that are no mark, format, control, joiner or variation selector', () => {
    const joins =
      /[\p{M}\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Grapheme_Extend}\p{Join_Control}\p{Variation_Selector}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Cs}]/u;
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isPlainCodeUnit(c) && joins.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe('wrap', () => {
  it('wraps at word boundaries to the width', () => {
    expect(wrap('the quick brown fox jumps over the lazy dog', 15)).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog']);
  });

  it('keeps a hanging indent and breaks words longer than a line', () => {
    expect(wrap('aaa bbbbbbbbbbbb', 8, '- ', '  ')).toEqual(['- aaa', '  bbbbbb', '  bbbbbb']);
  });

  it('counts wide characters as two columns', () => {
    expect(wrap('日本語 日本語 日本語', 13)).toEqual(['日本語 日本語', '日本語']);
  });

  it('does not count colour escapes, and styles each line on its own', async () => {
    const c = await palette(1);
    const lines = wrapPieces([{ text: 'run ' }, { text: 'kubectl get pods', style: c.code }, { text: ' now' }], 12);
    expect(lines.map(stripAnsi)).toEqual(['run kubectl', 'get pods now']);
    for (const line of lines) expect(line.split('\u001b[36m').length).toBe(line.split('\u001b[39m').length);
  });

  it('lays out unstyled ASCII (its quick path) exactly as the same text in a style that changes nothing', () => {
    // A style, even one that returns its text, takes the general path: the two must agree byte for byte.
    const same = (text: string) => text;
    const text = fc.stringMatching(/^[ -~]{0,24}$/);
    const prefix = fc.constantFrom('', '- ', '  ', '  1) ', '• ');
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), fc.integer({ min: 1, max: 30 }), prefix, prefix, (texts, width, first, rest) => {
        const plain = texts.map((t) => ({ text: t }));
        const styled = texts.map((t) => ({ text: t, style: same }));
        expect(wrapPieces(plain, width, first, rest)).toEqual(wrapPieces(styled, width, first, rest));
      }),
      { numRuns: 2000 },
    );
  });

  it('never makes a line wider than the width, and keeps every word', () => {
    const word = fc.stringMatching(/^[a-z日本]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 4, max: 40 }), (words, width) => {
        const lines = wrap(words.join(' '), width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(words.join(''));
      }),
    );
  });
});

describe('graphemes', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const reference = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

  it('splits text as Intl.Segmenter does, also where it skips the Segmenter', () => {
    // Any code point, and many from the ranges where graphemes join: marks,
    // joiners, emoji and their modifiers, flags, Hangul, Indic and Arabic.
    const joining = fc.constantFrom(
      0x301,
      0x200d,
      0xfe0f,
      0x1f3fd,
      0x1f1e9,
      0x1f1ea,
      0x1100,
      0x1161,
      0x11a8,
      0xac00,
      0x915,
      0x94d,
      0x937,
      0x600,
      0x661,
      0xe33,
      0xff9e,
      0xe0061,
      0x0d,
      0x0a,
    );
    const codePoint = fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }),
      fc.integer({ min: 0x20, max: 0x7e }),
      joining,
      fc.integer({ min: 0x1f300, max: 0x1faff }),
    );
    const text = fc
      .array(codePoint, { maxLength: 12 })
      .map((cps) => cps.map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? 'x' : String.fromCodePoint(cp))).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(Array.from(graphemes(t))).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps each code point whole in text without joining characters', () => {
    expect(Array.from(graphemes('↑↓ ⏎ • ✔ — “Pod” 日本'))).toEqual(Array.from('↑↓ ⏎ • ✔ — “Pod” 日本'));
    expect(Array.from(graphemes('👩‍💻 🇩🇪 e\u0301'))).toEqual(['👩‍💻', ' ', '🇩🇪', ' ', 'e\u0301']);
  });
});

describe('truncateToWidth', () => {
  it('keeps text that fits, cuts what does not with an ellipsis, counting wide characters as two', () => {
    expect(truncateToWidth('Services', 8)).toBe('Services');
    expect(truncateToWidth('Deployments', 8)).toBe('Deploym…');
    expect(truncateToWidth('日本語の説明', 7)).toBe('日本語…');
  });

  it('never exceeds the width', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 40 }), (text, width) => {
        expect(displayWidth(truncateToWidth(text, width))).toBeLessThanOrEqual(width);
      }),
    );
  });
});
