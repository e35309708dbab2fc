/**
 * Rules about a question's fairness, beyond its form: a learner should not be
 * able to pass it without understanding (by position, by length, by reading the
 * hint), and every wrong pick deserves its reason.
 */
import type { CompilePattern } from '../text/pattern.js';
import type { RuleViolation } from './rules.js';
import type { ChoiceStep, MultiStep, QuestionStep } from './schema.js';

type At = (...rest: PropertyKey[]) => PropertyKey[];

/** How much longer than every wrong option a right one may be before its length gives it away. */
const GIVEAWAY_RATIO = 1.5;
/** ...and by at least this many characters: "The container runtime" against "The scheduler" gives nothing away. */
const GIVEAWAY_MIN_EXTRA = 20;

export function guessable(step: ChoiceStep | MultiStep, at: At): RuleViolation[] {
  const out: RuleViolation[] = [];
  step.choices.forEach((c, j) => {
    if (!c.correct && c.why === undefined) {
      out.push({
        path: at('choices', j),
        message: `option "${c.text}" is wrong but has no "why": say what a learner who picks it has misunderstood`,
      });
    }
  });
  if (step.shuffle === false && step.choices[0]?.correct) {
    out.push({
      path: at('shuffle'),
      severity: 'warning',
      message: 'shuffle: false keeps a right option first, where a learner who always picks 1 finds it',
    });
  }
  const wrong = step.choices.filter((c) => !c.correct).map((c) => c.text.length);
  const longestWrong = Math.max(...wrong);
  step.choices.forEach((c, j) => {
    if (
      c.correct &&
      wrong.length > 0 &&
      c.text.length > longestWrong * GIVEAWAY_RATIO &&
      c.text.length - longestWrong >= GIVEAWAY_MIN_EXTRA
    ) {
      out.push({
        path: at('choices', j, 'text'),
        severity: 'warning',
        message: `this right option is by far the longest (${c.text.length} characters, the longest wrong one ${longestWrong}): its length gives it away`,
      });
    }
  });
  return out;
}

export function patternRules(pattern: string, accept: readonly string[], at: At, compile: CompilePattern): RuleViolation[] {
  const compiled = compile(pattern, { whole: true, ignoreCase: true });
  if (!compiled.ok) return [{ path: at('accept_pattern'), message: compiled.error }];
  return accept.flatMap((a, j) =>
    compiled.pattern.test(a.trim().replace(/\s+/g, ' '))
      ? []
      : [{ path: at('accept', j), message: `"${a}" is accepted but does not match accept_pattern; one of them is wrong` }],
  );
}

/** The texts a hint must not contain: the right options, the accepted answers, the expected commands. */
export function rightAnswerTexts(step: QuestionStep): string[] {
  switch (step.type) {
    case 'choice':
    case 'multi':
      return step.choices.filter((c) => c.correct).map((c) => c.text);
    case 'text':
      return step.accept;
    case 'command':
      return step.expect;
    case 'manifest':
      return [];
  }
}

// ASCII text is its own NFC form: ICU's normalisation is skipped for it (fold was ~24 ms of a CPU profile of a cold lint of the bench's pack, under load).
const fold = (text: string) => (/[^\x00-\x7f]/.test(text) ? text.normalize('NFC') : text).toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The right answer a hint spells out, if any. Very short answers ("Yes",
 * "80") are left alone: a hint may use such a word without giving anything away.
 */
export function revealingAnswer(hint: string, answers: readonly string[]): string | undefined {
  const folded = fold(hint);
  return answers.find((a) => {
    const answer = fold(a);
    if (answer.length < 8 || !answer.includes(' ')) return false;
    const i = folded.indexOf(answer);
    return i !== -1 && !/\w/.test(folded[i - 1] ?? '') && !/\w/.test(folded[i + answer.length] ?? '');
  });
}
