// Both bounded readers, on the edges of their limit and on what is no file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularBytesSync, readRegularFile } from '../../src/text/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'kube-learn-read-'));
const LIMIT = 1000;

function fileOf(bytes: number): string {
  const path = join(dir, `f${bytes}`);
  writeFileSync(path, 'é'.repeat(bytes / 2));
  return path;
}

describe('reading a file no further than its limit', () => {
  for (const size of [0, 2, 998, 1000]) {
    it(`gives all of a ${size}-byte file, as text and as bytes with its size`, async () => {
      const path = fileOf(size);
      expect(await readRegularFile(path, LIMIT)).toEqual({ kind: 'text', text: 'é'.repeat(size / 2) });
      const read = readRegularBytesSync(path, LIMIT);
      expect(read.kind === 'bytes' && [read.bytes.length, read.size]).toEqual([size, size]);
    });
  }

  it('refuses a file one character past the limit, and a much larger one', async () => {
    for (const size of [1002, 100_000]) {
      expect(await readRegularFile(fileOf(size), LIMIT)).toEqual({ kind: 'too-large' });
      expect(readRegularBytesSync(fileOf(size), LIMIT)).toEqual({ kind: 'too-large' });
    }
  });

  it('names a folder as one', async () => {
    expect(await readRegularFile(dir, LIMIT)).toEqual({ kind: 'folder' });
    expect(readRegularBytesSync(dir, LIMIT)).toEqual({ kind: 'folder' });
  });

  it('refuses an endless device and a FIFO without reading or waiting', async () => {
    expect(await readRegularFile('/dev/zero', LIMIT)).toEqual({ kind: 'not-regular' });
    expect(readRegularBytesSync('/dev/zero', LIMIT)).toEqual({ kind: 'not-regular' });
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(await readRegularFile(fifo, LIMIT)).toEqual({ kind: 'not-regular' });
    expect(readRegularBytesSync(fifo, LIMIT)).toEqual({ kind: 'not-regular' });
  });

  it('throws what the open throws (a missing file)', async () => {
    const missing = join(dir, 'missing');
    expect(existsSync(missing)).toBe(false);
    await expect(readRegularFile(missing, LIMIT)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => readRegularBytesSync(missing, LIMIT)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
