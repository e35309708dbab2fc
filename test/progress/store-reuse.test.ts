/**
 * A save reuses the progress it wrote last, instead of parsing the whole
 * file again, only while the file holds exactly what it wrote: these are the
 * ways that could lose or invent a step if it were wrong.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyOutcome } from '../../src/progress/records.js';
import { ProgressStore } from '../../src/progress/store.js';
import { tempStateHome } from '../helpers/state.js';
import { answered, seen } from './helpers/outcomes.js';

let state: ReturnType<typeof tempStateHome>;
let store: ProgressStore;

beforeEach(() => {
  state = tempStateHome();
  store = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
});
afterEach(() => state.cleanup());

const stepIds = async (lesson = 'day4') => [...((await store.load()).progress.lessons.get(lesson)?.steps.keys() ?? [])].sort();

describe('a save after this store saved', () => {
  it('reads again a file another kube-learn saved meanwhile: no step is lost', async () => {
    const other = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
    await store.record('day4', seen('mine-1'));
    await other.record('day4', seen('theirs'));
    await store.record('day4', seen('mine-2'));
    expect(await stepIds()).toEqual(['mine-1', 'mine-2', 'theirs']);
  });

  it('reads again a file changed in place, even with its size and times kept', async () => {
    await store.record('day4', answered('q1', 'A Pod'));
    const before = statSync(state.file);
    writeFileSync(state.file, readFileSync(state.file, 'utf8').replace('"A Pod"', '"B Pod"'));
    utimesSync(state.file, before.atime, before.mtime);
    await store.record('day4', seen('intro'));
    const q1 = (await store.load()).progress.lessons.get('day4')!.steps.get('q1')!;
    expect(q1.answer).toBe('B Pod');
  });

  it('keeps nothing of a change that failed', async () => {
    await store.record('day4', seen('intro'));
    const failing = store.update((p) => {
      applyOutcome(p, 'day4', seen('ghost'), new Date(), 0);
      throw new Error('the change failed half way');
    });
    await expect(failing).rejects.toThrow('half way');
    await store.record('day4', seen('next'));
    expect(await stepIds()).toEqual(['intro', 'next']);
  });

  it('writes byte for byte the file a store reading it afresh at every save writes', async () => {
    const clock = () => new Date('2026-12-02T03:00:00.000Z');
    const fresh = () => new ProgressStore(store.path.replace('progress.json', 'fresh.json'), { now: clock });
    const kept = new ProgressStore(store.path, { now: clock });
    kept.useLearner('0123456789abcdef');
    const saves: ((s: ProgressStore) => Promise<unknown>)[] = [
      (s) => s.record('day1', seen('intro')),
      (s) => s.saveTries('day1', 'q1', { attempts: 1, picks: ['wrong'] }),
      (s) => s.saveDraft('day1', 'm1', 'kind: Pod\n'),
      (s) => s.record('day1', answered('q1', ['a', 'b'], false)),
      (s) => s.record('__proto__', seen('1')),
      (s) => s.record('day2', seen('10')),
      (s) => s.record('day2', seen('2')),
      (s) => s.finish('day1'),
      (s) => s.reset('day2'),
      (s) => s.record('day1', seen('intro')),
    ];
    for (const save of saves) {
      await save(kept);
      const once = fresh();
      once.useLearner('0123456789abcdef');
      await save(once);
    }
    expect(readFileSync(store.path, 'utf8')).toBe(readFileSync(fresh().path, 'utf8'));
  });
});
