import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/progress/format.js';
import { lessonReport, orphanReport, progressReport } from '../../src/progress/lesson-report.js';
import type { Lesson } from '../../src/lesson/schema.js';
import type { Progress } from '../../src/progress/types.js';

function fixtureProgress(): Progress {
  const d = decode(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'progress', 'v1.json'), 'utf8'));
  if (d.kind !== 'ok') throw new Error('fixture does not load');
  return d.progress;
}

const day4 = {
  format: 1,
  id: 'day4',
  title: 'Pods',
  summary: 'Pods.',
  steps: [
    { id: 'images-and-containers', type: 'explain', title: 'Images', body: 'x' },
    {
      id: 'pod-smallest-unit',
      type: 'choice',
      question: 'Smallest unit?',
      choices: [
        { text: 'A Pod', correct: true },
        { text: 'A container', correct: false },
      ],
    },
    {
      id: 'pod-shares',
      type: 'multi',
      question: 'What do they share?',
      choices: [
        { text: 'net', correct: true },
        { text: 'image', correct: false },
      ],
    },
    { id: 'new-step', type: 'text', question: 'New?', accept: ['yes'] },
    { id: 'first-pod', type: 'manifest', task: 'Write a Pod\nwith one container', solution: 'kind: Pod', checks: [] },
  ],
} as unknown as Lesson;

describe('the progress report', () => {
  it('scores a lesson as it is now, with the missed questions in its words', () => {
    expect(lessonReport(fixtureProgress(), day4)).toEqual({
      id: 'day4',
      title: 'Pods',
      steps: { settled: 4, total: 5 },
      score: { right: 1, answered: 3, questions: 4, byScore: { 'right-first-try': 1, 'right-after-retry': 1, missed: 1, skipped: 0 } },
      missed: [
        { stepId: 'pod-shares', question: 'What do they share?', how: 'missed' },
        { stepId: 'first-pod', question: 'Write a Pod', how: 'right-after-retry' },
      ],
      complete: false,
      started: '2025-03-01T09:00:00.000Z',
      finished: null,
      timeSpentMs: 120000 + 70000 + 110000 + 510000,
      review: { cards: 0, due: 0, next: null },
    });
  });

  it('gives the review figures of the cards that still apply: due now, and the next due time', () => {
    const d = decode(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'progress', 'v3.json'), 'utf8'));
    if (d.kind !== 'ok') throw new Error('fixture does not load');
    // image-field is not among this day4's steps: its card does not count.
    expect(lessonReport(d.progress, day4, new Date('2025-03-03T10:00:00Z')).review).toEqual({
      cards: 3,
      due: 2,
      next: '2025-03-04T09:03:10.000Z',
    });
    expect(lessonReport(d.progress, day4, new Date('2025-03-01T10:00:00Z')).review).toEqual({
      cards: 3,
      due: 0,
      next: '2025-03-02T09:05:00.000Z',
    });
    expect(orphanReport(d.progress, 'day5', new Date('2025-03-06T00:00:00Z'))!.review).toEqual({ cards: 1, due: 1, next: null });
  });

  it('still reports a lesson that is no longer among the lessons, by what was saved', () => {
    expect(orphanReport(fixtureProgress(), 'day5')).toMatchObject({
      id: 'day5',
      title: null,
      steps: { settled: 2, total: null },
      score: { right: 1, answered: 1, questions: null },
      missed: [],
      finished: '2025-03-02T18:20:00.000Z',
      timeSpentMs: 900000,
    });
    expect(orphanReport(fixtureProgress(), 'day9')).toBeUndefined();
  });

  it('lists lessons with progress: known ones in catalogue order, then the others', () => {
    const other = { ...day4, id: 'day3', title: 'Never started' } as Lesson;
    expect(progressReport(fixtureProgress(), [other, day4]).map((r) => [r.id, r.title])).toEqual([
      ['day4', 'Pods'],
      ['day5', null],
    ]);
  });
});
