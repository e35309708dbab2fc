/**
 * What the progress store adds to a lesson run (`kube-learn <lesson>`):
 * the earlier outcomes to resume from and the one line saying so, --restart,
 * a finished lesson shown as its summary instead of walked again, a listener
 * that saves every settled step, and the lesson marked finished at the end.
 *
 * It talks to the learner through two functions, not a terminal, so the
 * tutor's front ends (plain or interactive) decide how the lines look.
 */
import type { Lesson } from '../lesson/schema.js';
import { day } from '../text/words.js';
import type { EarlierTries, LessonResult, StepOutcome } from '../lesson/outcome.js';
import { now } from '../clock.js';
import { dueAmong, dueCount, dueLine } from './cards.js';
import { withDerivedCards } from './schedule.js';
import { draftAnswers, earlierTries, previousOutcomes } from './records.js';
import { settleRecorder } from './recorder.js';
import { ProgressStore } from './store.js';
import { randomHex } from './random-name.js';
import { resumeLine, summarize } from './summary.js';

export interface SessionPort {
  /** A line for the learner (the resume line, that a lesson is done). */
  say(text: string): Promise<void>;
  /** A one-line notice about the progress file (moved aside, ...), for stderr. */
  warn(line: string): void;
  /** Asks yes or no; only called when `interactive`. */
  confirm(message: string): Promise<boolean>;
}

export interface SessionOptions {
  restart: boolean;
  /** Ask before forgetting progress on --restart (interactive mode); plain mode takes the flag as the answer. */
  interactive: boolean;
  /** The command that starts the lesson over, for the "done" line: `kube-learn day4 --restart`. */
  restartCommand: string;
  /**
   * The lessons whose due questions the learner is told about ("3 questions
   * are due for review: kube-learn review"), and the command to name. Read
   * from the progress file already loaded: no cost before the first prompt.
   */
  review?: { lessons: readonly string[]; command: string };
  store?: ProgressStore;
}

export interface LessonSession {
  /** The learner's id: seeds the order of options. */
  learner: string;
  previous: ReadonlyMap<string, StepOutcome>;
  /** Wrong tries at unsettled steps, kept from an earlier run. */
  tries: ReadonlyMap<string, EarlierTries>;
  /** Saves a wrong try before the learner is asked again. */
  onTry: (stepId: string, tries: EarlierTries) => Promise<void>;
  onSettled: (outcome: StepOutcome) => Promise<void>;
  /** The last manifest checked at each unsettled step, to start the editor from. */
  drafts: ReadonlyMap<string, string>;
  /** Keeps each manifest as it is checked, so quitting after a wrong one loses no writing. */
  onDraft: (stepId: string, answer: string) => Promise<void>;
  /** Call with the result once the lesson has been walked to its end. */
  finished: (result: LessonResult) => Promise<void>;
}

export async function openLessonSession(lesson: Lesson, port: SessionPort, opts: SessionOptions): Promise<LessonSession> {
  // A wait for another session's lock says so after a second, never in silence.
  const store =
    opts.store ??
    ProgressStore.fromEnv(process.env, { lock: { onWait: (holder) => port.warn(`waiting for another kube-learn (${holder})…`) } });
  // Fail before the learner puts in any work that could not be kept.
  await store.ensureWritable();
  const loaded = await store.loadLesson(lesson.id);
  if (loaded.notice) port.warn(loaded.notice);
  let progress = loaded.progress;
  let dueElsewhere = loaded.dueElsewhere;
  let summary = summarize(lesson, progress.lessons.get(lesson.id));

  if (opts.restart && progress.lessons.has(lesson.id)) {
    const question = `Start ${lesson.id} over and forget your progress in it (${summary.settled} of ${summary.total} steps done)?`;
    if (!opts.interactive || (await port.confirm(question))) {
      const { notice } = await store.update((p) => p.lessons.delete(lesson.id));
      if (notice) port.warn(notice);
      progress = (await store.load()).progress;
      dueElsewhere = undefined;
      summary = summarize(lesson, progress.lessons.get(lesson.id));
    } else {
      await port.say('Kept your progress.');
    }
  }

  // Made up on a first start and stored with the first save (ProgressStore.useLearner).
  const learner = progress.learner ?? randomHex(8);
  store.useLearner(learner);

  if (opts.review) {
    // The lesson at hand is loaded, so its cards are checked against it; the others' are counted as stored.
    const at = now();
    // A file from before review cards (format 2 or older) has none until its
    // first save: they are made here in memory, as `list` makes them, so the
    // counts agree. Only then does the scheduler load before the first prompt.
    const withCards = await withDerivedCards(progress, [lesson]);
    // Only this lesson was read (store.loadLesson): the others' cards are counted from their due times.
    const others = opts.review.lessons.filter((id) => id !== lesson.id);
    const due =
      dueCount(withCards, at, opts.review.lessons.includes(lesson.id) ? [lesson] : []) +
      (dueElsewhere === undefined ? dueCount(withCards, at, others) : dueAmong(dueElsewhere, others, at));
    if (due > 0) await port.say(`${dueLine(due)}: ${opts.review.command}`);
  }

  const drafts = draftAnswers(progress, lesson.id, lesson);
  const tries = earlierTries(progress, lesson.id, lesson);
  const wasComplete = summary.complete;
  if (wasComplete) {
    const when = summary.finished ? ` on ${day(summary.finished)}` : '';
    // A code block is never wrapped, so the command stays one line to copy, however long its --lessons path.
    await port.say(`You finished ${lesson.id}${when}; here is how it went. To start over, run:\n\n\`\`\`\n${opts.restartCommand}\n\`\`\``);
  } else if (summary.settled > 0 || drafts.size > 0 || tries.size > 0) {
    await port.say(resumeLine(summary));
  }

  return {
    learner,
    previous: previousOutcomes(progress, lesson.id, lesson),
    tries,
    onTry: async (stepId, t) => {
      const { notice } = await store.saveTries(lesson.id, stepId, t);
      if (notice) port.warn(notice);
    },
    onSettled: settleRecorder(store, lesson.id, { onNotice: port.warn }),
    drafts,
    onDraft: async (stepId, answer) => {
      const { notice } = await store.saveDraft(lesson.id, stepId, answer);
      if (notice) port.warn(notice);
    },
    finished: async (result) => {
      // Walked to the end just now (not merely shown again): that is when it was finished.
      if (wasComplete || result.outcomes.length < lesson.steps.length) return;
      const { notice } = await store.finish(lesson.id);
      if (notice) port.warn(notice);
    },
  };
}
