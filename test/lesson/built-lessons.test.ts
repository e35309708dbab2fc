/**
 * The built lessons file: the course on its first line, the byte length of
 * each lesson's line on the second, then one line per lesson in course
 * order, so a lesson start reads and parses only its own line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  it('writes the course (id, title, day) first, then each lesson on a line of its own, in course order', () => {
    const lines = encodeBuiltLessons([lesson('extra'), lesson('day10', 10), lesson('day9', 9)])
      .trimEnd()
      .split('\n');
    expect(JSON.parse(lines[0]!)).toEqual([
      { id: 'day9', title: 'Title of day9', day: 9 },
      { id: 'day10', title: 'Title of day10', day: 10 },
      { id: 'extra', title: 'Title of extra' },
    ]);
    expect(lines.slice(2).map((l) => (JSON.parse(l) as Lesson).id)).toEqual(['day9', 'day10', 'extra']);
    expect(JSON.parse(lines[1]!)).toEqual(lines.slice(2).map((l) => Buffer.byteLength(`${l}\n`)));
  });

  it('keeps every line one line, whatever the lessons hold', () => {
    const multiline = { ...lesson('day1', 1), summary: 'Two\nlines\u2028and a separator.' };
    const lines = encodeBuiltLessons([multiline]).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect((JSON.parse(lines[2]!) as Lesson).summary).toBe(multiline.summary);
  });
});

describe('reading one lesson from the built file', () => {
  function built(text: string): { file: string; cleanup: () => void } {
    const dir = mkdtempSync(join(tmpdir(), 'kube-learn-built-'));
    const file = join(dir, 'lessons.ndjson');
    writeFileSync(file, text);
    return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }

  it('finds each lesson by the byte lengths, past lessons of many-byte characters', () => {
    const wide = { ...lesson('day1', 1), summary: 'Pods — “kleine” Einheiten, 容器 und 🚀'.repeat(50) };
    const lessons = [wide, lesson('day2', 2), { ...lesson('day3', 3), title: 'Ünïcödé' }];
    const { file, cleanup } = built(encodeBuiltLessons(lessons));
    try {
      for (const l of lessons) expect(readBuiltLesson(file, l.id)).toEqual({ course: expect.any(Array), lesson: l });
      expect(readBuiltLesson(file, 'day9')?.lesson).toBeUndefined();
      expect(readBuiltLesson(`${file}.missing`, 'day1')).toBeUndefined();
    } finally {
      cleanup();
    }
  });

  it('reads an index longer than its first read (many lessons with long titles)', () => {
    const lessons = Array.from({ length: 120 }, (_, i) => ({
      ...lesson(`day${i + 1}`, i + 1),
      title: `A long title ${'x'.repeat(60)} ${i}`,
    }));
    const { file, cleanup } = built(encodeBuiltLessons(lessons));
    try {
      expect(readBuiltLesson(file, 'day120')?.lesson).toEqual(lessons[119]);
      expect(readBuiltLesson(file, 'day120')?.course).toHaveLength(120);
    } finally {
      cleanup();
    }
  });

  it('says to build again when the file has no index', () => {
    const { file, cleanup } = built(`${JSON.stringify([{ id: 'day1', title: 'T' }])}`);
    try {
      expect(() => readBuiltLesson(file, 'day1')).toThrow('has no index; build kube-learn again');
    } finally {
      cleanup();
    }
  });
});
