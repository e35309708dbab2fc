/**
 * The learner id seeds the order of options. It is stored with the first
 * save, not at start: a first start must not pay a locked, synced write
 * before its first prompt.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { tempStateHome } from '../helpers/state.js';
import { seen } from './helpers/outcomes.js';

let state: ReturnType<typeof tempStateHome>;
beforeEach(() => {
  state = tempStateHome();
});
afterEach(() => state.cleanup());

describe('the learner id', () => {
  it('is not written when it is chosen, and goes in with the first save', async () => {
    const store = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
    store.useLearner('00112233aabbccdd');
    expect(existsSync(store.path)).toBe(false);
    await store.record('day1', seen('intro'));
    expect((await store.load()).progress.learner).toBe('00112233aabbccdd');
  });

  it("is not replaced once stored: a second first run that saves later keeps the file's", async () => {
    const first = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
    const second = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
    first.useLearner('aaaaaaaaaaaaaaaa');
    second.useLearner('bbbbbbbbbbbbbbbb');
    await first.record('day1', seen('intro'));
    await second.record('day2', seen('intro'));
    const { progress } = await first.load();
    expect(progress.learner).toBe('aaaaaaaaaaaaaaaa');
    expect([...progress.lessons.keys()].sort()).toEqual(['day1', 'day2']);
  });
});
