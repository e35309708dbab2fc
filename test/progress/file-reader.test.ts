/**
 * The reader keeps one buffer between reads: each read must give exactly the
 * file as it is now, never bytes left from an earlier, longer file.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileReader, identityOf } from '../../src/progress/file-reader.js';
import { tempStateHome } from '../helpers/state.js';

let state: ReturnType<typeof tempStateHome>;
beforeEach(() => {
  state = tempStateHome();
  mkdirSync(state.dir, { mode: 0o700 });
});
afterEach(() => state.cleanup());

const textOf = (reader: FileReader) => {
  const read = reader.read();
  if (read.kind !== 'bytes') throw new Error(`expected bytes, got ${read.kind}`);
  return read.bytes.toString('utf8');
};

describe('the progress file reader', () => {
  it('gives each file read whole, whether it is longer or shorter than the one before', () => {
    const reader = new FileReader(state.file, 1 << 20);
    for (const text of ['{}', 'x'.repeat(70_000), 'short', '', `é${'y'.repeat(200_000)}`, '{"a":1}']) {
      writeFileSync(state.file, text);
      expect(textOf(reader)).toBe(text);
    }
  });

  it('says which file it read', () => {
    writeFileSync(state.file, 'one');
    const read = new FileReader(state.file, 100).read();
    expect(read).toMatchObject({ kind: 'bytes', identity: identityOf(statSync(state.file)) });
  });

  it('reports no file, and a file over the limit as corrupt without reading it', () => {
    const reader = new FileReader(state.file, 100);
    expect(reader.read()).toEqual({ kind: 'missing' });
    writeFileSync(state.file, 'z'.repeat(101));
    expect(reader.read()).toEqual({ kind: 'corrupt', reason: 'too large (101 bytes)' });
    writeFileSync(state.file, 'z'.repeat(100));
    expect(textOf(reader)).toBe('z'.repeat(100));
  });
});
