/**
 * The built lessons file: the course on its first line, then one line per
 * lesson in course order, so a lesson start parses only its own line.
 */
import { describe, expect, it } from 'vitest';
import { encodeBuiltLessons } from '../../src/lesson/catalog.js';
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
    expect(lines.slice(1).map((l) => (JSON.parse(l) as Lesson).id)).toEqual(['day9', 'day10', 'extra']);
  });

  it('keeps every line one line, whatever the lessons hold', () => {
    const multiline = { ...lesson('day1', 1), summary: 'Two\nlines\u2028and a separator.' };
    const lines = encodeBuiltLessons([multiline]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect((JSON.parse(lines[1]!) as Lesson).summary).toBe(multiline.summary);
  });
});
