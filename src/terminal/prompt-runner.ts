/**
 * Running one prompt in a terminal that may change under it: inquirer (and
 * our prompts on @inquirer/core) loaded once, lazily, since they are slow to
 * import; Ctrl-C at the prompt (ExitPromptError) and our own signal
 * (AbortPromptError) become the one Cancelled('signal'); a change of width
 * aborts the prompt, redraws the step at the new width and asks again.
 */
import { Cancelled } from '../errors.js';
import type { Screen, Draw } from './screen.js';
import type { StopSignal } from '../stop.js';
import { waitingForLearner } from './waiting.js';

export type Prompts = typeof import('./inquirer-prompts.js');
export type PromptContext = {
  signal: AbortSignal;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  clearPromptOnDone?: boolean;
};

export interface RunOptions<T> {
  /** false: a resize does not redraw and ask again (the prompt keeps its layout). */
  redraw?: boolean;
  /** The prompt clears itself when done. */
  clear?: boolean;
  /** The line drawn in its place once answered (the prompt then clears itself). */
  answered?: (value: T) => Draw;
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

export class PromptRunner {
  private prompts?: Promise<Prompts>;

  constructor(
    private readonly screen: Screen,
    private readonly io: { input: () => NodeJS.ReadStream; output: NodeJS.WriteStream; signal?: StopSignal },
  ) {}

  /** The prompts, loaded once: at the first question, or while the learner reads at a pause. */
  load(): Promise<Prompts> {
    this.prompts ??= import('./inquirer-prompts.js');
    return this.prompts;
  }

  async run<T>(ask: (p: Prompts, ctx: PromptContext) => Promise<T>, opts: RunOptions<T> = {}): Promise<T> {
    const prompts = await this.load();
    const { output, signal } = this.io;
    const input = this.io.input();
    for (;;) {
      if (signal?.aborted) throw new Cancelled('signal');
      this.screen.beforePrompt();
      const controller = new AbortController();
      const onSignal = () => controller.abort('signal');
      const width = this.screen.width;
      const onResize = () => {
        if (this.screen.width !== width) controller.abort('resize');
      };
      signal?.addEventListener('abort', onSignal);
      if (opts.redraw !== false) output.on('resize', onResize);
      try {
        // A prompt with an answer line clears itself: the screen draws that line, wrapped at words.
        const asked = ask(prompts, {
          signal: controller.signal,
          input,
          output,
          clearPromptOnDone: opts.clear === true || opts.answered !== undefined,
        });
        waitingForLearner();
        const value = await asked;
        if (opts.answered) this.screen.answered(opts.answered(value));
        return value;
      } catch (error) {
        const name = errorName(error);
        if (name === 'AbortPromptError' && controller.signal.reason === 'resize') {
          this.screen.redraw();
          continue;
        }
        if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new Cancelled('signal');
        throw error;
      } finally {
        signal?.removeEventListener('abort', onSignal);
        output.off('resize', onResize);
      }
    }
  }
}
