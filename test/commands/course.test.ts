import { describe, expect, it } from 'vitest';
import { courseHint } from '../../src/commands/course.js';
import type { Lesson } from '../../src/lesson/schema.js';
import { courseView } from '../../src/progress/course.js';
import { emptyProgress, type Progress } from '../../src/progress/types.js';

const lesson = (id: string, day: number) =>
  ({
    format: 1,
    id,
    day,
    title: `Title of ${id}`,
    summary: 's',
    steps: [{ id: 'page', type: 'explain', title: 't', body: 'b' }],
  }) as unknown as Lesson;
const LESSONS = [lesson('day1', 1), lesson('day2', 2)];
const command = (id: string) => `kube-learn ${id}`;

function seen(...ids: string[]): Progress {
  const at = '2026-01-01T00:00:00.000Z';
  const step = { type: 'explain', status: 'seen' as const, attempts: 0, firstTry: false, revealed: false, settledAt: at, spentMs: 0 };
  return {
    lessons: new Map(
      ids.map((id) => [
        id,
        { started: at, updated: at, finished: at, steps: new Map([['page', step]]), drafts: new Map(), tries: new Map(), cards: new Map() },
      ]),
    ),
  };
}

describe('courseHint', () => {
  it('"Start with" the first day when nothing is begun', () => {
    expect(courseHint(courseView(LESSONS, emptyProgress()), command)).toBe('Start with: kube-learn day1');
  });

  it('"Continue with" once something is, even a lesson not started yet', () => {
    expect(courseHint(courseView(LESSONS, seen('day1')), command)).toBe('Continue with: kube-learn day2');
  });

  it('all done: says so, and where to see how it went', () => {
    expect(courseHint(courseView(LESSONS, seen('day1', 'day2')), command)).toBe(
      'Every lesson is done. See how it went with: kube-learn progress',
    );
  });
});
