/**
 * The lesson Markdown scanners against the regular expressions they replace:
 * the same results on random text, and a cost that grows with the text, not
 * with its square (a stranger's lesson body must not freeze the tutor).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulletItem, codeSpans, headingText } from '../../src/text/markdown-scan.js';
import { renderMarkdown, type MarkdownStyle } from '../../src/text/markdown.js';
import { growth } from '../helpers/growth.js';

const OLD_CODE = /(`+)([^`]|[^`].*?[^`])\1(?!`)/g;
const OLD_HEADING = /^ {0,3}#{1,6} +(.*?)(?: +#+)? *$/;
const OLD_BULLET = /^(\s*)[-*+] +(.*)$/;

const textOf = (alphabet: string[], maxLength = 24) => fc.array(fc.constantFrom(...alphabet), { maxLength }).map((a) => a.join(''));

describe('the Markdown scanners', () => {
  it('find the code spans the expression found', () => {
    fc.assert(
      fc.property(textOf(['`', '`', 'a', ' ', '\n', '\u2028', '\r']), (text) => {
        const expected = [...text.matchAll(OLD_CODE)].map((m) => ({
          index: m.index,
          fence: m[1],
          content: m[2],
          end: m.index + m[0].length,
        }));
        expect(codeSpans(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('read headings as the expression did', () => {
    fc.assert(
      fc.property(textOf([' ', ' ', '#', '#', 'a', '\u2028', '\u2029', '\r', '\n', '\t']), (line) => {
        expect(headingText(line)).toBe(OLD_HEADING.exec(line)?.[1]);
      }),
      { numRuns: 3000 },
    );
  });

  it('read bullets as the expression did', () => {
    fc.assert(
      fc.property(textOf([' ', ' ', '-', '*', 'a', '\u2028', '\u2029', '\r', '\n', '\t', '\u00a0']), (line) => {
        const m = OLD_BULLET.exec(line);
        expect(bulletItem(line)).toEqual(m ? { indent: m[1], text: m[2] } : undefined);
      }),
      { numRuns: 3000 },
    );
  });
});

const same = (text: string) => text;
const noStyle: MarkdownStyle = { enabled: false, code: same, bold: same };
const render = (markdown: string) => renderMarkdown(markdown, { width: 80, colors: noStyle });

/** Ever longer runs of backticks, each closed by nothing: the worst case of the old code-span expression. */
function backtickRuns(size: number): string {
  let body = '';
  for (let k = 1; body.length < size; k++) body += `${'`'.repeat(k)}a`;
  return body;
}

describe('rendering a hostile lesson body', () => {
  // Before: 20 KB of backtick runs took 1.5 s, 80 KB 22 s; a heading with
  // 20,000 trailing spaces 3.2 s; a bullet with 20,000 spaces before a
  // U+2028 1.8 s.
  it('takes time that grows linearly with runs of backticks', () => {
    expect(growth(render, backtickRuns, 40_000)).toBeLessThan(3);
  });

  it('takes time that grows linearly with spaces after a heading', () => {
    expect(growth(render, (n) => `# a${' '.repeat(n)}`, 40_000)).toBeLessThan(3);
  });

  it('takes time that grows linearly with spaces in a bullet that never ends its line', () => {
    expect(growth(render, (n) => `-${' '.repeat(n)}\u2028x`, 40_000)).toBeLessThan(3);
  });

  it('takes time that grows linearly with the lines of a code block opened by a long fence', () => {
    expect(growth(render, (n) => `${'`'.repeat(n / 4)}\n${'a\n'.repeat(n / 2)}`, 40_000)).toBeLessThan(3);
  });
});
