// needsNeutralizing lets a caller skip neutralize: it must say yes for every text neutralize would change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsNeutralizing, neutralize } from '../../src/text/sanitize.js';
import { fcOptions } from '../helpers/fuzz.js';

describe('needsNeutralizing', () => {
  it('is true for every text neutralize changes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        if (neutralize(text) !== text) expect(needsNeutralizing(text)).toBe(true);
      }),
      fcOptions({ numRuns: 2000 }),
    );
  });

  it('is true for an escape, a CR, a line separator and a bidi override; false for plain text with tabs and newlines', () => {
    for (const text of ['a\u001b[2Jb', 'a\r\nb', 'a\u2028b', 'a\u202eb', '\u0085']) expect(needsNeutralizing(text)).toBe(true);
    expect(needsNeutralizing('kubectl get pods\n\tdone é ✓')).toBe(false);
  });
});
