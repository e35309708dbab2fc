/**
 * A Prompter that replays a script of learner actions and records what the
 * engine showed and asked: a test double for the terminal, so the engine
 * itself runs for real. Running out of script is the end of input.
 */
import { Cancelled } from '../../src/errors.js';
import type { Position, Prompter, Question, Reply, Tone } from '../../src/tutor/prompter.js';

/** One learner action: an answer (index, indices or text), a command, or a yes/no. */
export type Action =
  | number
  | number[]
  | string
  | boolean
  | { hint: true }
  | { skip: true }
  | { quit: true }
  | { reread: true }
  | { continue: true };

export const hint = { hint: true } as const;
export const skip = { skip: true } as const;
export const quit = { quit: true } as const;
export const reread = { reread: true } as const;
export const next = { continue: true } as const;

export type Event =
  | { kind: 'position'; position: Position }
  | { kind: 'show'; text: string; tone: Tone }
  | { kind: 'pause' }
  | { kind: 'ask'; type: 'one' | 'some' | 'text' | 'lines'; question: Question; options?: readonly string[]; initial?: string }
  | { kind: 'confirm'; message: string; defaultYes: boolean };

export class ScriptedPrompter implements Prompter {
  readonly events: Event[] = [];
  private readonly script: Action[];
  closed = false;

  constructor(script: readonly Action[]) {
    this.script = [...script];
  }

  /** Everything shown, one string per show(), in order. */
  get shown(): string[] {
    return this.events.flatMap((e) => (e.kind === 'show' ? [e.text] : []));
  }

  get asked(): Extract<Event, { kind: 'ask' }>[] {
    return this.events.filter((e): e is Extract<Event, { kind: 'ask' }> => e.kind === 'ask');
  }

  get remaining(): number {
    return this.script.length;
  }

  private take(what: string): Action {
    const action = this.script.shift();
    if (action === undefined) throw new Cancelled('eof', `script ran out at ${what}`);
    return action;
  }

  private reply<T>(what: string, check: (a: Action) => a is Action & T): Reply<T> {
    const action = this.take(what);
    if (typeof action === 'object' && !Array.isArray(action)) {
      if ('hint' in action) return { kind: 'hint' };
      if ('skip' in action) return { kind: 'skip' };
      if ('quit' in action) return { kind: 'quit' };
      if ('reread' in action) return { kind: 'reread' };
    }
    if (!check(action)) throw new Error(`script: ${JSON.stringify(action)} is not an answer to ${what}`);
    return { kind: 'answer', value: action as T };
  }

  async position(position: Position): Promise<void> {
    this.events.push({ kind: 'position', position });
  }

  async show(text: string, tone: Tone = 'plain'): Promise<void> {
    this.events.push({ kind: 'show', text, tone });
  }

  async pause(): Promise<'continue' | 'quit'> {
    this.events.push({ kind: 'pause' });
    const action = this.take('pause');
    if (typeof action === 'object' && 'quit' in action) return 'quit';
    if (typeof action === 'object' && 'continue' in action) return 'continue';
    throw new Error(`script: ${JSON.stringify(action)} is not an answer to pause`);
  }

  async chooseOne(question: Question, options: readonly string[]): Promise<Reply<number>> {
    this.events.push({ kind: 'ask', type: 'one', question, options });
    return this.reply<number>(`chooseOne(${question.stepId})`, (a): a is number => typeof a === 'number');
  }

  async chooseSome(question: Question, options: readonly string[]): Promise<Reply<number[]>> {
    this.events.push({ kind: 'ask', type: 'some', question, options });
    return this.reply<number[]>(`chooseSome(${question.stepId})`, (a): a is number[] => Array.isArray(a));
  }

  async askText(question: Question): Promise<Reply<string>> {
    this.events.push({ kind: 'ask', type: 'text', question });
    return this.reply<string>(`askText(${question.stepId})`, (a): a is string => typeof a === 'string');
  }

  async askLines(question: Question, initial: string): Promise<Reply<string>> {
    this.events.push({ kind: 'ask', type: 'lines', question, initial });
    return this.reply<string>(`askLines(${question.stepId})`, (a): a is string => typeof a === 'string');
  }

  async confirm(message: string, defaultYes: boolean): Promise<boolean> {
    this.events.push({ kind: 'confirm', message, defaultYes });
    const action = this.take(`confirm(${message})`);
    if (typeof action !== 'boolean') throw new Error(`script: ${JSON.stringify(action)} is not an answer to confirm`);
    return action;
  }

  close(): void {
    this.closed = true;
  }
}
