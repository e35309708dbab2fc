/**
 * The one clock of the learner's calendar: when a step settled, when a
 * review card falls due. `KUBE_LEARN_NOW=<ISO 8601 time>` makes kube-learn
 * act as if it were that time, so tests (and an instructor trying out a
 * schedule) can move time without waiting for it. Elapsed time (time spent
 * on a step, lock ages) is not calendar time and keeps the real clock.
 */
import { UsageError } from './errors.js';

/** A date, a date and time with optional seconds and fraction, and an optional offset: what ISO 8601 writes and Date.parse reads alike. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** The time given in `KUBE_LEARN_NOW`, or undefined when it is not set; a usage error (exit 2) when it is not an ISO 8601 time. */
export function setTime(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const given = env.KUBE_LEARN_NOW;
  if (given === undefined || given === '') return undefined;
  const trimmed = given.trim();
  const ms = ISO_8601.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(ms)) {
    const shown = JSON.stringify(given.length > 40 ? `${given.slice(0, 40)}...` : given);
    throw new UsageError(`KUBE_LEARN_NOW is ${shown}, not an ISO 8601 time such as 2026-12-03T09:00:00Z`);
  }
  return new Date(ms);
}

/** Now: the time in `KUBE_LEARN_NOW` when it is set, else the system clock. */
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  return setTime(env) ?? new Date();
}
