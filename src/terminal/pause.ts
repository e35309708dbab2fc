/**
 * The interactive pause after an explanation: one key, no menu. Enter goes
 * on and q saves and quits, the same keys as in plain mode. It is read here,
 * not by inquirer: the pause is the first prompt of a lesson, and loading
 * inquirer and drawing its first prompt takes ~11 ms (bench/), so inquirer
 * loads while the learner reads instead.
 */
import { Cancelled } from '../errors.js';
import type { Palette } from './colors.js';
import { keyHelpPieces } from './inquirer-theme.js';
import type { Screen } from './screen.js';
import { wrapPieces } from '../text/width.js';
import type { StopSignal } from '../stop.js';
import { waitingForLearner } from './waiting.js';

const ERASE_LINE = '\u001b[2K';
const CURSOR_UP = '\u001b[1A';
// CSI (ESC [ ... final byte), SS3 (ESC O x), or ESC and one key (Alt+key).
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|O.|[\s\S])?/g;

/** What the learner asked for at the pause: `interrupt` is Ctrl-C, `end` the end of input. */
export type PauseAnswer = 'continue' | 'quit' | 'interrupt' | 'end';

/** What a chunk of raw terminal input means at the pause; undefined: nothing, keep waiting. */
export function pauseKey(chunk: string): PauseAnswer | undefined {
  // Arrows, function keys and other escape sequences mean nothing here; a
  // fast typist's or a paste's chunk can hold them between other keys.
  for (const ch of chunk.replace(ESCAPE_SEQUENCE, '')) {
    if (ch === '\u0003') return 'interrupt';
    if (ch === '\r' || ch === '\n') return 'continue';
    // Ctrl-D, the end-of-input key, stops as q does: everything settled is saved.
    if (ch === 'q' || ch === 'Q' || ch === '\u0004') return 'quit';
  }
  return undefined;
}

/**
 * Waits for the pause's key on a terminal in raw mode (so Enter and q count
 * at once and Ctrl-C arrives as a key), then gives the terminal back as it
 * was. An aborted `signal` answers `interrupt`.
 */
export function readPauseKey(input: NodeJS.ReadStream, signal?: StopSignal): Promise<PauseAnswer> {
  if (signal?.aborted) return Promise.resolve('interrupt');
  return new Promise((resolve) => {
    const raw = input.isTTY === true && !input.isRaw;
    const finish = (answer: PauseAnswer) => {
      input.off('data', onData);
      input.off('end', onEnd);
      signal?.removeEventListener('abort', onAbort);
      if (raw) input.setRawMode(false);
      input.pause();
      resolve(answer);
    };
    const onData = (data: Buffer | string) => {
      const answer = pauseKey(String(data));
      if (answer) finish(answer);
    };
    const onEnd = () => finish('end');
    const onAbort = () => finish('interrupt');
    if (raw) input.setRawMode(true);
    input.on('data', onData);
    input.on('end', onEnd);
    signal?.addEventListener('abort', onAbort);
    input.resume();
    waitingForLearner();
  });
}

export interface TerminalPauseOptions {
  /** Asked for once the prompt is drawn. */
  input: () => NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  colors: Palette;
  screen: Screen;
  signal?: StopSignal;
  /** Runs once the prompt is drawn, while the learner reads. */
  whileWaiting?: () => void;
}

/**
 * "? Ready? ⏎ continue • q save and quit", until one of those keys. The line
 * goes once a key is pressed; a change of width redraws the step and it.
 * Ctrl-C or the signal throws Cancelled('signal'), the end of input
 * Cancelled('eof').
 */
export async function pauseInTerminal(opts: TerminalPauseOptions): Promise<'continue' | 'quit'> {
  const { input, output, colors: c, screen, signal } = opts;
  const prompt = (width: number) =>
    wrapPieces(
      [
        { text: '?', style: c.accent },
        { text: ' ' },
        { text: 'Ready?', style: c.bold },
        { text: ' ' },
        ...keyHelpPieces(c, [
          ['⏎', 'continue'],
          ['q', 'save and quit'],
        ]),
      ],
      width - 1,
      '',
      '  ',
    ).join('\n');
  // No line end after the prompt: the key takes it away.
  const draw = () => {
    const text = prompt(screen.width);
    output.write(text);
    return text.split('\n').length;
  };
  screen.beforePrompt();
  let lines = draw();
  let width = screen.width;
  const onResize = () => {
    if (screen.width === width) return;
    width = screen.width;
    screen.redraw();
    lines = draw();
  };
  output.on('resize', onResize);
  const waiting = setTimeout(() => opts.whileWaiting?.(), 0);
  let answer: PauseAnswer;
  try {
    answer = await readPauseKey(input(), signal);
  } finally {
    clearTimeout(waiting);
    output.off('resize', onResize);
    output.write(`\r${ERASE_LINE}${`${CURSOR_UP}${ERASE_LINE}`.repeat(lines - 1)}`);
  }
  if (answer === 'interrupt') throw new Cancelled('signal');
  if (answer === 'end') throw new Cancelled('eof');
  return answer;
}
