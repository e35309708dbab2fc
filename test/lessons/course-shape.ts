/**
 * The shape every day of the built-in course shares, whatever its wording:
 * the loader accepts it, questions test understanding (a skill on each, few
 * recall questions, a `why` on every wrong option, no right option that gives
 * itself away by length), each misconception of the brief is explained and then
 * asked about, manifest solutions pass their own checks and starters do not,
 * and the reading time is in the course's range. Each dayN.test.ts calls it and
 * adds what is particular to that day.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadLessonFile } from '../../src/lesson/load.js';
import type { Lesson, QuestionStep } from '../../src/lesson/schema.js';

export interface CourseDay {
  day: number;
  /** The numbers of the original course's misconceptions that the day's brief lists. */
  misconceptions: number[];
  /** How many manifest exercises the day has. */
  manifests: number;
}

/** Explanation words at 200 a minute, half a minute a question, three minutes a manifest exercise. */
export function readingMinutes(lesson: Lesson): number {
  let minutes = 0;
  for (const s of lesson.steps) {
    if (s.type === 'explain') minutes += s.body.split(/\s+/).filter(Boolean).length / 200;
    else if (s.type === 'manifest') minutes += 3;
    else minutes += 0.5;
  }
  return minutes;
}

export function lessonFile(id: string): string {
  return fileURLToPath(new URL(`../../lessons/${id}.yaml`, import.meta.url));
}

export function describeCourseDay(spec: CourseDay, more?: (get: () => Lesson) => void): void {
  const id = `day${spec.day}`;
  let lesson: Lesson;
  let questions: QuestionStep[];

  beforeAll(async () => {
    const result = await loadLessonFile(lessonFile(id));
    expect(result.problems.map(formatProblem)).toEqual([]);
    lesson = result.lesson!;
    questions = lesson.steps.filter((s): s is QuestionStep => s.type !== 'explain');
  });

  describe(`lessons/${id}.yaml`, () => {
    it(`is ${id}, day ${spec.day} of the course, and names the next day`, () => {
      expect(lesson.id).toBe(id);
      expect(lesson.day).toBe(spec.day);
      if (spec.day < 7) expect(lesson.next).toBe(`day${spec.day + 1}`);
    });

    it('has 12 to 20 questions, of every kind', () => {
      expect(questions.length).toBeGreaterThanOrEqual(12);
      expect(questions.length).toBeLessThanOrEqual(20);
      const types = new Set(questions.map((q) => q.type));
      for (const type of ['choice', 'multi', 'command', 'manifest'] as const) expect(types, type).toContain(type);
      expect(questions.filter((q) => q.type === 'manifest').length).toBe(spec.manifests);
    });

    it('asks mostly to predict, distinguish, diagnose or apply: a skill on every question, at most 2 recall', () => {
      for (const q of questions) if (q.type !== 'manifest') expect(q.skill, q.id).toBeDefined();
      expect(questions.filter((q) => q.type !== 'manifest' && q.skill === 'recall').length).toBeLessThanOrEqual(2);
    });

    it('gives every question a hint and an explanation', () => {
      for (const q of questions) {
        expect(q.hint, `${q.id} hint`).toBeTruthy();
        expect(q.explanation, `${q.id} explanation`).toBeTruthy();
      }
    });

    it('says why every wrong option is wrong, and no right option is the longest by far', () => {
      for (const q of questions) {
        if (q.type !== 'choice' && q.type !== 'multi') continue;
        for (const c of q.choices.filter((c) => !c.correct)) expect(c.why, `${q.id}: "${c.text}"`).toBeTruthy();
        const longestWrong = Math.max(...q.choices.filter((c) => !c.correct).map((c) => c.text.length));
        for (const c of q.choices.filter((c) => c.correct))
          expect(c.text.length, `${q.id}: "${c.text}"`).toBeLessThanOrEqual(longestWrong * 1.5);
      }
    });

    it('lists sources on every explain step', () => {
      for (const s of lesson.steps) if (s.type === 'explain') expect(s.sources?.length ?? 0, s.id).toBeGreaterThan(0);
    });

    it("has manifest solutions that pass the checker (warnings too) and their own checks, and starters that don't", async () => {
      const { checkManifest } = await import('../../src/manifest/check.js');
      for (const step of lesson.steps) {
        if (step.type !== 'manifest') continue;
        // With the step's context, as the learner's answer is checked; a warning in a solution would teach what it warns about.
        const solved = await checkManifest(step.solution, { checks: step.checks, context: step.context });
        expect(solved, step.id).toEqual([]);
        const started = await checkManifest(step.starter ?? '', { checks: step.checks, context: step.context });
        expect(started.filter((p) => p.severity === 'error').length, step.id).toBeGreaterThan(0);
      }
    });

    it("declares the brief's misconceptions, explains each before asking about it", () => {
      expect(lesson.misconceptions?.map((m) => m.number)).toEqual(spec.misconceptions);
      for (const n of spec.misconceptions) {
        const firstExplain = lesson.steps.findIndex((s) => s.type === 'explain' && s.corrects?.includes(n));
        const firstQuestion = lesson.steps.findIndex((s) => s.type !== 'explain' && s.corrects?.includes(n));
        expect(firstExplain, `misconception ${n} explained`).toBeGreaterThanOrEqual(0);
        expect(firstQuestion, `misconception ${n} asked`).toBeGreaterThanOrEqual(0);
        expect(firstExplain, `misconception ${n}`).toBeLessThan(firstQuestion);
      }
    });

    it('takes 20 to 30 minutes', () => {
      const minutes = readingMinutes(lesson);
      expect(minutes).toBeGreaterThanOrEqual(20);
      expect(minutes).toBeLessThanOrEqual(30);
    });

    more?.(() => lesson);
  });
}
