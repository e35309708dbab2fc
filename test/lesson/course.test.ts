import { describe, expect, it } from 'vitest';
import { compareCourseOrder, compareIds, inCourseOrder, lessonLabel } from '../../src/lesson/course.js';

const l = (id: string, day?: number) => ({ id, title: `Title of ${id}`, ...(day !== undefined && { day }) });

describe('course order', () => {
  it('orders by day, day 10 after day 9, whatever the ids', () => {
    const lessons = [l('day10', 10), l('day2', 2), l('intro', 1), l('day9', 9)];
    expect(inCourseOrder(lessons).map((x) => x.id)).toEqual(['intro', 'day2', 'day9', 'day10']);
  });

  it('puts lessons without a day after the days, by id with numbers compared as numbers', () => {
    const lessons = [l('extra10'), l('day3', 3), l('extra9'), l('bonus')];
    expect(inCourseOrder(lessons).map((x) => x.id)).toEqual(['day3', 'bonus', 'extra9', 'extra10']);
  });

  it('breaks a tie of two lessons on one day by id', () => {
    expect(inCourseOrder([l('b', 1), l('a', 1)]).map((x) => x.id)).toEqual(['a', 'b']);
    expect(compareCourseOrder(l('a', 1), l('a', 1))).toBe(0);
  });

  it('leaves its input as it was', () => {
    const lessons = [l('b', 2), l('a', 1)];
    inCourseOrder(lessons);
    expect(lessons.map((x) => x.id)).toEqual(['b', 'a']);
  });
});

describe('compareIds', () => {
  it('orders ids as the collator (en, numeric) does, leading zeros and hyphens included', () => {
    const alphabet = 'ab-0190z';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const id = () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let n = 0; n < 20_000; n++) {
      const [a, b] = [id(), id()];
      expect([a, b, Math.sign(compareIds(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b, 'en', { numeric: true }))]);
    }
  });

  it('leaves other text to the collator', () => {
    expect(Math.sign(compareIds('Été', 'ete2'))).toBe(Math.sign('Été'.localeCompare('ete2', 'en', { numeric: true })));
  });
});

describe('lessonLabel', () => {
  it('names a lesson by its day, or by its id without one', () => {
    expect(lessonLabel(l('day5', 5))).toBe('day 5, Title of day5');
    expect(lessonLabel(l('extra'))).toBe('extra, Title of extra');
  });
});
