/**
 * flowTooDeep jumps from mark to mark through the text; it must find what a
 * walk over every character finds (the first bracket past the limit outside
 * quotes and comments), on texts made of the characters it cares about.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowTooDeep } from '../../src/lesson/yaml-source.js';
import { fcOptions } from '../helpers/fuzz.js';

/** The walk over every character that flowTooDeep was first written as. */
function reference(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      for (i++; i < text.length && text[i] !== ch; i++) if (ch === '"' && text[i] === '\\') i++;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '[' || ch === '{') {
      if (++depth > limit) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

const piece = fc.constantFrom('[', ']', '{', '}', '"', "'", '\\', '#', ' ', '\n', '\u00a0', 'a', '- ', ': ', '\\"', '[[[', ']]]');

describe('flowTooDeep', () => {
  it('finds what a walk over every character finds (fast-check; a failure prints its seed)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 0, max: 6 }), (pieces, limit) => {
        const text = pieces.join('');
        expect(flowTooDeep(text, limit)).toBe(reference(text, limit));
      }),
      fcOptions({ numRuns: 3000 }),
    );
  });

  it('ends inside a quote or comment that never closes, and at a final backslash', () => {
    for (const text of ['"[[[', "'[[[", '# [[[', 'a: "x\\', '[[ "\\', '[[[#\n[']) expect(flowTooDeep(text, 2)).toBe(reference(text, 2));
    expect(flowTooDeep('[[[', 2)).toBe(2);
  });
});
