import { describe, expect, it } from 'vitest';
import { compareCourseOrder, inCourseOrder, lessonLabel } from '../../src/lesson/course.js';

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

describe('lessonLabel', () => {
  it('names a lesson by its day, or by its id without one', () => {
    expect(lessonLabel(l('day5', 5))).toBe('day 5, Title of day5');
    expect(lessonLabel(l('extra'))).toBe('extra, Title of extra');
  });
});
