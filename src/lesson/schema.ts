/**
 * The lesson file format: the one source of truth. Validation, the TypeScript
 * types (below) and `schema/lesson.schema.json` (made by `npm run schema`)
 * all come from these definitions; docs/lesson-format.md explains them.
 *
 * What a schema cannot say (unique step ids, exactly one correct choice, ...)
 * lives in `./rules.ts`.
 */
import { z } from 'zod';

/** The newest lesson format this build understands. */
export const LESSON_FORMAT = 1;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and "-", starting with a letter or digit')
  .max(64)
  .describe('Lowercase letters, digits and "-", starting with a letter or digit.');

const text = z.string().trim().min(1, 'must not be empty');

const markdown = text.describe('A Markdown subset: paragraphs, "- " bullets, `code` and fenced code blocks.');

const corrects = z.array(z.int().min(1)).min(1).describe("Numbers of the lesson's misconceptions this step corrects.").optional();

const hint = text.describe('Offered after a wrong answer, or when the learner asks for it.').optional();
const explanation = text.describe('Shown once the question is settled.').optional();
const title = text.describe('A short title, shown in the position line.').optional();

export const choice = z.strictObject({
  text: text.describe('The option as the learner sees it.'),
  correct: z.boolean().default(false).describe('Whether this option is right.'),
  why: text.describe('Why this option is right or wrong; every wrong option needs one.').optional(),
  pin: z.literal('last').describe('Keep this option last when the options are shuffled (for "none of the above").').optional(),
});

const shuffle = z.boolean().describe('Shuffle the options per learner (the default); false keeps the order written.').optional();

const skill = z
  .enum(['recall', 'predict', 'distinguish', 'diagnose', 'apply'])
  .describe('What the question asks the learner to do: recall a sentence just read, or predict, distinguish, diagnose, apply.')
  .optional();

export const explainStep = z.strictObject({
  id,
  type: z.literal('explain'),
  title: text.describe('The heading of the explanation.'),
  body: markdown,
  sources: z.array(z.url()).describe('Where the facts come from.').optional(),
  corrects,
});

const questionFields = {
  id,
  title,
  question: text.describe('The question, one or two sentences.'),
  hint,
  explanation,
  corrects,
  skill,
};

export const choiceStep = z.strictObject({
  ...questionFields,
  type: z.literal('choice'),
  choices: z.array(choice).min(2).describe('Exactly one is correct.'),
  shuffle,
});

export const multiStep = z.strictObject({
  ...questionFields,
  type: z.literal('multi'),
  choices: z.array(choice).min(2).describe('At least one is correct.'),
  shuffle,
});

export const textStep = z.strictObject({
  ...questionFields,
  type: z.literal('text'),
  accept: z.array(text).min(1).describe('Accepted answers, compared after trimming, collapsing inner spaces and ignoring case.'),
  accept_pattern: z
    .string()
    .describe('A regular expression (anchored at both ends) that also accepts an answer, for answers with free parts.')
    .optional(),
});

export const commandStep = z.strictObject({
  ...questionFields,
  type: z.literal('command'),
  expect: z.array(text).min(1).describe('The expected command(s), e.g. "kubectl get pods -n learn-lab -l app=web"; any one is right.'),
  allow: z.array(text).describe('Flags the learner may add without changing the meaning, e.g. [-o, --watch].').optional(),
});

/** A declarative check of the learner's manifest: a path and exactly one operator. */
export const manifestCheck = z.strictObject({
  kind: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a kind as Kubernetes spells it, like PersistentVolumeClaim')
    .describe('The object of a several-document answer this check is about: the first of this kind. Without it, the first document.')
    .optional(),
  path: text.describe('A field path such as spec.containers[0].image; [*] matches every item.'),
  equals: z.union([z.string(), z.number(), z.boolean()]).describe('The value at path equals this.').optional(),
  matches: z.string().describe('The value at path, as text, matches this regular expression.').optional(),
  contains: z
    .union([z.string(), z.number(), z.boolean()])
    .describe('One of the values at path (with [*]) or in the list at path equals this.')
    .optional(),
  exists: z.literal(true).describe('Something is set at path.').optional(),
  absent: z.literal(true).describe('Nothing is set at path.').optional(),
  message: text.describe('What to tell the learner when the check fails.').optional(),
  hint: text.describe('A hint for this check when it fails.').optional(),
});

export const manifestStep = z.strictObject({
  id,
  type: z.literal('manifest'),
  title,
  task: markdown.describe('What the learner is asked to write.'),
  starter: z.string().describe('Pre-filled text for the learner to start from.').optional(),
  checks: z.array(manifestCheck).describe('The lesson-specific checks, after the Kubernetes ones.').default([]),
  context: z
    .string()
    .describe(
      'Manifests the learner is assumed to have applied already (YAML, documents separated by ---); rules across objects see them, the learner does not fix them.',
    )
    .optional(),
  hint,
  solution: text.describe('A correct manifest, offered after two wrong attempts or on giving up.'),
  explanation,
  corrects,
});

export const step = z.discriminatedUnion('type', [explainStep, choiceStep, multiStep, textStep, commandStep, manifestStep]);

export const misconception = z.strictObject({
  number: z.int().min(1).describe('The number steps use in `corrects`.'),
  claim: text.describe('The simple picture, as learners meet it.'),
  correction: text.describe('The accurate picture, in one or two sentences.'),
});

export const lesson = z.strictObject({
  $schema: z.string().optional(),
  format: z
    .int()
    .min(1)
    .max(LESSON_FORMAT, `this lesson needs a newer kube-learn (it knows lesson format ${LESSON_FORMAT})`)
    .default(LESSON_FORMAT)
    .describe('The lesson format version; 1 today.'),
  id: id.describe('What the learner types: kube-learn <id>.'),
  title: text,
  summary: text.describe('One line, shown by `kube-learn list`.'),
  day: z.int().min(1).describe('Where the lesson stands in the course: lessons are listed by day.').optional(),
  next: text.describe('The id of the lesson that follows (e.g. day5), offered at the end.').optional(),
  misconceptions: z.array(misconception).describe('Simple pictures this lesson corrects; steps point at them with `corrects`.').optional(),
  steps: z.array(step).min(1).describe('Walked in order; step ids are unique in the lesson.'),
});

let compiledLesson: typeof lesson | undefined;

/**
 * The lesson schema compiled into one function (zod's `compile`), for lint's
 * fast path: validating a clean lesson takes about a third of the time of
 * the runtime parser, JIT-cold. A lesson it rejects goes through the runtime
 * parser, so the outcome and issues are the same; compiled when first used.
 * `compile()` also generates a second function, a validator that builds no
 * output, which nothing here uses (~10 ms): the parser alone is installed
 * with `withParser`, where this zod has `compileFn` (it is marked internal).
 */
export function compiledLessonSchema(): typeof lesson {
  compiledLesson ??= parserOnly() ?? z.compile(lesson);
  return compiledLesson;
}

type Parser = Parameters<typeof z.withParser<typeof lesson>>[1];

/** The lesson schema with its compiled parser alone; undefined where zod has no compileFn, or refuses (as compile() does). */
function parserOnly(): typeof lesson | undefined {
  const compileFn = (z.core as { compileFn?: (schema: typeof lesson) => Parser }).compileFn;
  try {
    return compileFn && z.withParser(lesson, compileFn(lesson));
  } catch {
    return undefined;
  }
}

export type Lesson = z.output<typeof lesson>;
export type Step = z.output<typeof step>;
export type ExplainStep = z.output<typeof explainStep>;
export type ChoiceStep = z.output<typeof choiceStep>;
export type MultiStep = z.output<typeof multiStep>;
export type TextStep = z.output<typeof textStep>;
export type CommandStep = z.output<typeof commandStep>;
export type ManifestStep = z.output<typeof manifestStep>;
export type ManifestCheck = z.output<typeof manifestCheck>;
export type QuestionStep = Exclude<Step, ExplainStep>;
export type StepType = Step['type'];

/** The JSON Schema for editors, written to schema/lesson.schema.json. */
export function lessonJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(lesson, { io: 'input', target: 'draft-7' });
  return {
    ...schema,
    $id: 'https://kube-learn.dev/schema/lesson.schema.json',
    title: 'kube-learn lesson',
    description: 'A kube-learn lesson file. See docs/lesson-format.md.',
  };
}
