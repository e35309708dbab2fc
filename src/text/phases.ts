/**
 * Where a command's time goes, for the bench: with KUBE_LEARN_PHASES=1,
 * `phase()` adds up the milliseconds each named part took and
 * `phaseReport()` lists them (lint prints them to stderr). Otherwise it is a
 * plain call. The totals live on globalThis because this module is bundled
 * into several files of dist/ (main.cjs, the lesson loader, the checker),
 * each with its own copy.
 */
const on = typeof process !== 'undefined' && process.env.KUBE_LEARN_PHASES === '1';
const KEY = Symbol.for('kube-learn.phases');

function totals(): Map<string, number> {
  const global = globalThis as { [KEY]?: Map<string, number> };
  global[KEY] ??= new Map();
  return global[KEY];
}

export function phase<T>(name: string, work: () => T): T {
  if (!on) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    const all = totals();
    all.set(name, (all.get(name) ?? 0) + performance.now() - start);
  }
}

/** Adds time measured elsewhere (such as the wait for a read). */
export function addPhase(name: string, ms: number): void {
  if (!on) return;
  const all = totals();
  all.set(name, (all.get(name) ?? 0) + ms);
}

/** One line per phase, `phase NAME MS ms`; empty when phases are off. */
export function phaseReport(): string {
  if (!on) return '';
  return [...totals()].map(([name, ms]) => `phase ${name} ${ms.toFixed(1)} ms\n`).join('');
}
