/**
 * What the property tests share: bounded runs that a failure's seed replays,
 * and small edits of a valid text (the mistakes people and fuzzers make).
 */
import fc from 'fast-check';

/** Bounded runs; FC_SEED and FC_PATH (from a failure's report) replay that failure. */
export function fcOptions<T>(opts: fc.Parameters<T>): fc.Parameters<T> {
  const seed = process.env.FC_SEED;
  return seed ? { ...opts, seed: Number(seed), path: process.env.FC_PATH } : opts;
}

export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'copyLine'; a: number; b: number }
  | { kind: 'indent'; line: number; by: number };

export interface MutationOptions {
  /** The longest deletion. */
  maxDelete: number;
  /** What an insertion inserts. */
  insert: fc.Arbitrary<string>;
  /** Also copy a line elsewhere and change a line's indentation. */
  lineEdits?: boolean;
}

export function mutations(opts: MutationOptions): fc.Arbitrary<Mutation> {
  const edits: fc.Arbitrary<Mutation>[] = [
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: opts.maxDelete }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: opts.insert }),
    fc.record({ kind: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  ];
  if (opts.lineEdits) {
    edits.push(
      fc.record({ kind: fc.constant('copyLine' as const), a: fc.nat(), b: fc.nat() }),
      fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
    );
  }
  return fc.oneof(...edits);
}

/** `m` applied to `text`; positions wrap around, so any mutation applies to any text. */
export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number) => n % (text.length + 1);
  if (m.kind === 'delete') return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
  if (m.kind === 'insert') return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  if (m.kind === 'swapLines') [lines[line(m.a)], lines[line(m.b)]] = [lines[line(m.b)]!, lines[line(m.a)]!];
  else if (m.kind === 'copyLine') lines.splice(line(m.b), 0, lines[line(m.a)]!);
  else {
    const i = line(m.line);
    lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
  }
  return lines.join('\n');
}

/**
 * A differential property over mutants of `base` (one to three mutations
 * each): `check` asserts whatever must hold of a mutant and says whether the
 * path under test took it. Returns how many it took, for the caller to show
 * the property was not vacuous.
 */
export function mutantsTaken(base: string, mutation: fc.Arbitrary<Mutation>, check: (text: string) => boolean, numRuns: number): number {
  let taken = 0;
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
      if (check(ms.reduce(applyMutation, base))) taken++;
    }),
    fcOptions({ numRuns }),
  );
  return taken;
}
