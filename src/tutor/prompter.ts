/**
 * The port between the tutor engine and a terminal. The engine decides what
 * to say and ask; a front end (interactive or plain) decides how it looks.
 * Text handed over is the lesson Markdown subset; the front end renders it.
 *
 * Any method may throw `Cancelled` (Ctrl-C, a signal, end of input; plain
 * mode's `q` at a yes/no question). Quitting at a question is a `Reply`, so
 * the engine stops at a point it chooses.
 */

/** How a block of text is meant: front ends may colour it, never depend on it. */
export type Tone = 'plain' | 'heading' | 'right' | 'wrong' | 'hint' | 'note';

/** Where the learner is: "Step 5 of 22", "Review 2 of 6". */
export interface Position {
  /** What is counted: `Step` (a lesson, the default) or `Review`. */
  label?: 'Step' | 'Review';
  /** 1-based. */
  number: number;
  total: number;
  title?: string;
}

export interface Question {
  stepId: string;
  /** The question (Markdown subset, usually one or two sentences). */
  text: string;
  /** Whether the step has a hint to show. */
  hasHint: boolean;
  /** 1 for the first try, 2 after one wrong answer, and so on. */
  attempt: number;
  /** Whether an explanation came before this question, to re-read (the `reread` action). */
  canReread?: boolean;
}

/** What a learner can do at any question instead of answering (the words: src/terminal/actions.ts). */
export type Action = 'hint' | 'skip' | 'quit' | 'reread';

/** An answer, or one of the actions. */
export type Reply<T> = { kind: 'answer'; value: T } | { [A in Action]: { kind: A } }[Action];

export interface Prompter {
  /** A step begins. */
  position(p: Position): Promise<void>;
  /** Shows text (Markdown subset). */
  show(text: string, tone?: Tone): Promise<void>;
  /** After an explanation: wait until the learner goes on, or quits. */
  pause(): Promise<'continue' | 'quit'>;
  /** One of `options` (shown in this order); the answer is its 0-based index. */
  chooseOne(q: Question, options: readonly string[]): Promise<Reply<number>>;
  /** Some of `options`; 0-based indices. */
  chooseSome(q: Question, options: readonly string[]): Promise<Reply<number[]>>;
  /** A one-line text answer. */
  askText(q: Question): Promise<Reply<string>>;
  /** A multi-line text (a manifest), starting from `initial`. */
  askLines(q: Question, initial: string): Promise<Reply<string>>;
  /** A yes/no question. */
  confirm(message: string, defaultYes: boolean): Promise<boolean>;
  /** Releases the terminal (input listeners, raw mode). Safe to call twice. */
  close(): void;
}
