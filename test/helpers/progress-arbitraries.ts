/** Random progress data (fast-check), as the progress format can hold it. */
import fc from 'fast-check';
import { STEP_STATUSES } from '../../src/lesson/outcome.js';
import { CARD_STATES, type Progress, type ReviewCard, type StepRecord } from '../../src/progress/types.js';

export const iso = fc.integer({ min: 0, max: 4102444800000 }).map((t) => new Date(t).toISOString());
/** Ids as files may hold them: any text, ids JSON orders first (array indices), ids that are object internals. */
export const id = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.nat(20).map(String),
  fc.constantFrom('__proto__', 'constructor', '01'),
);
export const step: fc.Arbitrary<StepRecord> = fc
  .record({
    type: fc.constantFrom('explain', 'choice', 'multi', 'text', 'manifest'),
    status: fc.constantFrom(...STEP_STATUSES),
    attempts: fc.nat(5),
    firstTry: fc.boolean(),
    revealed: fc.boolean(),
    answer: fc.option(fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })), { nil: undefined }),
    settledAt: iso,
    spentMs: fc.nat(),
  })
  .map(({ answer, ...r }) => (answer === undefined ? r : { ...r, answer }));
export const card: fc.Arbitrary<ReviewCard> = fc
  .record({
    type: fc.constantFrom('choice', 'multi', 'text', 'command', 'manifest'),
    due: iso,
    stability: fc.double({ min: 0, max: 36500, noNaN: true }),
    difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
    scheduledDays: fc.nat(36500),
    learningSteps: fc.nat(3),
    reps: fc.nat(100),
    lapses: fc.nat(100),
    state: fc.constantFrom(...CARD_STATES),
    lastReview: fc.option(iso, { nil: undefined }),
  })
  .map(({ lastReview, ...c }) => (lastReview === undefined ? c : { ...c, lastReview }));
const lessons = fc.array(
  fc.tuple(
    id,
    fc.record({
      started: iso,
      updated: iso,
      finished: fc.option(iso, { nil: undefined }),
      steps: fc.array(fc.tuple(id, step), { maxLength: 5 }),
      drafts: fc.array(fc.tuple(id, fc.record({ answer: fc.string(), savedAt: iso })), { maxLength: 2 }),
      tries: fc.array(
        fc.tuple(
          id,
          fc.record({
            attempts: fc.nat(5),
            picks: fc.array(fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })), { maxLength: 3 }),
            savedAt: iso,
          }),
        ),
        { maxLength: 2 },
      ),
      cards: fc.array(fc.tuple(id, card), { maxLength: 3 }),
    }),
  ),
  { maxLength: 4 },
);
export const learner = fc.stringMatching(/^[0-9a-f]{16}$/);
export const progress: fc.Arbitrary<Progress> = fc.tuple(lessons, fc.option(learner, { nil: undefined })).map(([lessons, learner]) => ({
  ...(learner === undefined ? {} : { learner }),
  lessons: new Map(
    lessons.map(([lessonId, { finished, steps, drafts, tries, cards, ...l }]) => [
      lessonId,
      {
        ...l,
        ...(finished === undefined ? {} : { finished }),
        steps: new Map(steps),
        drafts: new Map(drafts),
        tries: new Map(tries),
        cards: new Map(cards),
      },
    ]),
  ),
}));
