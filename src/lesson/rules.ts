/**
 * What the schema cannot say about a lesson: rules across fields and steps.
 * Each rule returns the path of the offending node, so the loader can point
 * at it; for a duplicate, that is the second occurrence.
 */
import { parseAllDocuments } from 'yaml';
import { allowProblem, expectProblem } from '../kubectl/index.js';
import type { CompilePattern } from '../text/pattern.js';
import { parseFieldPath } from './field-path.js';
import { guessable, patternRules, revealingAnswer, rightAnswerTexts } from './question-rules.js';
import { RESERVED_IDS } from './reserved-ids.js';
import type { Lesson } from './schema.js';

export interface RuleViolation {
  path: PropertyKey[];
  message: string;
  /** Point at the key itself rather than its value. */
  atKey?: boolean;
  /** A warning does not make lint fail: the lesson works, but may teach less than it could. */
  severity?: 'warning';
  /** Point this many characters into the (one-line) text value, at the word at fault. */
  offset?: number;
}

/** Lesson ids a learner could not reach because a command has that name. */
export { RESERVED_IDS };

const OPERATORS = ['equals', 'matches', 'contains', 'exists', 'absent'] as const;

/**
 * `compile`: the pattern engine, given when the lesson has patterns (its
 * loading costs milliseconds a lesson without them should not pay).
 */
export function checkRules(lesson: Lesson, compile?: CompilePattern): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (RESERVED_IDS.includes(lesson.id)) {
    out.push({ path: ['id'], message: `lesson id "${lesson.id}" is also a kube-learn command; choose another` });
  }

  const numbers = new Set<number>();
  lesson.misconceptions?.forEach((m, i) => {
    if (numbers.has(m.number))
      out.push({ path: ['misconceptions', i, 'number'], message: `misconception number ${m.number} is used twice` });
    numbers.add(m.number);
  });

  const seen = new Set<string>();
  lesson.steps.forEach((step, i) => {
    const at = (...rest: PropertyKey[]): PropertyKey[] => ['steps', i, ...rest];
    if (seen.has(step.id)) out.push({ path: at('id'), message: `step id "${step.id}" is used twice in this lesson` });
    seen.add(step.id);

    step.corrects?.forEach((n, j) => {
      if (!numbers.has(n))
        out.push({ path: at('corrects', j), message: `corrects ${n}, but the lesson's misconceptions have no number ${n}` });
    });

    if (step.type === 'choice' || step.type === 'multi') {
      const correct: number[] = [];
      for (const [j, c] of step.choices.entries()) if (c.correct) correct.push(j);
      if (step.type === 'choice' && correct.length === 0)
        out.push({ path: at('choices'), message: 'a choice question needs exactly one correct choice; none is marked correct: true' });
      if (step.type === 'choice' && correct.length > 1) {
        out.push({
          path: at('choices', correct[1]!, 'correct'),
          message: 'a choice question has exactly one correct choice; this is the second (use type: multi for several)',
        });
      }
      if (step.type === 'multi' && correct.length === 0)
        out.push({ path: at('choices'), message: 'a multi question needs at least one correct choice' });
      const texts = new Set<string>();
      step.choices.forEach((c, j) => {
        const key = c.text.trim().toLowerCase();
        if (texts.has(key)) out.push({ path: at('choices', j, 'text'), message: `choice "${c.text}" appears twice` });
        texts.add(key);
      });
      out.push(...guessable(step, at));
    }

    if (step.type === 'text' && step.accept_pattern !== undefined && compile)
      out.push(...patternRules(step.accept_pattern, step.accept, at, compile));

    if (step.type !== 'explain' && step.hint !== undefined) {
      const given = revealingAnswer(step.hint, rightAnswerTexts(step));
      if (given) out.push({ path: at('hint'), message: `the hint gives the answer away: it contains "${given}"` });
    }

    if (step.type === 'command') {
      // Read with the same reader that judges answers: what lint passes, the tutor understands.
      step.expect.forEach((line, j) => {
        const problem = expectProblem(line);
        if (problem) out.push({ path: at('expect', j), message: problem.message, offset: problem.start });
      });
      step.allow?.forEach((entry, j) => {
        const problem = allowProblem(step.expect, entry);
        if (problem) out.push({ path: at('allow', j), message: problem });
      });
    }

    if (step.type === 'manifest') {
      // Parsing the solution is the costly part of these rules: only for a check that names a kind.
      const kinds = step.checks.some((c) => c.kind !== undefined) ? solutionKinds(step.solution) : undefined;
      step.checks.forEach((check, j) => {
        if (check.kind !== undefined && kinds && !kinds.includes(check.kind)) {
          out.push({
            path: at('checks', j, 'kind'),
            message: `check kind "${check.kind}" is not the kind of an object in this step's solution${kinds.length ? ` (it has ${kinds.join(', ')})` : ''}`,
          });
        }
        const used = OPERATORS.filter((op) => check[op] !== undefined);
        if (used.length !== 1) {
          out.push({
            path: at('checks', j),
            message: `a check needs exactly one of ${OPERATORS.join(', ')}; this one has ${used.length ? used.join(' and ') : 'none'}`,
          });
        }
        const path = parseFieldPath(check.path);
        if (!path.ok) out.push({ path: at('checks', j, 'path'), message: `check path "${check.path}": ${path.error}` });
        const compiled = check.matches !== undefined ? compile?.(check.matches) : undefined;
        if (compiled && !compiled.ok) out.push({ path: at('checks', j, 'matches'), message: compiled.error });
      });
    }
  });
  return out;
}

/** The kinds of the objects a solution holds; undefined when it cannot be read (then the rule has nothing to say). */
function solutionKinds(solution: string): string[] | undefined {
  try {
    const docs = parseAllDocuments(solution, { version: '1.1' });
    if (!Array.isArray(docs) || docs.some((doc) => doc.errors.length > 0)) return undefined;
    return docs.flatMap((doc) => {
      const kind: unknown = doc.get('kind');
      return typeof kind === 'string' ? [kind] : [];
    });
  } catch {
    return undefined;
  }
}
