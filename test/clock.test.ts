import { describe, expect, it } from 'vitest';
import { now, setTime } from '../src/clock.js';
import { UsageError } from '../src/errors.js';

describe('the clock', () => {
  it('takes KUBE_LEARN_NOW as the time when it is set', () => {
    expect(now({ KUBE_LEARN_NOW: '2026-12-03T09:00:00Z' }).toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(now({ KUBE_LEARN_NOW: '2026-12-03T10:30:15.250+01:00' }).toISOString()).toBe('2026-12-03T09:30:15.250Z');
    expect(now({ KUBE_LEARN_NOW: '2026-12-03' }).toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('is the system clock without it', () => {
    expect(setTime({})).toBeUndefined();
    expect(setTime({ KUBE_LEARN_NOW: '' })).toBeUndefined();
    expect(Number.isNaN(now({}).getTime())).toBe(false);
  });

  it('refuses what is not an ISO 8601 time, as a usage error naming the variable', () => {
    for (const bad of ['tomorrow', '1733200000', 'Dec 3 2026', '2026-13-45T00:00:00Z', '2026-12-03T09:00:00Z junk']) {
      expect(() => now({ KUBE_LEARN_NOW: bad }), bad).toThrow(UsageError);
    }
    expect(() => now({ KUBE_LEARN_NOW: 'tomorrow' })).toThrow(
      'KUBE_LEARN_NOW is "tomorrow", not an ISO 8601 time such as 2026-12-03T09:00:00Z',
    );
  });
});
