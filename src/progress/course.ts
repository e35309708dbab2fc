/**
 * The course as a learner stands in it: each lesson in course order with
 * what their record amounts to, and the one lesson to continue at. The
 * course map (`kube-learn`), its hint line and `kube-learn continue` all
 * ask here, so the highlighted day and the day `continue` starts agree.
 */
import { inCourseOrder, type CourseLesson } from '../lesson/course.js';
import { now } from '../clock.js';
import { courseDue } from './cards.js';
import { withDerivedCards } from './schedule.js';
import type { LessonShape } from './records.js';
import { ProgressStore } from './store.js';
import { summarize, type LessonSummary } from './summary.js';
import { emptyProgress, type Progress } from './types.js';

export type LessonState = 'done' | 'started' | 'new';

export interface CourseEntry<L> {
  lesson: L;
  summary: LessonSummary;
  /** `done`: every step settled (steps added since make it `started` again). */
  state: LessonState;
  /** When the learner last settled or drafted something in it (ISO time). */
  updated?: string;
}

export interface CourseView<L> {
  entries: CourseEntry<L>[];
  /** The entry to continue at: the most recently used unfinished lesson, else the first not started; none when all are done. */
  current: number | undefined;
  /** True when the learner has begun any lesson of the course. */
  begun: boolean;
}

type Lesson = CourseLesson & LessonShape;

export function courseView<L extends Lesson>(lessons: readonly L[], progress: Progress): CourseView<L> {
  const entries = inCourseOrder(lessons).map((lesson): CourseEntry<L> => {
    const record = progress.lessons.get(lesson.id);
    const summary = summarize(lesson, record);
    const state: LessonState = summary.complete ? 'done' : record ? 'started' : 'new';
    return record ? { lesson, summary, state, updated: record.updated } : { lesson, summary, state };
  });
  return { entries, current: continueAt(entries), begun: entries.some((e) => e.state !== 'new') };
}

function continueAt(entries: readonly CourseEntry<unknown>[]): number | undefined {
  let latest: number | undefined;
  entries.forEach((e, i) => {
    // ISO times in UTC compare as strings.
    if (e.state === 'started' && (latest === undefined || (e.updated ?? '') > (entries[latest]!.updated ?? ''))) latest = i;
  });
  if (latest !== undefined) return latest;
  const fresh = entries.findIndex((e) => e.state === 'new');
  return fresh === -1 ? undefined : fresh;
}

export interface LoadedCourse<L> {
  view: CourseView<L>;
  /**
   * Questions due for review now across these lessons, from the stored
   * cards (the scheduler loads only for a file from before cards).
   */
  due: number;
  /** One line for stderr: a corrupt file moved aside, or why progress is not shown. */
  warning?: string;
}

/**
 * The course with the learner's progress. Progress that cannot be read (a
 * newer format) leaves the course shown as not started, with a warning, as
 * `list` does: the map must still open.
 */
export async function loadCourse<L extends Lesson>(
  lessons: readonly L[],
  store: ProgressStore = ProgressStore.fromEnv(),
): Promise<LoadedCourse<L>> {
  try {
    const { progress, notice } = await store.load();
    const view = courseView(lessons, progress);
    const { due } = courseDue(await withDerivedCards(progress, lessons), lessons, now());
    return notice ? { view, due, warning: notice } : { view, due };
  } catch (error) {
    if (error instanceof Error && error.name === 'CheckFailed')
      return { view: courseView(lessons, emptyProgress()), due: 0, warning: `${error.message}; progress not shown` };
    throw error;
  }
}
