/** The end of a lesson: the result from the settled steps, and how it reads. */
import type { Lesson } from '../lesson/schema.js';
import { rightAnswers } from './answers.js';
import type { HeldMisconception, LessonResult, MissedQuestion, StepOutcome } from '../lesson/outcome.js';
import type { Prompter } from './prompter.js';

/**
 * The score counts questions right at the first try; every other question
 * is missed, and the misconceptions its `corrects` points at are still held.
 * Outcomes of steps no longer in the lesson are ignored.
 */
export function lessonResult(lesson: Lesson, outcomes: ReadonlyMap<string, StepOutcome>): LessonResult {
  const missed: MissedQuestion[] = [];
  const held = new Set<number>();
  let questions = 0;
  let right = 0;
  const settled: StepOutcome[] = [];
  for (const step of lesson.steps) {
    const outcome = outcomes.get(step.id);
    if (outcome) settled.push(outcome);
    if (step.type === 'explain') continue;
    questions++;
    if (outcome?.status === 'right' && outcome.firstTry) {
      right++;
      continue;
    }
    if (!outcome) continue;
    missed.push({
      stepId: step.id,
      question: step.type === 'manifest' ? step.task : step.question,
      rightAnswers: rightAnswers(step),
      explanation: step.explanation,
    });
    for (const n of step.corrects ?? []) held.add(n);
  }
  const misconceptions: HeldMisconception[] = (lesson.misconceptions ?? [])
    .filter((m) => held.has(m.number))
    .map(({ number, claim, correction }) => ({ number, claim, correction }));
  return {
    lessonId: lesson.id,
    title: lesson.title,
    score: { right, questions },
    missed,
    misconceptions,
    next: lesson.next,
    outcomes: settled,
  };
}

/** The summary, shown through the port so both front ends print it their way. */
export async function showSummary(prompter: Prompter, result: LessonResult): Promise<void> {
  await prompter.show(`Lesson done: ${result.title}`, 'heading');
  const { right, questions } = result.score;
  await prompter.show(`Score: ${right}/${questions}`, right === questions ? 'right' : 'plain');
  if (result.missed.length > 0) {
    const items = result.missed.map((m) => {
      const lines = [`- ${firstLine(m.question)}`];
      for (const answer of m.rightAnswers) lines.push(`  - Answer: ${answer}`);
      if (m.explanation) lines.push(`  - ${m.explanation.replace(/\s*\n\s*/g, ' ')}`);
      return lines.join('\n');
    });
    await prompter.show(`Not right at the first try:\n\n${items.join('\n')}`);
  }
  if (result.misconceptions.length > 0) {
    // Neutral wording: some corrections say the simple picture is partly right.
    const items = result.misconceptions.map((m) => `- "${m.claim}"\n  - ${m.correction.replace(/\s*\n\s*/g, ' ')}`);
    await prompter.show(`Worth another look:\n\n${items.join('\n')}`, 'hint');
  }
  if (result.next) await prompter.show(`Next: ${result.next}`, 'note');
}

/** Multi-line questions (manifest tasks) are summed up by their first line. */
function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line === text.trim() ? line : `${line} …`;
}
