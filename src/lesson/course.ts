/**
 * The course: lessons in the order a learner takes them. A lesson's `day`
 * places it; lessons without one come after the days, by id. Ids compare
 * with their numbers as numbers, so day10 follows day9.
 */

/** What ordering and naming a lesson needs; a loaded Lesson fits. */
export interface CourseLesson {
  id: string;
  title: string;
  day?: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const LESSON_ID = /^[a-z0-9-]*$/;

/**
 * Ids as `localeCompare(b, 'en', { numeric: true })` orders them, without
 * its cost for ids of lowercase letters, digits and "-" (which every valid
 * lesson id is): each call built a collator, and sorting a folder of 100
 * lessons took ~10 ms of a start. test/lesson/course.test.ts checks that the
 * two agree.
 */
export function compareIds(a: string, b: string): number {
  if (!LESSON_ID.test(a) || !LESSON_ID.test(b)) return a.localeCompare(b, 'en', { numeric: true });
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      let ej = j;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      const na = a.slice(i, ei).replace(/^0+/, '');
      const nb = b.slice(j, ej).replace(/^0+/, '');
      if (na.length !== nb.length) return na.length - nb.length;
      if (na !== nb) return na < nb ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  const rest = a.length - i - (b.length - j);
  if (rest !== 0) return rest;
  // Equal but for leading zeros: the collator's own tie-break.
  return a === b ? 0 : a.localeCompare(b, 'en', { numeric: true });
}

/** Course order: by day, then lessons without a day, each by id (numbers as numbers). */
export function compareCourseOrder(a: CourseLesson, b: CourseLesson): number {
  const byDay = (a.day ?? Number.POSITIVE_INFINITY) - (b.day ?? Number.POSITIVE_INFINITY);
  if (byDay !== 0 && !Number.isNaN(byDay)) return byDay;
  return compareIds(a.id, b.id);
}

/** A sorted copy. */
export function inCourseOrder<T extends CourseLesson>(lessons: readonly T[]): T[] {
  return [...lessons].sort(compareCourseOrder);
}

/** How a lesson is named in a sentence: "day 5, Deployments and ReplicaSets", or "intro, Title" without a day. */
export function lessonLabel(lesson: CourseLesson): string {
  return `${lesson.day === undefined ? lesson.id : `day ${lesson.day}`}, ${lesson.title}`;
}
