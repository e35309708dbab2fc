/**
 * Reading plain-mode answers: one line each. Anything that is not an answer
 * gets a one-line message saying what would be, and is never an attempt.
 */
import { neutralize } from '../text/sanitize.js';
import { normalizeText } from '../text/normalize.js';
import { KEYS } from './actions.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Learner input quoted back in a message: short, one line, and unable to
 * drive the terminal (JSON escapes C0 controls but not DEL, C1 controls such
 * as U+009B, or bidi overrides).
 */
function quote(text: string): string {
  const t = text.trim();
  return neutralize(JSON.stringify(t.length > 30 ? `${t.slice(0, 29)}…` : t));
}

function byText(line: string, options: readonly string[]): number {
  const wanted = normalizeText(line);
  return options.findIndex((o) => normalizeText(o) === wanted);
}

export function parseChoice(line: string, options: readonly string[]): Parsed<number> {
  const t = line.trim();
  const range = `a number from 1 to ${options.length}`;
  if (t === '') return { ok: false, message: `Answer with ${range} (${KEYS}).` };
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    if (n >= 1 && n <= options.length) return { ok: true, value: n - 1 };
    return { ok: false, message: `There is no option ${t}: answer with ${range}.` };
  }
  const i = byText(t, options);
  if (i >= 0) return { ok: true, value: i };
  return { ok: false, message: `${quote(t)} is not one of the options: answer with ${range} (${KEYS}).` };
}

export function parseChoices(line: string, options: readonly string[]): Parsed<number[]> {
  const t = line.trim();
  const range = `numbers from 1 to ${options.length}, separated by commas or spaces`;
  if (t === '') return { ok: false, message: `Answer with one or more ${range} (${KEYS}).` };
  const whole = byText(t, options);
  if (whole >= 0) return { ok: true, value: [whole] };
  const chosen: number[] = [];
  for (const token of t.split(/[\s,]+/).filter(Boolean)) {
    if (!/^\d+$/.test(token)) return { ok: false, message: `${quote(token)} is not a number: answer with ${range}.` };
    const n = Number(token);
    if (n < 1 || n > options.length) return { ok: false, message: `There is no option ${token}: answer with ${range}.` };
    if (!chosen.includes(n - 1)) chosen.push(n - 1);
  }
  if (chosen.length === 0) return { ok: false, message: `Answer with one or more ${range} (${KEYS}).` };
  return { ok: true, value: chosen };
}

export function parseText(line: string): Parsed<string> {
  const t = line.trim();
  return t === '' ? { ok: false, message: `Type your answer (${KEYS}).` } : { ok: true, value: t };
}

export function parseYesNo(line: string, defaultYes: boolean): Parsed<boolean> {
  const t = line.trim().toLowerCase();
  if (t === '') return { ok: true, value: defaultYes };
  if (t === 'y' || t === 'yes') return { ok: true, value: true };
  if (t === 'n' || t === 'no') return { ok: true, value: false };
  return { ok: false, message: 'Answer y or n.' };
}
