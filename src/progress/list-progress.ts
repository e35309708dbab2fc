/**
 * The progress column of `kube-learn list`. Listing lessons must work even
 * when progress cannot be read (a newer format, an unreadable folder): then
 * the column is left out and the reason comes back as a one-line warning.
 */
import { now } from '../clock.js';
import { lessonDue, type LessonDue } from './cards.js';
import type { LessonShape } from './records.js';
import { withDerivedCards } from './schedule.js';
import { ProgressStore, type Loaded } from './store.js';
import { summarize, type LessonSummary } from './summary.js';

export interface ListProgress {
  /** By lesson id; empty when progress could not be read. */
  summaries: Map<string, LessonSummary>;
  /** Review figures by lesson id, for lessons with cards; empty when progress could not be read. */
  due: Map<string, LessonDue>;
  /** One line for stderr: a corrupt file moved aside, or why progress is not shown. */
  warning?: string;
}

export async function listProgress(lessons: readonly LessonShape[], store: ProgressStore = ProgressStore.fromEnv()): Promise<ListProgress> {
  let loaded: Loaded;
  try {
    loaded = await store.load();
  } catch (error) {
    if (error instanceof Error && error.name === 'CheckFailed')
      return { summaries: new Map(), due: new Map(), warning: `${error.message}; progress not shown` };
    throw error;
  }
  const summaries = new Map(lessons.map((l) => [l.id, summarize(l, loaded.progress.lessons.get(l.id))]));
  const progress = await withDerivedCards(loaded.progress, lessons);
  const due = new Map(
    lessons.flatMap((l) => {
      const d = lessonDue(progress.lessons.get(l.id), now(), l);
      return d.cards > 0 ? [[l.id, d] as const] : [];
    }),
  );
  return loaded.notice ? { summaries, due, warning: loaded.notice } : { summaries, due };
}
