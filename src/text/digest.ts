/**
 * A 64-bit digest of text or bytes, for the lesson cache: it tells a
 * changed lesson file, a torn line or a hand-edited entry from what was
 * written, which is all the cache asks of it (who may write the cache is
 * settled by its owner and mode, not by the digest). Not node:crypto:
 * loading it costs about 4.6 ms before the first prompt of a --lessons
 * start (the whole start is about 65 ms on the bench machine), more than
 * hashing a folder of 100 lessons here takes.
 *
 * MurmurHash3's 32-bit mixing, run as two lanes with different seeds over
 * the input's 32-bit words (in the machine's byte order: the cache never
 * leaves the machine), then its finaliser on each lane.
 */
export function digest(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const whole = bytes.length >>> 2;
  // A word view needs 4-byte alignment; a view into another buffer may lack
  // it, so its bytes are copied (a Buffer's slice() would be a view again).
  const words =
    bytes.byteOffset % 4 === 0
      ? new Uint32Array(bytes.buffer, bytes.byteOffset, whole)
      : new Uint32Array(new Uint8Array(bytes.subarray(0, whole * 4)).buffer, 0, whole);
  let a = 0x9747b28c;
  let b = 0x3c6ef372;
  for (let i = 0; i < whole; i++) {
    const k = scramble(words[i]!);
    a = step(a, k);
    b = step(b, k ^ 0x5bd1e995);
  }
  let tail = 0;
  for (let i = bytes.length - 1; i >= whole * 4; i--) tail = (tail << 8) | bytes[i]!;
  a ^= scramble(tail) ^ bytes.length;
  b ^= scramble(tail ^ 0x5bd1e995) ^ bytes.length;
  return hex32(finish(a)) + hex32(finish(b));
}

function scramble(k: number): number {
  const m = Math.imul(k, 0xcc9e2d51);
  return Math.imul((m << 15) | (m >>> 17), 0x1b873593);
}

function step(h: number, k: number): number {
  const x = h ^ k;
  return (Math.imul((x << 13) | (x >>> 19), 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
