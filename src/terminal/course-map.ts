/**
 * The course map that `kube-learn` shows: each lesson in course order with
 * a progress bar and its score, the one to continue at marked. Plain mode
 * prints it once; in a terminal the arrows move a highlight and Enter picks
 * the lesson. The keys are read here, in raw mode, not by inquirer, so the
 * map is drawn without loading it (see ./pause.ts for why that matters).
 */
import { Cancelled } from '../errors.js';
import type { CourseEntry, CourseView } from '../progress/course.js';
import { progressBar } from '../progress/summary.js';
import { truncateToWidth, wrapPieces } from '../text/width.js';
import type { Palette } from './colors.js';
import { keyHelpPieces } from './inquirer-theme.js';
import type { StopSignal } from '../stop.js';
import { waitingForLearner } from './waiting.js';

interface MapLesson {
  id: string;
  title: string;
  day?: number;
}

/** "done · 11 of 14 right at the first try", "7 of 22 steps", "not started · 22 steps". */
export function entryStatus(e: CourseEntry<unknown>): string {
  const s = e.summary;
  if (e.state === 'new') return `not started · ${s.total} step${s.total === 1 ? '' : 's'}`;
  const where = e.state === 'done' ? 'done' : `${s.settled} of ${s.total} steps`;
  return s.answered > 0 ? `${where} · ${s.right} of ${s.answered} right at the first try` : where;
}

/** "3 of 7 days done"; "lessons" once any lesson has no day. */
export function mapHeading(view: CourseView<MapLesson>): string {
  const unit = view.entries.every((e) => e.lesson.day !== undefined) ? 'day' : 'lesson';
  const done = view.entries.filter((e) => e.state === 'done').length;
  return `The course: ${done} of ${view.entries.length} ${unit}${view.entries.length === 1 ? '' : 's'} done`;
}

export interface MapRow {
  /** "Day 5" or, without a day, the lesson id. */
  label: string;
  title: string;
  bar: string;
  status: string;
}

export function mapRows(view: CourseView<MapLesson>): MapRow[] {
  return view.entries.map((e) => ({
    label: e.lesson.day === undefined ? e.lesson.id : `Day ${e.lesson.day}`,
    title: e.lesson.title,
    bar: progressBar(e.summary.settled, e.summary.total),
    status: entryStatus(e),
  }));
}

/**
 * Two lines a lesson, the second under the title; `marked` gets "> " (plain)
 * or the highlight. `width`: lines are cut to it (a terminal that wrapped
 * them would leave the redraw a line off); none in plain mode.
 */
export function mapLines(
  view: CourseView<MapLesson>,
  marked: number | undefined,
  opts: { colors: Palette; marker: string; width?: number },
): string[] {
  const rows = mapRows(view);
  const c = opts.colors;
  const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
  const indent = ' '.repeat(2 + labelWidth + 2);
  const cut = (text: string) => (opts.width === undefined ? text : truncateToWidth(text, opts.width - 1));
  return rows.flatMap((r, i) => {
    const here = i === marked;
    const first = cut(`${here ? opts.marker : '  '}${r.label.padEnd(labelWidth)}  ${r.title}`);
    const second = cut(`${indent}${r.bar} ${r.status}`);
    return [here ? c.accent(c.bold(first)) : first, c.muted(second)];
  });
}

export type MapKey = 'up' | 'down' | 'start' | 'quit' | 'interrupt';

// CSI (ESC [ ... final byte), SS3 (ESC O x), or ESC and one key (Alt+key).
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|O.|[\s\S])?/g;

/** What a chunk of raw terminal input asks the map to do, in order. */
export function mapKeys(chunk: string): MapKey[] {
  // A chunk that is only ESC is the Esc key; in a sequence, ESC starts an arrow or another key.
  if (chunk === '\u001b') return ['quit'];
  const keys: MapKey[] = [];
  let last = 0;
  const plainKeys = (text: string) => {
    for (const ch of text) {
      if (ch === '\u0003') keys.push('interrupt');
      else if (ch === '\r' || ch === '\n') keys.push('start');
      else if (ch === 'q' || ch === 'Q' || ch === '\u0004') keys.push('quit');
      else if (ch === 'k') keys.push('up');
      else if (ch === 'j') keys.push('down');
    }
  };
  for (const m of chunk.matchAll(ESCAPE_SEQUENCE)) {
    plainKeys(chunk.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[0] === '\u001b[A' || m[0] === '\u001bOA') keys.push('up');
    else if (m[0] === '\u001b[B' || m[0] === '\u001bOB') keys.push('down');
  }
  plainKeys(chunk.slice(last));
  return keys;
}

const ERASE_DOWN = '\u001b[J';
const CURSOR_UP = '\u001b[1A';
const CLEAR_SCREEN = '\u001b[H\u001b[2J';

export interface PickOptions {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  colors: Palette;
  signal?: StopSignal;
}

/**
 * The map in a terminal: ↑↓ (or k/j) move the highlight, Enter picks, q or
 * Esc (or Ctrl-D) leave. Returns the index picked, or undefined. Ctrl-C or
 * the signal throws Cancelled('signal').
 */
export function pickFromMap(view: CourseView<MapLesson>, opts: PickOptions): Promise<number | undefined> {
  const { input, output, colors: c } = opts;
  const count = view.entries.length;
  let selected = view.current ?? 0;
  let top = 0;
  let drawn = 0;
  let helpLines = 1;
  const width = () => Math.max(20, output.columns || 80);
  const text = () => {
    const w = width();
    const help = wrapPieces(
      keyHelpPieces(c, [
        ['↑↓', 'move'],
        ['⏎', 'start'],
        ['q', 'quit'],
      ]),
      w - 1,
    );
    helpLines = help.length;
    // The heading, a blank line, the lessons, a blank line and the help must fit the screen, or a redraw could not reach the top.
    const room = Math.max(1, Math.floor(((output.rows || 24) - 4 - help.length) / 2));
    const lines = mapLines(view, selected, { colors: c, marker: '❯ ', width: w });
    let shown = lines;
    if (count > room) {
      // Two lines of the room go to "↑ 2 more" and "↓ 5 more".
      const fits = Math.max(1, room - 1);
      top = Math.min(Math.max(top, selected - fits + 1), selected, count - fits);
      const more = (n: number, arrow: string) => c.muted(n > 0 ? `  ${arrow} ${n} more` : '');
      shown = [more(top, '↑'), ...lines.slice(top * 2, (top + fits) * 2), more(count - top - fits, '↓')];
    }
    return [c.bold(truncateToWidth(mapHeading(view), w - 1)), '', ...shown, '', ...help].join('\n');
  };
  // The cursor stays at the end of the help line, so a redraw goes up to the heading and writes it all again.
  const draw = (clear = false) => {
    const back = clear ? CLEAR_SCREEN : `\r${CURSOR_UP.repeat(Math.max(0, drawn - 1))}${ERASE_DOWN}`;
    const t = text();
    output.write((drawn > 0 || clear ? back : '') + t);
    drawn = t.split('\n').length;
  };
  draw();
  return new Promise((resolve, reject) => {
    const raw = input.isTTY === true && !input.isRaw;
    let w = width();
    const finish = (result: number | undefined | Error) => {
      input.off('data', onData);
      input.off('end', onEnd);
      output.off('resize', onResize);
      opts.signal?.removeEventListener('abort', onAbort);
      if (raw) input.setRawMode(false);
      input.pause();
      // The help goes (the blank line above it stays, to set the map apart from what follows).
      output.write(`\r${CURSOR_UP.repeat(helpLines - 1)}${ERASE_DOWN}`);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (data: Buffer | string) => {
      for (const key of mapKeys(String(data))) {
        if (key === 'interrupt') return finish(new Cancelled('signal'));
        if (key === 'quit') return finish(undefined);
        if (key === 'start') return finish(count > 0 ? selected : undefined);
        const moved = key === 'up' ? Math.max(0, selected - 1) : Math.min(count - 1, selected + 1);
        if (moved !== selected) {
          selected = moved;
          draw();
        }
      }
    };
    const onEnd = () => finish(undefined);
    const onAbort = () => finish(new Cancelled('signal'));
    // A terminal reflows what it shows when its width changes: draw it all again from the top.
    const onResize = () => {
      if (width() === w) return;
      w = width();
      draw(true);
    };
    if (raw) input.setRawMode(true);
    input.on('data', onData);
    input.on('end', onEnd);
    output.on('resize', onResize);
    opts.signal?.addEventListener('abort', onAbort);
    input.resume();
    waitingForLearner();
  });
}
