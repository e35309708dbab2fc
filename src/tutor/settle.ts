/**
 * Walking one question to its settled state, the same for every type:
 * answer, hint, skip or quit; "not quite" and one more try; the right answer
 * after the second miss. What differs per type is an Asker.
 */
import { Cancelled } from '../errors.js';
import type { StepOutcome } from '../lesson/outcome.js';
import type { QuestionStep } from '../lesson/schema.js';
import type { Prompter, Question, Reply } from './prompter.js';
import type { Settled, WalkContext } from './step-kind.js';

export type Verdict = { right: boolean; feedback?: string } | { invalid: string };

/** What differs between the kinds of question. */
export interface Asker<T> {
  text: string;
  ask(q: Question): Promise<Reply<T>>;
  judge(value: T): Promise<Verdict>;
  /** The answer as the progress file keeps it. */
  record(value: T): string | string[];
  /** What to say about a wrong answer when another try follows (the `why` of a wrong option). */
  whyWrong?(value: T): string | undefined;
  /** Shows the right answer (on skip, or when the tries are used up). */
  reveal(lead: string): Promise<void>;
  /** Manifests: after the second miss, offer the solution rather than show it. */
  offerSolution?: boolean;
}

/** How a question ended, and every answer given along the way (earlier runs' first), as stored. */
export interface SettledAnswers {
  outcome: StepOutcome;
  picks: readonly (string | readonly string[])[];
}

export async function settle<T>(
  p: Prompter,
  step: QuestionStep,
  asker: Asker<T>,
  ctx: Pick<WalkContext, 'earlier' | 'saveTries' | 'reread' | 'once'> = {},
): Promise<SettledAnswers> {
  let attempts = ctx.earlier?.attempts ?? 0;
  const picks: (string | readonly string[])[] = [...(ctx.earlier?.picks ?? [])];
  let hintShown = false;
  const outcome = (status: StepOutcome['status'], revealed: boolean): SettledAnswers => {
    const last = picks.at(-1);
    return {
      outcome: {
        stepId: step.id,
        type: step.type,
        status,
        attempts,
        firstTry: status === 'right' && attempts === 1,
        revealed,
        ...(last === undefined ? {} : { answer: typeof last === 'string' ? last : [...last] }),
        // Only where it changes the review rating: a later try already rates Hard.
        ...(hintShown && status === 'right' && attempts === 1 ? { hinted: true as const } : {}),
      },
      picks,
    };
  };
  for (;;) {
    const reply = await asker.ask({
      stepId: step.id,
      text: asker.text,
      hasHint: step.hint !== undefined,
      attempt: attempts + 1,
      canReread: ctx.reread !== undefined,
    });
    if (reply.kind === 'quit') throw new Cancelled('quit', 'Quit');
    if (reply.kind === 'reread') {
      if (ctx.reread) await ctx.reread();
      else await p.show('No explanation before this question.', 'note');
      continue;
    }
    if (reply.kind === 'hint') {
      await p.show(step.hint ? `Hint: ${step.hint}` : 'No hint for this one.', 'hint');
      hintShown = hintShown || step.hint !== undefined;
      continue;
    }
    if (reply.kind === 'skip') {
      await asker.reveal('Skipped.');
      return outcome('skipped', true);
    }
    const verdict = await asker.judge(reply.value);
    if ('invalid' in verdict) {
      await p.show(verdict.invalid, 'note');
      continue;
    }
    attempts++;
    picks.push(asker.record(reply.value));
    if (verdict.feedback) await p.show(verdict.feedback, verdict.right ? 'plain' : 'wrong');
    if (verdict.right) {
      await p.show('Right!', 'right');
      return outcome('right', false);
    }
    if (ctx.once) {
      await asker.reveal('Not quite.');
      return outcome('wrong', true);
    }
    if (attempts === 1 || (asker.offerSolution && !(await p.confirm('Show the solution?', true)))) {
      // Saved before the next prompt: quitting now keeps this try.
      await ctx.saveTries?.(step.id, { attempts, picks });
      await p.show(attempts === 1 ? 'Not quite. Try once more.' : 'Then try once more.', 'wrong');
      const why = asker.whyWrong?.(reply.value);
      if (why) await p.show(why, 'wrong');
      if (step.hint && !hintShown) await p.show(`Hint: ${step.hint}`, 'hint');
      hintShown = hintShown || step.hint !== undefined;
      continue;
    }
    await asker.reveal('Not quite.');
    return outcome('wrong', true);
  }
}

/** The afterword of a question: what its type adds (the `why`s), then its explanation. */
export function afterword(step: QuestionStep, extra?: string): string[] {
  return [extra, step.explanation].filter((t): t is string => t !== undefined);
}

/** Shows the right answer(s) after `lead` ("Skipped.", "Not quite."). */
export function revealAnswers(p: Prompter, answers: readonly string[]) {
  return async (lead: string): Promise<void> => {
    await p.show(
      answers.length === 1 ? `${lead} The answer: ${answers[0]}` : `${lead} The answers:\n\n${answers.map((a) => `- ${a}`).join('\n')}`,
      'note',
    );
  };
}

/** What a one-line question needs besides its step: the text and command types, and any type typed on one line. */
export interface LineJudge {
  /** What to say to an empty line ("Type an answer."). */
  empty: string;
  /** The verdict on a non-empty line; `feedback` says what was wrong (or right) with it. */
  judge(answer: string): { right: boolean; feedback?: string } | Promise<{ right: boolean; feedback?: string }>;
  rightAnswers: readonly string[];
}

/** A question answered with one line of text, stored trimmed. */
export async function askLine(
  p: Prompter,
  step: QuestionStep & { question: string },
  judge: LineJudge,
  ctx: WalkContext,
): Promise<Settled> {
  const { outcome } = await settle<string>(
    p,
    step,
    {
      text: step.question,
      ask: (q) => p.askText(q),
      judge: async (answer) => (answer.trim() === '' ? { invalid: judge.empty } : judge.judge(answer)),
      record: (answer) => answer.trim(),
      reveal: revealAnswers(p, judge.rightAnswers),
    },
    ctx,
  );
  return { outcome, afterword: afterword(step) };
}
