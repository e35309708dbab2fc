/**
 * Walking one question to its settled state, the same for every type:
 * answer, hint, skip or quit; "not quite" and one more try; the right answer
 * after the second miss. What differs per type is an Asker.
 */
import { Cancelled } from '../errors.js';
import type { StepOutcome } from '../lesson/outcome.js';
import type { QuestionStep } from '../lesson/schema.js';
import type { Prompter, Question, Reply } from './prompter.js';
import type { Settled } from './step-kind.js';

export type Verdict = { right: boolean; feedback?: string } | { invalid: string };

/** What differs between the kinds of question. */
export interface Asker<T> {
  text: string;
  ask(q: Question): Promise<Reply<T>>;
  judge(value: T): Promise<Verdict>;
  /** The answer as the progress file keeps it. */
  record(value: T): string | string[];
  /** Shows the right answer (on skip, or when the tries are used up). */
  reveal(lead: string): Promise<void>;
  /** Manifests: after the second miss, offer the solution rather than show it. */
  offerSolution?: boolean;
}

export async function settle<T>(p: Prompter, step: QuestionStep, asker: Asker<T>): Promise<{ outcome: StepOutcome; last?: T }> {
  let attempts = 0;
  let last: T | undefined;
  const outcome = (status: StepOutcome['status'], revealed: boolean): { outcome: StepOutcome; last?: T } => ({
    outcome: {
      stepId: step.id,
      type: step.type,
      status,
      attempts,
      firstTry: status === 'right' && attempts === 1,
      revealed,
      ...(last === undefined ? {} : { answer: asker.record(last) }),
    },
    last,
  });
  for (;;) {
    const reply = await asker.ask({ stepId: step.id, text: asker.text, hasHint: step.hint !== undefined, attempt: attempts + 1 });
    if (reply.kind === 'quit') throw new Cancelled('quit', 'Quit');
    if (reply.kind === 'hint') {
      await p.show(step.hint ? `Hint: ${step.hint}` : 'No hint for this one.', 'hint');
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
    last = reply.value;
    if (verdict.feedback) await p.show(verdict.feedback, verdict.right ? 'plain' : 'wrong');
    if (verdict.right) {
      await p.show('Right!', 'right');
      return outcome('right', false);
    }
    if (attempts === 1 || (asker.offerSolution && !(await p.confirm('Show the solution?', true)))) {
      await p.show(attempts === 1 ? 'Not quite. Try once more.' : 'Then try once more.', 'wrong');
      if (step.hint) await p.show(`Hint: ${step.hint}`, 'hint');
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
    await p.show(answers.length === 1 ? `${lead} The answer: ${answers[0]}` : `${lead} The answers:\n\n${answers.map((a) => `- ${a}`).join('\n')}`, 'note');
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
export async function askLine(p: Prompter, step: QuestionStep & { question: string }, judge: LineJudge): Promise<Settled> {
  const { outcome } = await settle<string>(p, step, {
    text: step.question,
    ask: (q) => p.askText(q),
    judge: async (answer) => (answer.trim() === '' ? { invalid: judge.empty } : judge.judge(answer)),
    record: (answer) => answer.trim(),
    reveal: revealAnswers(p, judge.rightAnswers),
  });
  return { outcome, afterword: afterword(step) };
}
