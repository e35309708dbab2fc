/**
 * The interactive front end: our prompts on @inquirer/core (./key-prompts.ts)
 * and inquirer's input and confirm, loaded lazily since they are slow to
 * import. At a question's list the action keys (h hint, b re-read, s skip,
 * q save and quit) act at once; at a line of text, Enter on an empty line
 * opens a small menu of them; the help line under each prompt names the
 * keys that work there. The pause after an explanation is one key
 * (./pause.ts). Ctrl-C at any prompt is Cancelled('signal'); a resize
 * redraws the step at the new width and asks again from where the learner
 * was (both in ./prompt-runner.ts). A manifest is written in the
 * learner's editor (./editor.ts) or line by line.
 */
import { Cancelled } from '../errors.js';
import type { Palette } from './colors.js';
import type { Action, Position, Prompter, Question, Reply, Tone } from '../tutor/prompter.js';
import { ACTIONS, BACK, offered, SKIP_MANIFEST } from './actions.js';
import { inlinePieces } from '../text/markdown.js';
import { wrapPieces } from '../text/width.js';
import { promptTheme, QUESTION_KEYS, type KeyHelp } from './inquirer-theme.js';
import type { KeyPromptLook, ListState } from './key-prompts.js';
import { Screen, type Draw } from './screen.js';
import type { EditorCommand, EditResult } from './editor.js';
import { pauseInTerminal } from './pause.js';
import { PromptRunner, type PromptContext, type Prompts, type RunOptions } from './prompt-runner.js';
import type { StopSignal } from '../stop.js';

export interface InteractiveOptions {
  /** Asked for when first read, after the first screen: making process.stdin takes ~0.2 ms in a terminal. */
  input: () => NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  colors: Palette;
  /** Aborted on SIGINT/SIGTERM/SIGHUP: the prompt in front of the learner throws Cancelled('signal'). */
  signal?: StopSignal;
  /** Where $VISUAL and $EDITOR are looked up. */
  env?: NodeJS.ProcessEnv;
}

/** Where a question's list was left for a hint or a re-read, so asking it again keeps the cursor and the ticks. */
interface Kept extends ListState {
  stepId: string;
  attempt: number;
}

export class InteractivePrompter implements Prompter {
  private readonly runner: PromptRunner;
  private kept?: Kept;
  private readonly screen: Screen;
  private readonly c: Palette;

  constructor(private readonly opts: InteractiveOptions) {
    this.c = opts.colors;
    this.screen = new Screen(opts.output, opts.colors);
    this.runner = new PromptRunner(this.screen, opts);
  }

  private theme(help?: KeyHelp) {
    return promptTheme(this.c, help, this.screen.width - 1);
  }

  /** Our prompts' look, and their help line of `keys` wrapped to the width. */
  private keyed(keys: KeyHelp): { look: KeyPromptLook; help: string } {
    const { icon, ...theme } = this.theme(keys);
    return { look: { theme, ...icon }, help: theme.style.keysHelpTip(keys) };
  }

  /** What a list left for a hint or a re-read, if `q` is that same question at the same try. */
  private keptFor(q: Question): Kept | undefined {
    const kept = this.kept;
    this.kept = undefined;
    return kept && kept.stepId === q.stepId && kept.attempt === q.attempt ? kept : undefined;
  }

  private keep(q: Question, end: { action?: Action; active: number; ticked?: number[] }): void {
    if (end.action === 'hint' || end.action === 'reread')
      this.kept = { stepId: q.stepId, attempt: q.attempt, active: end.active, ticked: end.ticked };
  }

  /**
   * Text for a prompt, wrapped at words to the terminal width (inquirer
   * would break words). `lead` is how many columns come before it on its
   * first line; later lines are indented by `indent`. A resize asks again,
   * so the wrapping is redone for the new width.
   */
  private wrapped(text: string, lead: number, indent = lead): string {
    const pieces = inlinePieces(text.replace(/\s+/g, ' ').trim(), this.c);
    const [first = '', ...rest] = wrapPieces(pieces, this.screen.width - 1, ' '.repeat(lead), ' '.repeat(indent));
    return [first.slice(lead), ...rest].join('\n');
  }

  private message(text: string): string {
    return this.wrapped(text, 2);
  }

  private run<T>(ask: (p: Prompts, ctx: PromptContext) => Promise<T>, opts?: RunOptions<T>): Promise<T> {
    return this.runner.run(ask, opts);
  }

  /**
   * "› question answer", wrapped at words with the prompts' hanging indent.
   * The mark is neutral: the answer is not judged yet, and a hint, skip or
   * quit is no success; the verdict line after it carries ✔ or ✖.
   */
  private answeredLine(text: string, answer: string): Draw {
    const question = inlinePieces(text.replace(/\s+/g, ' ').trim(), this.c, this.c.bold);
    const pieces = [{ text: '› ', style: this.c.muted }, ...question, { text: ' ' }, { text: answer, style: this.c.accent }];
    return (width) => wrapPieces(pieces, width - 1, '', '  ').join('\n');
  }

  /** The menu an empty text answer opens: back to the question, or the actions, by entry or by key. */
  private async menu(q: Question): Promise<Action | 'back'> {
    const actions = offered(q.hasHint, q.canReread);
    const entries = [BACK, ...actions.map((a) => ACTIONS[a].entry)];
    const end = await this.run(
      ({ chooseOne }, ctx) =>
        chooseOne(
          {
            message: 'Nothing entered. What now?',
            options: entries,
            actions,
            pageSize: this.pageSize(entries.length),
            ...this.keyed(QUESTION_KEYS.list(actions, 'choose')),
          },
          ctx,
        ),
      { clear: true },
    );
    return end.action ?? (end.active === 0 ? 'back' : actions[end.active - 1]!);
  }

  async position(p: Position): Promise<void> {
    this.screen.position(p);
  }

  async show(text: string, tone: Tone = 'plain'): Promise<void> {
    this.screen.show(verdictMark(text, tone), tone);
  }

  async pause(): Promise<'continue' | 'quit'> {
    // Inquirer loads while the learner reads, not before the first prompt.
    return pauseInTerminal({ ...this.opts, screen: this.screen, whileWaiting: () => void this.runner.load().catch(() => undefined) });
  }

  /**
   * What both question lists take, laid out at the width of the moment (a
   * resize asks again): the question, its options wrapped with `lead`
   * columns before them, the actions and their keys, and where it was left.
   */
  private listOf(q: Question, options: readonly string[], lead: number, keys: (actions: Action[]) => KeyHelp, where: Partial<ListState>) {
    const actions = offered(q.hasHint, q.canReread);
    return {
      message: this.message(q.text),
      options: options.map((o) => this.wrapped(o, lead, lead + 2)),
      actions,
      active: where.active,
      onMove: (state: ListState) => Object.assign(where, state),
      pageSize: this.pageSize(options.length),
      ...this.keyed(keys(actions)),
    };
  }

  async chooseOne(q: Question, options: readonly string[]): Promise<Reply<number>> {
    // Updated as the learner moves: a resize asks again from there.
    const kept = this.keptFor(q);
    const where: Partial<ListState> = { active: kept?.active };
    const end = await this.run(({ chooseOne }, ctx) => chooseOne(this.listOf(q, options, 2, QUESTION_KEYS.list, where), ctx), {
      answered: (e) => this.answeredLine(q.text, e.action ? ACTIONS[e.action].chosen : options[e.active]!),
    });
    this.keep(q, end);
    return end.action ? { kind: end.action } : { kind: 'answer', value: end.active };
  }

  async chooseSome(q: Question, options: readonly string[]): Promise<Reply<number[]>> {
    const kept = this.keptFor(q);
    const where: Partial<ListState> = { active: kept?.active, ticked: kept?.ticked };
    const end = await this.run(
      ({ tickSome }, ctx) =>
        tickSome(
          {
            ...this.listOf(q, options, 3, QUESTION_KEYS.ticks, where),
            ticked: where.ticked,
            noneTicked: 'Nothing ticked: space ticks the option under the cursor, s skips.',
          },
          ctx,
        ),
      {
        answered: (e) => this.answeredLine(q.text, e.action ? ACTIONS[e.action].chosen : e.ticked.map((i) => options[i]!).join(', ')),
      },
    );
    this.keep(q, end);
    return end.action ? { kind: end.action } : { kind: 'answer', value: end.ticked };
  }

  /**
   * A line of text. Its keys are the learner's letters, so the actions are
   * one step away: Enter on an empty line opens their menu, where the same
   * single keys work (Ctrl-key chords would collide with the terminal's
   * own: Ctrl-H is Backspace, Ctrl-S and Ctrl-Q flow control, Ctrl-B readline's).
   */
  async askText(q: Question): Promise<Reply<string>> {
    const keys = QUESTION_KEYS.line(offered(q.hasHint, q.canReread));
    for (;;) {
      const text = await this.run(({ typeLine }, ctx) => typeLine({ message: this.message(q.text), ...this.keyed(keys) }, ctx), {
        answered: (v) => this.answeredLine(q.text, v),
      });
      if (text.trim() !== '') return { kind: 'answer', value: text };
      const action = await this.menu(q);
      if (action !== 'back') return { kind: action };
    }
  }

  /**
   * The manifest: in the learner's editor ($VISUAL/$EDITOR) if they have one,
   * else typed here line by line. An editor that fails (exits non-zero, is
   * missing) gets one line, and the menu comes back with the same starting
   * text and the line-by-line way added, so nothing the learner wrote is lost.
   */
  async askLines(q: Question, initial: string): Promise<Reply<string>> {
    // Loaded here: running an editor needs child_process, which start-up doesn't.
    const { editorCommand, editText } = await import('./editor.js');
    const editor = editorCommand(this.opts.env ?? process.env);
    let editorFailed = false;
    for (;;) {
      const inEditor = editor && `${q.attempt > 1 ? 'Edit it again' : 'Write it'} in your editor (${editor.name})`;
      const here = `${q.attempt > 1 ? 'Write it again' : 'Write it'} here, line by line`;
      const ways = [...(inEditor ? (['editor'] as const) : []), ...(!editor || editorFailed ? (['inline'] as const) : [])];
      const actions = offered(q.hasHint, q.canReread);
      const end = await this.run(
        ({ chooseOne }, ctx) =>
          chooseOne(
            {
              message: this.message(q.text),
              options: ways.map((w) => (w === 'editor' ? this.wrapped(inEditor as string, 2, 4) : here)),
              actions,
              pageSize: this.pageSize(ways.length),
              ...this.keyed(QUESTION_KEYS.list(actions, 'choose', SKIP_MANIFEST.toLowerCase())),
            },
            ctx,
          ),
        { clear: true },
      );
      const action = end.action ?? ways[end.active]!;
      if (action === 'inline') return { kind: 'answer', value: await this.inlineLines(initial) };
      if (action !== 'editor') return { kind: action };
      const edited = await this.edit(editor!, initial, editText);
      if (edited.ok) return { kind: 'answer', value: edited.text };
      editorFailed = true;
      this.screen.show(edited.message, 'wrong');
    }
  }

  /** The editor owns the terminal meanwhile: no prompt is open, and a resize is not redrawn. */
  private async edit(editor: EditorCommand, initial: string, editText: typeof import('./editor.js').editText): Promise<EditResult> {
    if (this.opts.signal?.aborted) throw new Cancelled('signal');
    this.screen.show(`Waiting for ${editor.name}: save the file and close it to go on.`, 'note');
    const result = await editText(editor, initial, { signal: this.opts.signal });
    if (result.ok) {
      this.screen.answered(this.answeredLine('Your manifest', 'saved'));
    }
    return result;
  }

  /** Without an editor: one line at a time, each offering the line of the starting text. */
  private async inlineLines(initial: string): Promise<string> {
    this.screen.show(
      'Enter keeps the grey text, Tab edits it, typing replaces it, Backspace drops it. A line with just EOF ends the manifest.',
      'note',
    );
    const start = initial === '' ? [] : initial.replace(/\n$/, '').split('\n');
    const lines: string[] = [];
    for (let i = 0; ; i++) {
      const label = this.c.muted(String(i + 1).padStart(3));
      const line = await this.run(
        ({ input }, ctx) => input({ message: label, default: start[i], theme: { ...this.theme(), prefix: { idle: '', done: '' } } }, ctx),
        {
          // A line of YAML is never wrapped: wrapped, it would teach the wrong indentation.
          answered: (v) => () => `${label} ${v}`,
        },
      );
      if (line.trimEnd() === 'EOF') break;
      lines.push(line);
    }
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  }

  async confirm(message: string, defaultYes: boolean): Promise<boolean> {
    return this.run(({ confirm }, ctx) => confirm({ message, default: defaultYes, theme: this.theme() }, ctx), {
      answered: (v) => this.answeredLine(message, v ? 'Yes' : 'No'),
    });
  }

  private pageSize(items: number): number {
    const rows = this.opts.output.rows || 24;
    return Math.max(5, Math.min(items + 4, rows - 6));
  }

  close(): void {
    // Each inquirer prompt releases the terminal when it settles; nothing is held between prompts.
  }
}

/**
 * The verdict on an answer, marked by symbol as well as colour (and by its
 * words, "Right!" / "Not quite", when there is no colour): ✔ only when right,
 * ✖ when wrong.
 */
export function verdictMark(text: string, tone: Tone): string {
  if (tone === 'right' && text.startsWith('Right!')) return `✔ ${text}`;
  if (tone === 'wrong' && /^(Not quite|Then try once more)/.test(text)) return `✖ ${text}`;
  if (tone === 'note' && /^Not quite\./.test(text)) return `✖ ${text}`;
  return text;
}
