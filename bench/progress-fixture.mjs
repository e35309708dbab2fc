// A learner's progress file for the bench: the built-in course (from
// dist/lessons/) with every lesson settled but day4, which is settled
// to half way, so `day4 --plain` resumes at a question. Every settled
// question has a review card (format 3), some of them due now, so a lesson
// start counts them and prints the due line: the worst case for the first
// prompt. `format: 2` writes the same file without cards, as the previous
// release wrote it, to measure that release against it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readLessons } from './fixtures.mjs';

const DAY = 86_400_000;
const STATUSES = ['right', 'right', 'right', 'wrong', 'skipped', 'right'];

export function writeProgressFile(file, builtLessons, { format = 3, now = Date.now() } = {}) {
  const lessons = readLessons(builtLessons);
  const doc = { version: format, learner: '5f0c2a9e7b3d4e61', lessons: {} };
  lessons.forEach((lesson, l) => {
    const at = (n) => new Date(now - (lessons.length - l) * 3 * DAY + n * 60_000).toISOString();
    const settled = lesson.id === 'day4' ? lesson.steps.slice(0, Math.floor(lesson.steps.length / 2)) : lesson.steps;
    const steps = {};
    const cards = {};
    settled.forEach((step, n) => {
      const status = step.type === 'explain' ? 'seen' : STATUSES[n % STATUSES.length];
      steps[step.id] = {
        type: step.type,
        status,
        attempts: status === 'seen' || status === 'skipped' ? 0 : status === 'wrong' ? 2 : 1,
        firstTry: status === 'right',
        revealed: status === 'wrong' || status === 'skipped',
        ...(status === 'seen' || status === 'skipped' ? {} : { answer: `an answer to ${step.id}` }),
        settledAt: at(n),
        spentMs: 45_000,
      };
      if (step.type === 'explain') return;
      // Due dates spread from a week ago to three weeks ahead: a fair share due now.
      const due = new Date(now + ((n * 7) % 28) * DAY - 7 * DAY).toISOString();
      cards[step.id] = {
        type: step.type,
        due,
        stability: 3.1733 + n / 10,
        difficulty: 5.28853,
        scheduledDays: 3,
        learningSteps: 0,
        reps: 1 + (n % 3),
        lapses: status === 'right' ? 0 : 1,
        state: 'review',
        lastReview: at(n),
      };
    });
    const record = { started: at(0), updated: at(settled.length), steps, tries: {} };
    if (lesson.id !== 'day4') record.finished = at(settled.length);
    if (format >= 3) record.cards = cards;
    doc.lessons[lesson.id] = record;
  });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`, { mode: 0o600 });
  return file;
}
