import { describe, expect, it } from 'vitest';
import type { StepOutcome } from '../../src/lesson/outcome.js';
import { lessonResult, showSummary } from '../../src/tutor/result.js';
import { ScriptedPrompter } from '../helpers/scripted-prompter.js';
import { tutorLesson } from './lesson-fixture.js';

const o = (stepId: string, type: StepOutcome['type'], status: StepOutcome['status'], attempts = 1): StepOutcome => ({
  stepId,
  type,
  status,
  attempts,
  firstTry: status === 'right' && attempts === 1,
  revealed: status !== 'right' && status !== 'seen',
});

describe('lessonResult', () => {
  it('counts right at the first try out of all questions; unsettled questions are neither right nor missed', () => {
    const r = lessonResult(
      tutorLesson(),
      new Map([
        ['intro', o('intro', 'explain', 'seen', 0)],
        ['q-image', o('q-image', 'choice', 'right')],
      ]),
    );
    expect(r.score).toEqual({ right: 1, questions: 4 });
    expect(r.missed).toEqual([]);
    expect(r.outcomes.map((x) => x.stepId)).toEqual(['intro', 'q-image']);
  });

  it('maps the corrects of missed questions to misconceptions, once each, in lesson order', () => {
    const r = lessonResult(
      tutorLesson(),
      new Map([
        ['first-pod', o('first-pod', 'manifest', 'skipped', 0)],
        ['q-pod', o('q-pod', 'multi', 'right', 2)],
        ['q-image', o('q-image', 'choice', 'wrong', 2)],
      ]),
    );
    expect(r.missed.map((m) => m.stepId)).toEqual(['q-image', 'q-pod', 'first-pod']);
    expect(r.misconceptions.map((m) => m.number)).toEqual([1, 2]);
  });
});

describe('showSummary', () => {
  it('shows the score line, the missed questions with answer and explanation, and misconceptions (what comes next: ./next-lesson.test.ts)', async () => {
    const lesson = tutorLesson();
    const p = new ScriptedPrompter([]);
    await showSummary(
      p,
      lessonResult(
        lesson,
        new Map([
          ['q-pod', o('q-pod', 'multi', 'skipped', 0)],
          ['q-cli', o('q-cli', 'text', 'right')],
        ]),
      ),
    );
    expect(p.shown).toEqual([
      'Lesson done: A tiny lesson',
      'Score: 1/4',
      '1 right at the first try, 1 skipped.',
      'Not right at the first try:\n\n- Which are true of a Pod? (skipped)\n  - Answer: It can hold several containers\n  - Answer: Its containers share an IP\n  - A Pod groups containers.',
      'Worth another look:\n\n- You may still think: "A Pod is a container."\n  - A Pod is a group of containers that share a network namespace.',
    ]);
  });

  it('a manifest task is summed up by its first line', async () => {
    const lesson = tutorLesson();
    const step = lesson.steps.find((s) => s.id === 'first-pod')!;
    if (step.type === 'manifest') step.task = 'Write a Pod.\n\nIt should be named web.';
    const p = new ScriptedPrompter([]);
    await showSummary(p, lessonResult(lesson, new Map([['first-pod', o('first-pod', 'manifest', 'wrong', 2)]])));
    expect(p.shown[3]).toBe('Not right at the first try:\n\n- Write a Pod. … (missed)\n  - That is a Pod.');
  });
});
