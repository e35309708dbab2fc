/** The end of a lesson: the result from the settled steps, and how it reads. */
import type { HeldMisconception, LessonResult, MissedQuestion, StepOutcome } from '../lesson/outcome.js';
import type { Lesson } from '../lesson/schema.js';
import { SCORE_WORDS, scoreBreakdown, scoreOf, stillApplies, tally } from '../lesson/score.js';
import type { Prompter } from './prompter.js';
import { kindOf } from './step-kinds.js';

/**
 * The score counts questions right at the first try; every other question
 * is missed, and the misconceptions its `corrects` points at are still held.
 * Outcomes of steps no longer in the lesson are ignored.
 */
export function lessonResult(lesson: Lesson, outcomes: ReadonlyMap<string, StepOutcome>): LessonResult {
  const { right, questions, missed: missedIds, byScore } = tally(lesson.steps, (id) => outcomes.get(id));
  const missed: MissedQuestion[] = [];
  const held = new Set<number>();
  for (const step of lesson.steps) {
    if (step.type === 'explain' || !missedIds.includes(step.id)) continue;
    const kind = kindOf(step);
    const how = scoreOf(outcomes.get(step.id)!);
    missed.push({
      stepId: step.id,
      question: kind.question(step) ?? '',
      rightAnswers: kind.rightAnswers(step),
      explanation: step.explanation,
      ...(how === 'right-first-try' ? {} : { how }),
    });
    for (const n of step.corrects ?? []) held.add(n);
  }
  const settled = lesson.steps.flatMap((step) => {
    const outcome = outcomes.get(step.id);
    return stillApplies(step, outcome) ? [outcome] : [];
  });
  const misconceptions: HeldMisconception[] = (lesson.misconceptions ?? [])
    .filter((m) => held.has(m.number))
    .map(({ number, claim, correction }) => ({ number, claim, correction }));
  return {
    lessonId: lesson.id,
    title: lesson.title,
    score: { right, questions },
    byScore,
    missed,
    misconceptions,
    next: lesson.next,
    outcomes: settled,
  };
}

/** The summary, shown through the port so both front ends print it their way; what comes next is ./next-lesson.ts. */
export async function showSummary(prompter: Prompter, result: LessonResult): Promise<void> {
  await prompter.show(`Lesson done: ${result.title}`, 'heading');
  const { right, questions } = result.score;
  await prompter.show(`Score: ${right}/${questions}`, right === questions ? 'right' : 'plain');
  if (result.byScore) await prompter.show(`${scoreBreakdown(result.byScore)}.`);
  if (result.missed.length > 0) {
    const items = result.missed.map((m) => {
      const lines = [`- ${firstLine(m.question)}${m.how ? ` (${SCORE_WORDS[m.how]})` : ''}`];
      for (const answer of m.rightAnswers) lines.push(`  - Answer: ${answer}`);
      if (m.explanation) lines.push(`  - ${m.explanation.replace(/\s*\n\s*/g, ' ')}`);
      return lines.join('\n');
    });
    await prompter.show(`Not right at the first try:\n\n${items.join('\n')}`);
  }
  if (result.misconceptions.length > 0) {
    // Named by the claim, in the learner's words, so it reads as the picture to look at again, not as a fact; the correction follows.
    const items = result.misconceptions.map((m) => `- You may still think: "${m.claim}"\n  - ${m.correction.replace(/\s*\n\s*/g, ' ')}`);
    await prompter.show(`Worth another look:\n\n${items.join('\n')}`, 'hint');
  }
}

/** Multi-line questions (manifest tasks) are summed up by their first line. */
function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line === text.trim() ? line : `${line} …`;
}
