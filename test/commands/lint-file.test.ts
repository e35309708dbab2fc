/**
 * lint's fast path changes nothing lint says: over every lesson file of the
 * repository (clean ones, which it takes, and broken ones, which it leaves
 * to the full load), what is linted with it equals what is linted without.
 * That is also what the lint cache stores of each file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/commands/lint-file.js';

const ROOT = join(import.meta.dirname, '..', '..');

const files = ['lessons', join('test', 'fixtures')]
  .flatMap((dir) => readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true }))
  .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
  .sort();

describe('lint with and without the fast path', () => {
  it('gives each file the same problems, id and next (with its position)', async () => {
    const texts: string[] = [];
    const fast = await lintFiles(files, (_, i, text) => {
      texts[i] = text;
    });
    const full = await lintFiles(files, undefined, { fast: false });
    expect(fast).toEqual(full);
    // Both kinds were there: files with problems and clean files with a next.
    expect(full.some((l) => l.problems.length > 0)).toBe(true);
    expect(full.some((l) => l.problems.length === 0 && l.next !== undefined)).toBe(true);
    expect(texts.filter((t) => t !== undefined).length).toBeGreaterThan(100);
  });
});
