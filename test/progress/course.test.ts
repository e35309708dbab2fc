import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseView, loadCourse } from '../../src/progress/course.js';
import { ProgressStore } from '../../src/progress/store.js';
import { emptyProgress, type LessonRecord, type Progress, type StepRecord } from '../../src/progress/types.js';

const lesson = (id: string, day?: number) => ({
  id,
  title: `Title of ${id}`,
  ...(day !== undefined && { day }),
  steps: [
    { id: 'intro', type: 'explain' },
    { id: 'q1', type: 'text' },
  ],
});
const LESSONS = [lesson('day3', 3), lesson('day1', 1), lesson('day2', 2)];

const step = (type: string): StepRecord => ({
  type,
  status: type === 'explain' ? 'seen' : 'right',
  attempts: 1,
  firstTry: true,
  revealed: false,
  settledAt: '2026-01-01T00:00:00.000Z',
  spentMs: 1000,
});

/** A record with the given steps settled, last used at `updated`. */
function record(updated: string, stepIds: string[], finished?: string): LessonRecord {
  const steps = new Map(stepIds.map((id) => [id, step(id === 'intro' ? 'explain' : 'text')]));
  return {
    started: '2026-01-01T00:00:00.000Z',
    updated,
    ...(finished && { finished }),
    steps,
    drafts: new Map(),
    tries: new Map(),
    cards: new Map(),
  };
}

function progress(records: Record<string, LessonRecord>): Progress {
  return { lessons: new Map(Object.entries(records)) };
}

describe('courseView', () => {
  it('nothing begun: lessons in course order, all new, continue at the first', () => {
    const view = courseView(LESSONS, emptyProgress());
    expect(view.entries.map((e) => [e.lesson.id, e.state])).toEqual([
      ['day1', 'new'],
      ['day2', 'new'],
      ['day3', 'new'],
    ]);
    expect(view.current).toBe(0);
    expect(view.begun).toBe(false);
  });

  it('continues at the most recently used unfinished lesson, not the first one', () => {
    const view = courseView(
      LESSONS,
      progress({
        day1: record('2026-01-03T10:00:00.000Z', ['intro']),
        day3: record('2026-01-05T10:00:00.000Z', ['intro']),
        day2: record('2026-01-04T10:00:00.000Z', ['intro']),
      }),
    );
    expect(view.entries.map((e) => e.state)).toEqual(['started', 'started', 'started']);
    expect(view.entries[view.current!]!.lesson.id).toBe('day3');
    expect(view.begun).toBe(true);
  });

  it('a finished lesson is not continued, however recent: the first one not started is', () => {
    const view = courseView(LESSONS, progress({ day1: record('2026-01-09T10:00:00.000Z', ['intro', 'q1'], '2026-01-09T10:00:00.000Z') }));
    expect(view.entries.map((e) => e.state)).toEqual(['done', 'new', 'new']);
    expect(view.entries[view.current!]!.lesson.id).toBe('day2');
    expect(view.begun).toBe(true);
  });

  it('a lesson finished before steps were added is unfinished again', () => {
    const view = courseView(LESSONS, progress({ day2: record('2026-01-09T10:00:00.000Z', ['intro'], '2026-01-09T10:00:00.000Z') }));
    expect(view.entries[1]!.state).toBe('started');
    expect(view.entries[view.current!]!.lesson.id).toBe('day2');
  });

  it('all done: nothing to continue at', () => {
    const done = (at: string) => record(at, ['intro', 'q1'], at);
    const view = courseView(
      LESSONS,
      progress({ day1: done('2026-01-01T00:00:00.000Z'), day2: done('2026-01-02T00:00:00.000Z'), day3: done('2026-01-03T00:00:00.000Z') }),
    );
    expect(view.current).toBeUndefined();
  });

  it('progress of a lesson that is gone does not count', () => {
    const view = courseView(LESSONS, progress({ gone: record('2026-01-09T10:00:00.000Z', ['intro']) }));
    expect(view.begun).toBe(false);
    expect(view.current).toBe(0);
  });
});

describe('loadCourse', () => {
  it('a progress file of a newer format: the course, not started, and a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-learn-course-'));
    mkdirSync(join(dir, 'kube-learn'));
    const file = join(dir, 'kube-learn', 'progress.json');
    writeFileSync(file, JSON.stringify({ version: 99, lessons: {} }));
    const { view, warning } = await loadCourse(LESSONS, new ProgressStore(file));
    expect(view.entries.map((e) => e.state)).toEqual(['new', 'new', 'new']);
    expect(warning).toMatch(/newer.*; progress not shown$/);
  });
});
