/**
 * Reading a file a stranger named or placed: a lesson, a manifest. Opened
 * without blocking (a FIFO would wait for a writer forever), judged on the
 * opened descriptor (a stat before the open could see a file that is
 * swapped for a FIFO before the open), and read no further than one byte
 * past the limit (a huge or endless file can't exhaust memory).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Where a file's bytes are read into: it starts at the size fstat gave (a
 * lint of hundreds of files would otherwise clear a megabyte for each) and
 * grows if the file did, to one byte past the limit and no further.
 */
class BoundedBuffer {
  private buffer: Buffer;
  /** The bytes read so far. */
  length = 0;

  constructor(
    size: number,
    private readonly limit: number,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
  }

  /** Where the next read goes; none once more than the limit is in. */
  room(): { buffer: Buffer; offset: number; length: number } | undefined {
    if (this.length === this.buffer.length) {
      if (this.tooLarge) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(this.length * 2, this.limit + 1));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    return { buffer: this.buffer, offset: this.length, length: this.buffer.length - this.length };
  }

  get tooLarge(): boolean {
    return this.length > this.limit;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

export type FileRead = { kind: 'text'; text: string } | { kind: 'folder' } | { kind: 'not-regular' } | { kind: 'too-large' };

/** The file's text, or why there is none. Errors of the open itself (ENOENT, EACCES) are thrown. */
export async function readRegularFile(path: string, limit: number): Promise<FileRead> {
  // Loaded here, not with the module: node:fs/promises (and the readline it
  // pulls in) costs ~2 ms, which a --lessons start's synchronous reads skip.
  const { open } = await import('node:fs/promises');
  // O_NONBLOCK does not exist on Windows, where a named pipe is no file anyway.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return { kind: 'folder' };
    if (!info.isFile()) return { kind: 'not-regular' };
    const into = new BoundedBuffer(info.size, limit);
    for (let room = into.room(); room; room = into.room()) {
      const { bytesRead } = await handle.read(room.buffer, room.offset, room.length, null);
      if (bytesRead === 0) break;
      into.length += bytesRead;
    }
    return into.tooLarge ? { kind: 'too-large' } : { kind: 'text', text: into.bytes().toString('utf8') };
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
    const into = new BoundedBuffer(info.size, limit);
    for (let room = into.room(); room; room = into.room()) {
      const read = readSync(fd, room.buffer, room.offset, room.length, null);
      if (read === 0) break;
      into.length += read;
    }
    if (into.tooLarge) return { kind: 'too-large' };
    return { kind: 'bytes', bytes: into.bytes(), size: info.size, mtimeMs: info.mtimeMs };
  } finally {
    closeSync(fd);
  }
}
