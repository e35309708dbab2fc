import { describe, expect, it } from 'vitest';
import { previousOutcomes } from '../../src/progress/records.js';
import { formatDuration, progressBar, progressColumn, resumeLine, summarize } from '../../src/progress/summary.js';
import type { LessonRecord, StepRecord } from '../../src/progress/types.js';

const lesson = {
  id: 'day4',
  steps: [
    { id: 'intro', type: 'explain' },
    { id: 'q1', type: 'choice' },
    { id: 'q2', type: 'multi' },
    { id: 'more', type: 'explain' },
    { id: 'q3', type: 'text' },
    { id: 'pod', type: 'manifest' },
  ],
};

function rec(type: string, firstTry: boolean, spentMs = 1000): StepRecord {
  return {
    type,
    status: type === 'explain' ? 'seen' : firstTry ? 'right' : 'wrong',
    attempts: 1,
    firstTry,
    revealed: false,
    settledAt: '2025-03-01T09:00:00.000Z',
    spentMs,
  };
}

function record(steps: [string, StepRecord][]): LessonRecord {
  return {
    started: '2025-03-01T09:00:00.000Z',
    updated: '2025-03-01T09:10:00.000Z',
    steps: new Map(steps),
    drafts: new Map(),
    tries: new Map(),
    cards: new Map(),
  };
}

describe('a lesson summary', () => {
  it('counts a lesson never started as all to do', () => {
    const s = summarize(lesson, undefined);
    expect(s).toMatchObject({
      total: 6,
      settled: 0,
      questions: 4,
      answered: 0,
      right: 0,
      missed: [],
      nextIndex: 0,
      complete: false,
      timeSpentMs: 0,
    });
    expect(s.started).toBeUndefined();
  });

  it('scores right-at-the-first-try and lists the rest as missed, in lesson order', () => {
    const s = summarize(
      lesson,
      record([
        ['q2', rec('multi', false)],
        ['intro', rec('explain', false)],
        ['q1', rec('choice', true)],
      ]),
    );
    expect(s).toMatchObject({ settled: 3, answered: 2, right: 1, missed: ['q2'], nextIndex: 3, complete: false, timeSpentMs: 3000 });
    expect(resumeLine(s)).toBe('Resuming day4 at step 4 of 6: 2 questions answered: 1 right at the first try, 1 missed');
  });

  it('drops steps that are gone and walks steps that are new', () => {
    const s = summarize(
      lesson,
      record([
        ['intro', rec('explain', false)],
        ['q1', rec('choice', true)],
        ['removed-step', rec('choice', true)],
        ['q2', rec('multi', true)],
        ['more', rec('explain', false)],
        ['pod', rec('manifest', true)],
      ]),
    );
    // q3 is new: it is where the learner resumes; removed-step counts for nothing.
    expect(s).toMatchObject({ total: 6, settled: 5, answered: 3, right: 3, nextIndex: 4, complete: false });
    expect(resumeLine(s)).toBe('Resuming day4 at step 5 of 6: 3 questions answered: 3 right at the first try');
  });

  it('treats a step whose type changed as new, and does not hand its old outcome back', () => {
    const r = record([
      ['q1', rec('text', true)],
      ['intro', rec('explain', false)],
    ]);
    expect(summarize(lesson, r)).toMatchObject({ settled: 1, answered: 0, nextIndex: 1 });
    const progress = { lessons: new Map([['day4', r]]) };
    expect([...previousOutcomes(progress, 'day4', lesson).keys()]).toEqual(['intro']);
    expect([...previousOutcomes(progress, 'day4').keys()]).toEqual(['q1', 'intro']);
  });

  it('knows a lesson is complete only when every current step is settled', () => {
    const all = lesson.steps.map((st): [string, StepRecord] => [st.id, rec(st.type, true)]);
    const s = summarize(lesson, { ...record(all), finished: '2025-03-01T09:10:00.000Z' });
    expect(s).toMatchObject({ complete: true, nextIndex: undefined, right: 4, questions: 4, finished: '2025-03-01T09:10:00.000Z' });
  });

  it('uses the one score vocabulary: right at the first try, right after a retry, missed, skipped', () => {
    const retry: StepRecord = { ...rec('multi', false), status: 'right' };
    const skipped: StepRecord = { ...rec('text', false), status: 'skipped', attempts: 0 };
    const s = summarize(
      lesson,
      record([
        ['intro', rec('explain', false)],
        ['q1', rec('choice', true)],
        ['q2', retry],
        ['more', rec('explain', false)],
        ['q3', skipped],
      ]),
    );
    expect(resumeLine(s)).toBe(
      'Resuming day4 at step 6 of 6: 3 questions answered: 1 right at the first try, 1 right after a retry, 1 skipped',
    );
  });

  it('says when no question has been answered yet, and counts in the singular', () => {
    expect(resumeLine(summarize(lesson, record([['intro', rec('explain', false)]])))).toBe(
      'Resuming day4 at step 2 of 6: no questions answered yet',
    );
    expect(
      resumeLine(
        summarize(
          lesson,
          record([
            ['intro', rec('explain', false)],
            ['q1', rec('choice', false)],
          ]),
        ),
      ),
    ).toBe('Resuming day4 at step 3 of 6: 1 question answered: 1 missed');
  });
});

describe('the progress bar', () => {
  it('fills in proportion, never full before the end and never empty once begun', () => {
    expect(progressBar(0, 22)).toBe('░░░░░░');
    expect(progressBar(1, 22)).toBe('█░░░░░');
    expect(progressBar(11, 22)).toBe('███░░░');
    expect(progressBar(21, 22)).toBe('█████░');
    expect(progressBar(22, 22)).toBe('██████');
    expect(progressBar(0, 0)).toBe('░░░░░░');
  });

  it('makes the list column', () => {
    expect(
      progressColumn(
        summarize(
          lesson,
          record([
            ['intro', rec('explain', false)],
            ['q1', rec('choice', true)],
          ]),
        ),
      ),
    ).toBe('2/6  ██░░░░');
  });
});

describe('durations', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(0)).toBe('under a minute');
    expect(formatDuration(29_000)).toBe('under a minute');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 5 min');
    expect(formatDuration(120 * 60_000)).toBe('2 h');
  });
});
