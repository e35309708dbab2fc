/**
 * Random hex for temp and lock file names. Safety comes from creating those
 * files exclusively (O_EXCL, O_NOFOLLOW), which refuses anything planted at
 * the name; randomness only keeps names from colliding. So Math.random will
 * do, and the first prompt doesn't wait ~2.4 ms for node:crypto to load.
 */
export function randomHex(bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++)
    out += Math.floor(Math.random() * 256)
      .toString(16)
      .padStart(2, '0');
  return out;
}
