import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settleRecorder } from '../../src/progress/recorder.js';
import { loadScheduler } from '../../src/progress/schedule.js';
import { ProgressStore } from '../../src/progress/store.js';
import { tempStateHome } from '../helpers/state.js';
import { answered, seen } from './helpers/outcomes.js';

let state: ReturnType<typeof tempStateHome>;
beforeEach(() => (state = tempStateHome()));
afterEach(() => state.cleanup());

describe('the settle recorder', () => {
  it('saves each settled step at once, with the time since the last one, capped', async () => {
    const store = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
    let t = 1_000_000;
    const onSettled = settleRecorder(store, 'day4', { clock: () => t, idleCapMs: 60_000 });
    t += 5_000;
    await onSettled(seen('intro'));
    expect(JSON.parse(readFileSync(state.file, 'utf8')).lessons.day4.steps.intro.spentMs).toBe(5_000);
    t += 3_600_000;
    await onSettled(answered('q1', 'A Pod'));
    const steps = (await store.load()).progress.lessons.get('day4')!.steps;
    expect(steps.get('q1')!.spentMs).toBe(60_000);
  });

  it('saves a question with its review card, rated by how it went; an explanation needs no scheduler', async () => {
    const at = new Date('2026-12-02T09:00:00Z');
    const store = new ProgressStore(state.file, { now: () => at });
    const real = await loadScheduler();
    let asked = 0;
    const scheduler = async () => {
      asked++;
      return real;
    };
    const onSettled = settleRecorder(store, 'day4', { scheduler });
    await onSettled(seen('intro'));
    expect(asked).toBe(0);
    await onSettled(answered('q1', 'A VM', false));
    expect(asked).toBe(1);
    const record = (await store.load()).progress.lessons.get('day4')!;
    expect([...record.cards.keys()]).toEqual(['q1']);
    expect(record.cards.get('q1')).toEqual(real.first('choice', 'again', at));
  });

  it('passes on a notice from the store in one line', async () => {
    const store = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
    const notices: string[] = [];
    const onSettled = settleRecorder(store, 'day4', { onNotice: (l) => notices.push(l) });
    await onSettled(seen('intro'));
    (await import('node:fs')).writeFileSync(state.file, 'torn by someone else');
    await onSettled(seen('next'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/could not be read \(not JSON .*moved it to .*started fresh$/);
  });
});
