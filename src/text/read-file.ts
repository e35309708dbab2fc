/**
 * Reading a file a stranger named or placed: a lesson, a manifest. Opened
 * without blocking (a FIFO would wait for a writer forever), judged on the
 * opened descriptor (a stat before the open could see a file that is
 * swapped for a FIFO before the open), and read no further than one byte
 * past the limit (a huge or endless file can't exhaust memory).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

export type FileRead = { kind: 'text'; text: string } | { kind: 'folder' } | { kind: 'not-regular' } | { kind: 'too-large' };

/** The file's text, or why there is none. Errors of the open itself (ENOENT, EACCES) are thrown. */
export async function readRegularFile(path: string, limit: number): Promise<FileRead> {
  // O_NONBLOCK does not exist on Windows, where a named pipe is no file anyway.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { kind: 'folder' };
    if (!info.isFile()) return { kind: 'not-regular' };
    // The buffer starts at the size fstat gave (a lint of hundreds of files
    // would otherwise clear a megabyte for each) and grows if the file did.
    let buffer = Buffer.allocUnsafe(Math.min(info.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return length > limit ? { kind: 'too-large' } : { kind: 'text', text: buffer.toString('utf8', 0, length) };
  } finally {
    await handle.close();
  }
}

/**
 * A file's bytes, synchronously, with the size and modification time of the
 * file read; otherwise as readRegularFile. For the lesson cache's check of a
 * folder: a few hundred small files are read one at a time faster than
 * through the thread pool, and hashed without being decoded.
 */
export function readRegularBytesSync(
  path: string,
  limit: number,
): { kind: 'bytes'; bytes: Buffer; size: number; mtimeMs: number } | Exclude<FileRead, { kind: 'text' }> {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { kind: 'folder' };
    if (!info.isFile()) return { kind: 'not-regular' };
    let buffer = Buffer.allocUnsafe(Math.min(info.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(length * 2, limit + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limit) return { kind: 'too-large' };
    return { kind: 'bytes', bytes: buffer.subarray(0, length), size: info.size, mtimeMs: info.mtimeMs };
  } finally {
    closeSync(fd);
  }
}
