/**
 * Walking one question to its settled state: answer, hint, skip or quit;
 * "not quite" and one more try; the right answer after the second miss.
 */
import { Cancelled } from '../errors.js';
import type { ChoiceStep, CommandStep, ManifestStep, MultiStep, QuestionStep, TextStep } from '../lesson/schema.js';
import { isRightChoice, isRightCommand, isRightMulti, isRightText, rightAnswers } from './answers.js';
import { problemList, type CheckManifest } from './manifest-step.js';
import type { StepOutcome } from './outcome.js';
import type { Prompter, Question, Reply } from './prompter.js';
import { fenced } from './render.js';

type Verdict = { right: boolean; feedback?: string } | { invalid: string };

/** What differs between the kinds of question. */
interface Asker<T> {
  text: string;
  ask(q: Question): Promise<Reply<T>>;
  judge(value: T): Promise<Verdict>;
  record(value: T): string | string[];
  /** Shows the right answer (on skip, or when the tries are used up). */
  reveal(lead: string): Promise<void>;
  /** Manifests: after the second miss, offer the solution rather than show it. */
  offerSolution?: boolean;
}

export interface Settled {
  outcome: StepOutcome;
  /** What to show once the outcome is reported: the `why`s and the explanation. */
  afterword: string[];
}

async function settle<T>(p: Prompter, step: QuestionStep, asker: Asker<T>): Promise<{ outcome: StepOutcome; last?: T }> {
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

/** The `why` of the options the learner chose, and of the right ones when they were shown. */
function whys(step: ChoiceStep | MultiStep, chosen: readonly number[], revealed: boolean): string | undefined {
  const items = step.choices
    .map((c, i) => ({ ...c, i }))
    .filter((c) => c.why && (chosen.includes(c.i) || (revealed && c.correct)))
    .map((c) => `- "${c.text}" is ${c.correct ? 'right' : 'wrong'}: ${c.why}`);
  return items.length > 0 ? items.join('\n') : undefined;
}

function afterword(step: QuestionStep, extra?: string): string[] {
  return [extra, step.explanation].filter((t): t is string => t !== undefined);
}

function revealAnswer(p: Prompter, step: QuestionStep) {
  return async (lead: string) => {
    const answers = rightAnswers(step);
    await p.show(answers.length === 1 ? `${lead} The answer: ${answers[0]}` : `${lead} The answers:\n\n${answers.map((a) => `- ${a}`).join('\n')}`, 'note');
  };
}

export async function askChoice(p: Prompter, step: ChoiceStep): Promise<Settled> {
  const options = step.choices.map((c) => c.text);
  const { outcome, last } = await settle<number>(p, step, {
    text: step.question,
    ask: (q) => p.chooseOne(q, options),
    judge: async (i) => (i in options ? { right: isRightChoice(step, i) } : { invalid: 'There is no such option.' }),
    record: (i) => options[i]!,
    reveal: revealAnswer(p, step),
  });
  return { outcome, afterword: afterword(step, whys(step, last === undefined ? [] : [last], outcome.revealed)) };
}

export async function askMulti(p: Prompter, step: MultiStep): Promise<Settled> {
  const options = step.choices.map((c) => c.text);
  const { outcome, last } = await settle<number[]>(p, step, {
    text: step.question,
    ask: (q) => p.chooseSome(q, options),
    judge: async (chosen) =>
      chosen.length === 0
        ? { invalid: 'Choose at least one option.' }
        : chosen.every((i) => i in options)
          ? { right: isRightMulti(step, chosen) }
          : { invalid: 'There is no such option.' },
    record: (chosen) => [...new Set(chosen)].sort((a, b) => a - b).map((i) => options[i]!),
    reveal: revealAnswer(p, step),
  });
  return { outcome, afterword: afterword(step, whys(step, last ?? [], outcome.revealed)) };
}

export async function askText(p: Prompter, step: TextStep): Promise<Settled> {
  const { outcome } = await settle<string>(p, step, {
    text: step.question,
    ask: (q) => p.askText(q),
    judge: async (answer) => (answer.trim() === '' ? { invalid: 'Type an answer.' } : { right: await isRightText(step, answer) }),
    record: (answer) => answer.trim(),
    reveal: revealAnswer(p, step),
  });
  return { outcome, afterword: afterword(step) };
}

export async function askCommand(p: Prompter, step: CommandStep): Promise<Settled> {
  const { outcome } = await settle<string>(p, step, {
    text: step.question,
    ask: (q) => p.askText(q),
    judge: async (answer) => (answer.trim() === '' ? { invalid: 'Type a command.' } : { right: isRightCommand(step, answer) }),
    record: (answer) => answer.trim(),
    reveal: revealAnswer(p, step),
  });
  return { outcome, afterword: afterword(step) };
}

/** A manifest written in an earlier run, and where to keep each new one. */
export interface ManifestDraft {
  initial?: string;
  save?: (stepId: string, answer: string) => void | Promise<void>;
}

export async function askManifest(p: Prompter, step: ManifestStep, check: CheckManifest, draft: ManifestDraft = {}): Promise<Settled> {
  await p.show(step.task);
  let current = draft.initial ?? step.starter ?? '';
  const { outcome } = await settle<string>(p, step, {
    text: 'Your manifest',
    ask: (q) => p.askLines(q, current),
    judge: async (text) => {
      if (text.trim() === '') return { invalid: 'The manifest is empty: nothing to check.' };
      current = text;
      await draft.save?.(step.id, text);
      const problems = await check(text, { checks: step.checks });
      const right = !problems.some((x) => x.severity === 'error');
      if (problems.length === 0) return { right };
      return { right, feedback: `${right ? 'It works, with warnings' : 'Problems found'}:\n\n${problemList(problems)}` };
    },
    record: (text) => text,
    reveal: async (lead) => {
      await p.show(`${lead} A solution:`, 'note');
      await p.show(fenced(step.solution));
    },
    offerSolution: true,
  });
  return { outcome, afterword: afterword(step) };
}
