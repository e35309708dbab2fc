/**
 * Reading the progress file's bytes, unparsed, whatever is at its path.
 *
 * Every save reads the whole file, to check it still holds what this store
 * wrote; the bytes go into a buffer kept between reads, because a new one
 * for each read (allocated, paged in, collected) costs more than the read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export type RawFile = { kind: 'missing' } | { kind: 'bytes'; bytes: Buffer; identity: string } | { kind: 'corrupt'; reason: string };

/** Which file this is: every save renames a new one into place, so any save changes it. */
export const identityOf = (st: Stats) => `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;

export class FileReader {
  private buffer = Buffer.allocUnsafeSlow(0);

  constructor(
    readonly path: string,
    /** Bigger than any file this reader's owner writes by far; a larger one is reported corrupt, unread. */
    private readonly maxBytes: number,
  ) {}

  /** The bytes are valid until the next read. */
  read(): RawFile {
    let fd: number;
    try {
      // Non-blocking, so a pipe planted in its place cannot hang us before fstat says what it is.
      fd = openSync(this.path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // No file, or no folder at all (a file in its place is reported when saving).
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
      throw err;
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) throw Object.assign(new Error(`${this.path} is a folder`), { code: 'EISDIR' });
      if (!st.isFile()) return { kind: 'corrupt', reason: 'not a regular file' };
      if (st.size > this.maxBytes) return { kind: 'corrupt', reason: `too large (${st.size} bytes)` };
      const length = this.readAll(fd, st.size);
      if (length > this.maxBytes) return { kind: 'corrupt', reason: `too large (over ${this.maxBytes} bytes)` };
      return { kind: 'bytes', bytes: this.buffer.subarray(0, length), identity: identityOf(st) };
    } finally {
      closeSync(fd);
    }
  }

  /** Reads to the end of the file, which may have grown since fstat (someone writing it in place). */
  private readAll(fd: number, size: number): number {
    // One byte more than the size, so that the end of the file shows without a second buffer.
    if (this.buffer.length < size + 1) this.buffer = Buffer.allocUnsafeSlow(size + 1);
    let length = 0;
    for (;;) {
      if (length === this.buffer.length) {
        if (length > this.maxBytes) return length;
        const bigger = Buffer.allocUnsafeSlow(2 * length);
        this.buffer.copy(bigger, 0, 0, length);
        this.buffer = bigger;
      }
      const n = readSync(fd, this.buffer, length, this.buffer.length - length, null);
      if (n === 0) return length;
      length += n;
    }
  }
}
