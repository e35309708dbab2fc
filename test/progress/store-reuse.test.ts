/**
 * A save reuses the progress it wrote last, instead of parsing the whole
 * file again, only while the file holds exactly what it wrote, and encodes
 * again only the lessons its change touched: these are the ways that could
 * lose or invent a step if it were wrong.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StepOutcome } from '../../src/lesson/outcome.js';
import { applyOutcome, applyReview } from '../../src/progress/records.js';
import { loadScheduler } from '../../src/progress/schedule.js';
import { ProgressStore } from '../../src/progress/store.js';
import { fcOptions } from '../helpers/fuzz.js';
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

  it("keeps another kube-learn's change to a lesson this one saved earlier, and its removal of one", async () => {
    const other = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
    await store.record('day2', seen('mine'));
    await store.record('day4', seen('mine-1'));
    await other.record('day2', seen('theirs'));
    await store.record('day4', seen('mine-2'));
    expect(await stepIds('day2')).toEqual(['mine', 'theirs']);
    expect(await stepIds('day4')).toEqual(['mine-1', 'mine-2']);
    await other.reset('day2');
    await store.record('day4', seen('mine-3'));
    expect((await store.load()).progress.lessons.has('day2')).toBe(false);
    expect(await stepIds('day4')).toEqual(['mine-1', 'mine-2', 'mine-3']);
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

  it('writes, whatever the saves and whoever made them, the file a store reading it afresh at every save writes', async () => {
    const scheduler = await loadScheduler();
    const clock = () => new Date('2026-12-02T04:00:00.000Z');
    const lessonId = fc.constantFrom('day1', 'day4', '10', '2', '__proto__');
    const stepId = fc.constantFrom('intro', 'q1', 'q2', 'constructor');
    const outcome: fc.Arbitrary<StepOutcome> = fc.oneof(
      stepId.map(seen),
      fc.tuple(stepId, fc.constantFrom('A Pod', 'a VM'), fc.boolean()).map(([s, a, first]) => answered(s, a, first)),
    );
    type Save = (s: ProgressStore) => Promise<unknown>;
    const save: fc.Arbitrary<Save> = fc.oneof(
      fc.tuple(lessonId, outcome, fc.boolean()).map(
        ([l, o, cards]): Save =>
          (s) =>
            s.record(l, o, 1000, cards ? scheduler : undefined),
      ),
      fc.tuple(lessonId, stepId).map(
        ([l, st]): Save =>
          (s) =>
            s.saveDraft(l, st, 'kind: Pod\n'),
      ),
      fc.tuple(lessonId, stepId).map(
        ([l, st]): Save =>
          (s) =>
            s.saveTries(l, st, { attempts: 1, picks: ['a VM'] }),
      ),
      lessonId.map(
        (l): Save =>
          (s) =>
            s.finish(l),
      ),
      lessonId.map(
        (l): Save =>
          (s) =>
            s.reset(l),
      ),
      // A review, as the review session saves one, and a change that does not say what it touched.
      fc.tuple(lessonId, stepId).map(
        ([l, st]): Save =>
          (s) =>
            s.update((p) => applyReview(p, l, st, scheduler.first('choice', 'good', clock())) && new Set([l])),
      ),
      lessonId.map(
        (l): Save =>
          (s) =>
            s.update((p) => p.lessons.delete(l)),
      ),
    );
    // The first file: none, one of an earlier format (questions without cards; cards, laid out whole), or the current one.
    const start = fc.constantFrom(undefined, 'v2.json', 'v3.json', 'v4.json');
    const fixtures = join(import.meta.dirname, '..', 'fixtures', 'progress');
    const contents = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(start, fc.array(fc.tuple(fc.nat(2), save), { minLength: 1, maxLength: 10 }), async (first, saves) => {
        const dir = join(state.dir, `run-${run++}`);
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const [kept, fresh] = ['progress.json', 'fresh.json'].map((name) => join(dir, name)) as [string, string];
        if (first) for (const path of [kept, fresh]) copyFileSync(join(fixtures, first), path);
        // Three kube-learns taking turns at one file, each keeping what it wrote last.
        const sessions = [0, 1, 2].map(() => new ProgressStore(kept, { now: clock }));
        for (const [who, change] of saves) {
          await change(sessions[who]!);
          await change(new ProgressStore(fresh, { now: clock }));
          expect(contents(kept)).toBe(contents(fresh));
        }
      }),
      fcOptions({ numRuns: 40 }),
    );
  });
});
