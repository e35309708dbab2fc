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

/** Course order: by day, then lessons without a day, each by id (numbers as numbers). */
export function compareCourseOrder(a: CourseLesson, b: CourseLesson): number {
  const byDay = (a.day ?? Number.POSITIVE_INFINITY) - (b.day ?? Number.POSITIVE_INFINITY);
  if (byDay !== 0 && !Number.isNaN(byDay)) return byDay;
  return a.id.localeCompare(b.id, 'en', { numeric: true });
}

/** A sorted copy. */
export function inCourseOrder<T extends CourseLesson>(lessons: readonly T[]): T[] {
  return [...lessons].sort(compareCourseOrder);
}

/** How a lesson is named in a sentence: "day 5, Deployments and ReplicaSets", or "intro, Title" without a day. */
export function lessonLabel(lesson: CourseLesson): string {
  return `${lesson.day === undefined ? lesson.id : `day ${lesson.day}`}, ${lesson.title}`;
}
