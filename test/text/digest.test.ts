// The lesson cache's digest: the same for the same bytes, different for
// nearly every change a file or a cached line could go through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digest } from '../../src/text/digest.js';
import { fcOptions } from '../helpers/fuzz.js';

describe('digest', () => {
  it('is 16 hex digits, the same for a string and its UTF-8 bytes, every time', () => {
    const text = 'id: day4\ntitle: Créer un Pod ✔\n';
    expect(digest(text)).toMatch(/^[0-9a-f]{16}$/);
    expect(digest(text)).toBe(digest(Buffer.from(text)));
    expect(digest('')).toBe(digest(new Uint8Array()));
  });

  it('is the same for bytes wherever they sit in memory (a Buffer at an odd offset of another)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
    const big = Buffer.alloc(text.length + 3);
    for (const offset of [0, 1, 2, 3]) {
      big.fill(offset + 7);
      big.write(text, offset);
      expect(digest(big.subarray(offset, offset + text.length))).toBe(digest(text));
    }
  });

  it('changes when one byte changes, anywhere, or when a byte is added or dropped', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, flip) => {
        const i = at % bytes.length;
        const changed = Uint8Array.from(bytes);
        changed[i] = changed[i]! ^ flip;
        expect(digest(changed)).not.toBe(digest(bytes));
        expect(digest(bytes.subarray(1))).not.toBe(digest(bytes));
        expect(digest(Buffer.concat([bytes, Buffer.from([0])]))).not.toBe(digest(bytes));
      }),
      fcOptions({ numRuns: 500 }),
    );
  });

  it('spreads 20,000 similar lines over distinct digests, each half on its own', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"id":"pack-${i}","title":"Lesson ${i}"}`);
    const all = lines.map(digest);
    expect(new Set(all).size).toBe(lines.length);
    expect(new Set(all.map((d) => d.slice(0, 8))).size).toBe(lines.length);
    expect(new Set(all.map((d) => d.slice(8))).size).toBe(lines.length);
  });
});
