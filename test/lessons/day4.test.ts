/**
 * The shape of the day-4 lesson, not its wording: the loader accepts it, it
 * has enough questions of every type, every question can be settled kindly
 * (hint, explanation, a `why` on each wrong choice), every explanation names
 * its sources, and each misconception is both explained and asked about.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, isError, loadLessonFile } from '../../src/lesson/load.js';
import type { Lesson, QuestionStep } from '../../src/lesson/schema.js';

const file = fileURLToPath(new URL('../../lessons/day4.yaml', import.meta.url));
const MISCONCEPTIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

let lesson: Lesson;
let questions: QuestionStep[];

beforeAll(async () => {
  const result = await loadLessonFile(file);
  expect(result.problems.filter(isError).map(formatProblem)).toEqual([]);
  lesson = result.lesson!;
  questions = lesson.steps.filter((s): s is QuestionStep => s.type !== 'explain');
});

describe('lessons/day4.yaml', () => {
  it('is the day4 lesson', () => {
    expect(lesson.id).toBe('day4');
    expect(lesson.next).toBeDefined();
  });

  it('has unique step ids', () => {
    const ids = lesson.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least 15 questions, with every question type present', () => {
    expect(questions.length).toBeGreaterThanOrEqual(15);
    const types = new Set(questions.map((q) => q.type));
    for (const type of ['choice', 'multi', 'text', 'manifest'] as const) expect(types, type).toContain(type);
  });

  it('gives every question a hint and an explanation', () => {
    for (const q of questions) {
      expect(q.hint, `${q.id} hint`).toBeTruthy();
      expect(q.explanation, `${q.id} explanation`).toBeTruthy();
    }
  });

  it('says why every wrong choice is wrong', () => {
    for (const q of questions) {
      if (q.type !== 'choice' && q.type !== 'multi') continue;
      expect(q.choices.some((c) => !c.correct), `${q.id} has a wrong choice`).toBe(true);
      for (const c of q.choices.filter((c) => !c.correct)) expect(c.why, `${q.id}: "${c.text}"`).toBeTruthy();
    }
  });

  it('lists sources on every explain step', () => {
    for (const s of lesson.steps) {
      if (s.type === 'explain') expect(s.sources?.length ?? 0, s.id).toBeGreaterThan(0);
    }
  });

  it('gives the manifest exercise a starter, checks and a solution', () => {
    const exercise = lesson.steps.find((s) => s.type === 'manifest');
    if (exercise?.type !== 'manifest') throw new Error('no manifest step');
    expect(exercise.starter).toBeTruthy();
    expect(exercise.checks.length).toBeGreaterThan(0);
    expect(exercise.solution).toBeTruthy();
  });

  it("has a manifest solution that passes the checker and the step's own checks, and a starter that doesn't", async () => {
    const { checkManifest } = await import('../../src/manifest/check.js');
    for (const step of lesson.steps) {
      if (step.type !== 'manifest') continue;
      const solved = await checkManifest(step.solution, { checks: step.checks });
      expect(solved.filter((p) => p.severity === 'error'), step.id).toEqual([]);
      const started = await checkManifest(step.starter ?? '', { checks: step.checks });
      expect(started.filter((p) => p.severity === 'error').length, step.id).toBeGreaterThan(0);
    }
  });

  it('lists the nine misconceptions of the facts brief', () => {
    expect(lesson.misconceptions?.map((m) => m.number)).toEqual(MISCONCEPTIONS);
  });

  it.each(MISCONCEPTIONS)('corrects misconception %i in an explain step and in a question', (n) => {
    const correcting = lesson.steps.filter((s) => s.corrects?.includes(n));
    expect(correcting.filter((s) => s.type === 'explain').length, `explain steps for ${n}`).toBeGreaterThan(0);
    expect(correcting.filter((s) => s.type !== 'explain').length, `questions for ${n}`).toBeGreaterThan(0);
  });

  it('explains each misconception before it asks about it', () => {
    for (const n of MISCONCEPTIONS) {
      const firstExplain = lesson.steps.findIndex((s) => s.type === 'explain' && s.corrects?.includes(n));
      const firstQuestion = lesson.steps.findIndex((s) => s.type !== 'explain' && s.corrects?.includes(n));
      expect(firstExplain, `misconception ${n}`).toBeLessThan(firstQuestion);
    }
  });
});
