/**
 * The built lessons folder: the course in course.json, each lesson in a
 * file of its own named by its id, all of it ASCII, so a lesson start reads
 * and parses only the course and its own lesson.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBuiltLessons, readBuiltLesson } from '../../src/lesson/catalog.js';
import type { Lesson } from '../../src/lesson/schema.js';

const lesson = (id: string, day?: number): Lesson => ({
  format: 1,
  id,
  title: `Title of ${id}`,
  summary: 'A summary.',
  ...(day === undefined ? {} : { day }),
  steps: [{ id: 'read', type: 'explain', title: 'Read', body: 'Text.' }],
});

describe('encodeBuiltLessons', () => {
  it('writes the course (id, title, day) in course.json, then a file per lesson named by its id, in course order', () => {
    const files = encodeBuiltLessons([lesson('extra'), lesson('day10', 10), lesson('day9', 9)]);
    expect(files.map((f) => f.name)).toEqual(['course.json', 'day9.json', 'day10.json', 'extra.json']);
    expect(JSON.parse(files[0]!.text)).toEqual([
      { id: 'day9', title: 'Title of day9', day: 9 },
      { id: 'day10', title: 'Title of day10', day: 10 },
      { id: 'extra', title: 'Title of extra' },
    ]);
    expect(files.slice(1).map((f) => (JSON.parse(f.text) as Lesson).id)).toEqual(['day9', 'day10', 'extra']);
  });

  it('writes ASCII only, and JSON.parse gives back every character', () => {
    const wide = { ...lesson('day1', 1), title: 'Ünïcödé', summary: 'Pods — “kleine” Einheiten, 容器 und 🚀\u2028\u0085' };
    const files = encodeBuiltLessons([wide]);
    for (const { text } of files) expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(JSON.parse(files[1]!.text)).toEqual(wide);
    expect(JSON.parse(files[0]!.text)).toEqual([{ id: 'day1', title: 'Ünïcödé', day: 1 }]);
  });
});

describe('reading one lesson from the built folder', () => {
  function built(files: { name: string; text: string }[]): { folder: string; cleanup: () => void } {
    const dir = mkdtempSync(join(tmpdir(), 'kube-learn-built-'));
    const folder = join(dir, 'lessons');
    mkdirSync(folder);
    for (const { name, text } of files) writeFileSync(join(folder, name), text);
    return { folder, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }

  it('reads each lesson, and the course; none for an id not in the course; nothing without a built course', () => {
    const wide = { ...lesson('day1', 1), summary: 'Pods — “kleine” Einheiten, 容器 und 🚀'.repeat(50) };
    const lessons = [wide, lesson('day2', 2), { ...lesson('day3', 3), title: 'Ünïcödé' }];
    const { folder, cleanup } = built(encodeBuiltLessons(lessons));
    try {
      for (const l of lessons) expect(readBuiltLesson(folder, l.id)).toEqual({ course: expect.any(Array), lesson: l });
      expect(readBuiltLesson(folder, 'day3')?.course.map((l) => l.id)).toEqual(['day1', 'day2', 'day3']);
      expect(readBuiltLesson(folder, 'day9')).toEqual({ course: expect.any(Array) });
      expect(readBuiltLesson(folder)?.lesson).toBeUndefined();
      expect(readBuiltLesson(`${folder}-missing`, 'day1')).toBeUndefined();
    } finally {
      cleanup();
    }
  });

  it('never reads a file named by anything but the course: an id that is a path finds no lesson', () => {
    const { folder, cleanup } = built(encodeBuiltLessons([lesson('day1', 1)]));
    try {
      writeFileSync(join(folder, 'secret.json'), JSON.stringify(lesson('secret')));
      expect(readBuiltLesson(folder, 'secret')?.lesson).toBeUndefined();
      expect(readBuiltLesson(folder, '../lessons/day1')?.lesson).toBeUndefined();
    } finally {
      cleanup();
    }
  });

  it('says to build again when a lesson of the course is missing', () => {
    const { folder, cleanup } = built(encodeBuiltLessons([lesson('day1', 1), lesson('day2', 2)]));
    try {
      unlinkSync(join(folder, 'day2.json'));
      expect(readBuiltLesson(folder, 'day1')?.lesson?.id).toBe('day1');
      expect(() => readBuiltLesson(folder, 'day2')).toThrow(`${join(folder, 'day2.json')} is missing; build kube-learn again`);
    } finally {
      cleanup();
    }
  });
});
