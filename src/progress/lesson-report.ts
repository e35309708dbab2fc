/**
 * What `kube-learn progress` reports, as data (the command prints it as text
 * or JSON). Lessons are matched by id; a lesson with saved progress that is
 * no longer among the lessons is still reported, by what was saved.
 */
import type { Lesson } from '../lesson/schema.js';
import { isQuestion, scoreOf, type Score } from '../lesson/score.js';
import { now } from '../clock.js';
import { lessonDue, type LessonDue } from './cards.js';
import { summarize } from './summary.js';
import type { Progress } from './types.js';

export interface LessonReport {
  id: string;
  /** null: the lesson is no longer among the lessons. */
  title: string | null;
  steps: { settled: number; total: number | null };
  /** right: questions right at the first try; answered: questions settled; questions: in the lesson; byScore: answered by how they went. */
  score: { right: number; answered: number; questions: number | null; byScore: Record<Score, number> };
  /** Settled questions not right at the first try, and how each went. */
  missed: { stepId: string; question: string | null; how: Exclude<Score, 'right-first-try'> }[];
  complete: boolean;
  started: string | null;
  finished: string | null;
  timeSpentMs: number;
  /** The review schedule: questions with a card, those due now, and when the next one not due yet falls due (ISO; null: none). */
  review: { cards: number; due: number; next: string | null };
}

function reviewFigures(d: LessonDue): LessonReport['review'] {
  return { cards: d.cards, due: d.due, next: d.next ?? null };
}

function questionText(lesson: Lesson, stepId: string): string | null {
  const step = lesson.steps.find((s) => s.id === stepId);
  if (!step || step.type === 'explain') return null;
  return step.type === 'manifest' ? (step.title ?? step.task.trim().split('\n')[0] ?? null) : step.question;
}

export function lessonReport(progress: Progress, lesson: Lesson, at: Date = now()): LessonReport {
  const record = progress.lessons.get(lesson.id);
  const s = summarize(lesson, record);
  return {
    id: lesson.id,
    title: lesson.title,
    steps: { settled: s.settled, total: s.total },
    score: { right: s.right, answered: s.answered, questions: s.questions, byScore: s.byScore },
    missed: s.missed.map((stepId) => ({
      stepId,
      question: questionText(lesson, stepId),
      how: notFirstTry(scoreOf(record!.steps.get(stepId)!)),
    })),
    complete: s.complete,
    started: s.started ?? null,
    finished: s.finished ?? null,
    timeSpentMs: s.timeSpentMs,
    review: reviewFigures(lessonDue(record, at, lesson)),
  };
}

/** A lesson known only from the progress file: counted by what was saved. */
export function orphanReport(progress: Progress, lessonId: string, at: Date = now()): LessonReport | undefined {
  const record = progress.lessons.get(lessonId);
  if (!record) return undefined;
  let answered = 0;
  let timeSpentMs = 0;
  const byScore: Record<Score, number> = { 'right-first-try': 0, 'right-after-retry': 0, missed: 0, skipped: 0 };
  const missed: LessonReport['missed'] = [];
  for (const [stepId, r] of record.steps) {
    timeSpentMs += r.spentMs;
    if (!isQuestion(r)) continue;
    answered++;
    const score = scoreOf(r);
    byScore[score]++;
    if (score !== 'right-first-try') missed.push({ stepId, question: null, how: score });
  }
  const right = byScore['right-first-try'];
  return {
    id: lessonId,
    title: null,
    steps: { settled: record.steps.size, total: null },
    score: { right, answered, questions: null, byScore },
    missed,
    complete: false,
    started: record.started,
    finished: record.finished ?? null,
    timeSpentMs,
    // Counted as stored: without the lesson there is nothing to ask, so `review` leaves these out.
    review: reviewFigures(lessonDue(record, at)),
  };
}

function notFirstTry(score: Score): Exclude<Score, 'right-first-try'> {
  return score === 'right-first-try' ? 'missed' : score;
}

/** Every lesson with saved progress: the known ones in catalogue order, then the others. */
export function progressReport(progress: Progress, lessons: readonly Lesson[], at: Date = now()): LessonReport[] {
  const known = lessons.filter((l) => progress.lessons.has(l.id)).map((l) => lessonReport(progress, l, at));
  const ids = new Set(lessons.map((l) => l.id));
  const others = [...progress.lessons.keys()].filter((id) => !ids.has(id)).sort();
  return [...known, ...others.map((id) => orphanReport(progress, id, at)!)];
}
