/**
 * The order a learner sees a question's options in: shuffled, so the right
 * one is not found by position, and seeded from the learner's id, the lesson
 * and the step, so it is the same on every run of the same learner (a resume
 * shows what the learner saw before). `pin: last` options stay last in their
 * written order; `shuffle: false` keeps the written order.
 */

export interface Orderable {
  id: string;
  choices: readonly { pin?: 'last' }[];
  shuffle?: boolean;
}

/**
 * The written indices in the order to show; the written order when there is
 * no seed (no learner). The step's id is mixed in here, not left to callers:
 * with one seed per lesson every question of the same length was shuffled the
 * same way, so a learner who found the right one at the third place could
 * answer "3" to every other.
 */
export function optionOrder(step: Orderable, seed: string | undefined): number[] {
  const written = step.choices.map((_, i) => i);
  if (seed === undefined || step.shuffle === false) return written;
  const free = written.filter((i) => step.choices[i]!.pin !== 'last');
  const pinned = written.filter((i) => step.choices[i]!.pin === 'last');
  const random = mulberry32(hash(`${seed}:${step.id}`));
  // Fisher-Yates.
  for (let i = free.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  return [...free, ...pinned];
}

/** FNV-1a, 32 bits: a seed from a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A small seeded PRNG: numbers in [0, 1), the same sequence for the same seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
