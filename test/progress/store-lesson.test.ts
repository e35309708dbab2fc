/**
 * ProgressStore.loadLesson: a lesson start reads its lesson's line of the
 * file (./lesson-read.test.ts has the reading itself); what it gives, when
 * it reads the file whole instead, and what a save does when the rest of the
 * file turns out unreadable.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decode } from '../../src/progress/format.js';
import { ProgressStore } from '../../src/progress/store.js';
import type { Progress } from '../../src/progress/types.js';
import { tempStateHome } from '../helpers/state.js';
import { seen } from './helpers/outcomes.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'progress');

let state: ReturnType<typeof tempStateHome>;
let store: ProgressStore;

beforeEach(() => {
  state = tempStateHome();
  store = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
  mkdirSync(state.dir, { recursive: true, mode: 0o700 });
});

afterEach(() => state.cleanup());

function onDisk(): Progress {
  const d = decode(readFileSync(state.file, 'utf8'));
  if (d.kind !== 'ok') throw new Error(`expected ok, got ${d.kind}`);
  return d.progress;
}

describe('loading one lesson for its start', () => {
  it("gives the learner and that lesson only, with the other lessons' due times", async () => {
    copyFileSync(join(fixtures, 'v4.json'), state.file);
    const whole = (await store.load()).progress;
    const { progress, dueElsewhere, notice } = await store.loadLesson('day4');
    expect(notice).toBeUndefined();
    expect(progress).toEqual({ learner: whole.learner, lessons: new Map([['day4', whole.lessons.get('day4')]]) });
    expect(dueElsewhere).toEqual(new Map([['day5', [Date.parse('2025-03-05T18:20:00.000Z')]]]));
  });

  it('reads a file of an older format, or of another layout, whole, as load() does', async () => {
    for (const fixture of ['v2.json', 'v3.json']) {
      copyFileSync(join(fixtures, fixture), state.file);
      const loaded = await store.loadLesson('day4');
      expect(loaded.dueElsewhere, fixture).toBeUndefined();
      expect(loaded, fixture).toEqual(await store.load());
    }
    writeFileSync(state.file, JSON.stringify(JSON.parse(readFileSync(join(fixtures, 'v4.json'), 'utf8')), null, 2));
    const loaded = await store.loadLesson('day4');
    expect(loaded.dueElsewhere).toBeUndefined();
    expect(loaded.progress.lessons.size).toBe(2);
  });

  it('with no file: no progress, and no file made', async () => {
    expect(await store.loadLesson('day4')).toEqual({ progress: { lessons: new Map() } });
    expect(readdirSync(state.dir)).toEqual([]);
  });

  it('a corrupt line of the lesson itself: read whole, moved aside and reported at once', async () => {
    const text = readFileSync(join(fixtures, 'v4.json'), 'utf8').replace('"attempts":0,', '"attempts":-1,');
    writeFileSync(state.file, text);
    const { progress, notice } = await store.loadLesson('day4');
    expect(progress.lessons.size).toBe(0);
    expect(notice).toMatch(
      /^progress file .* could not be read \(lessons\.day4\.steps\.images-and-containers\.attempts should be a whole number >= 0\); moved it to .* and started fresh$/,
    );
  });

  it("another lesson's line corrupt: found by the first save, which moves the file aside and keeps the lesson being taken", async () => {
    const text = readFileSync(join(fixtures, 'v4.json'), 'utf8').replace('"spentMs":300000}', '"spentMs":"long"}');
    writeFileSync(state.file, text);
    const loaded = await store.loadLesson('day4');
    expect(loaded.notice).toBeUndefined();
    const before = loaded.progress.lessons.get('day4')!;
    const { notice } = await store.record('day4', seen('pod-restart'));
    const [aside] = readdirSync(state.dir).filter((f) => f.startsWith('progress.json.corrupt-'));
    expect(readFileSync(join(state.dir, aside!), 'utf8')).toBe(text);
    expect(notice).toBe(
      `progress file ${state.file} could not be read (lessons.day5.steps.deployments.spentMs should be a whole number >= 0); moved it to ${join(state.dir, aside!)} and started fresh, keeping your progress in day4`,
    );
    const after = onDisk();
    expect([...after.lessons.keys()]).toEqual(['day4']);
    const day4 = after.lessons.get('day4')!;
    expect([...day4.steps.keys()]).toEqual([...before.steps.keys(), 'pod-restart']);
    expect(day4.drafts).toEqual(before.drafts);
    expect(day4.cards).toEqual(before.cards);
  });

  it('keeps nothing of a lesson once a save has read the file whole', async () => {
    copyFileSync(join(fixtures, 'v4.json'), state.file);
    await store.loadLesson('day4');
    await store.record('day4', seen('pod-restart'));
    writeFileSync(state.file, '{"version": 4, "lessons": {"day4": ');
    const { notice } = await store.record('day4', seen('next'));
    expect(notice).toMatch(/and started fresh$/);
    expect([...onDisk().lessons.get('day4')!.steps.keys()]).toEqual(['next']);
  });
});
