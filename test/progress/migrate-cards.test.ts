/**
 * A learner's file from each earlier format, through the real store: the
 * first save with the scheduler at hand (a lesson's first settled step)
 * writes format 3 with a card for every question settled before, keeps a
 * copy of the old file, and loses no step. The clock is set, never read.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lessonDue, ratingOf } from '../../src/progress/cards.js';
import { decode } from '../../src/progress/format.js';
import { loadScheduler } from '../../src/progress/schedule.js';
import { ProgressStore } from '../../src/progress/store.js';
import { FORMAT_VERSION } from '../../src/progress/types.js';
import { tempStateHome } from '../helpers/state.js';
import { answered } from './helpers/outcomes.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'progress');
const NOW = new Date('2025-03-10T12:00:00Z');

let state: ReturnType<typeof tempStateHome>;

beforeEach(() => {
  state = tempStateHome();
  mkdirSync(state.dir, { recursive: true, mode: 0o700 });
});

afterEach(() => state.cleanup());

describe.each([1, 2])('a format %i file', (version) => {
  it('gains a card for each settled question at the first save, rated by how it went, and keeps its old copy', async () => {
    copyFileSync(join(fixtures, `v${version}.json`), state.file);
    const old = decode(readFileSync(state.file, 'utf8'));
    if (old.kind !== 'ok') throw new Error(`v${version}.json does not load`);
    const store = new ProgressStore(state.file, { now: () => NOW });
    const scheduler = await loadScheduler();
    await store.record('day6', answered('svc-selector', 'app: nginx'), 1000, scheduler);

    const text = readFileSync(state.file, 'utf8');
    expect(JSON.parse(text).version).toBe(FORMAT_VERSION);
    expect(readFileSync(`${state.file}.v${version}.bak`, 'utf8')).toBe(readFileSync(join(fixtures, `v${version}.json`), 'utf8'));
    const now = decode(text);
    if (now.kind !== 'ok') throw new Error('the saved file does not load');
    for (const [lessonId, before] of old.progress.lessons) {
      const after = now.progress.lessons.get(lessonId)!;
      expect(after.steps).toEqual(before.steps);
      const questions = [...before.steps].filter(([, r]) => r.type !== 'explain');
      expect([...after.cards.keys()].sort()).toEqual(questions.map(([id]) => id).sort());
      for (const [stepId, r] of questions) {
        expect(after.cards.get(stepId)).toEqual(scheduler.first(r.type, ratingOf(r), new Date(r.settledAt)));
      }
    }
    expect(now.progress.lessons.get('day6')!.cards.get('svc-selector')!.lastReview).toBe(NOW.toISOString());
    // Settled in March 2025, due days later: by the 10th, the missed and skipped ones are due.
    expect(lessonDue(now.progress.lessons.get('day4'), NOW).due).toBeGreaterThan(0);
  });
});
