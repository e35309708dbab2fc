/**
 * The question prompts of the interactive front end, on @inquirer/core: a
 * list to choose one option, a list to tick some, and a line of text.
 *
 * At the lists the action keys (h, s, b, q: ./actions.ts) act at once, as
 * they do in plain mode. There is no type-to-search, so an option whose
 * text starts with one of those letters is never jumped to instead, and no
 * key is bound that the help line does not name. The line of text takes
 * every printable key as text: the learner types words, so its way to the
 * actions is Enter on an empty line (the caller opens a menu).
 *
 * Options, messages and the help line come wrapped to the width and
 * neutralised (lesson text never drives the terminal); these prompts only
 * lay them out. Loaded with inquirer (./inquirer-prompts.ts), never at start-up.
 */
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  type KeypressEvent,
  makeTheme,
  type Theme,
  useKeypress,
  usePagination,
  usePrefix,
  useState,
} from '@inquirer/core';
import { neutralize } from '../text/sanitize.js';
import type { Action } from '../tutor/prompter.js';
import { keyAction } from './actions.js';

const HIDE_CURSOR = '\u001b[?25l';

/** The look: inquirer's theme (prefix, styles) and the list marks. */
export interface KeyPromptLook {
  theme: Partial<Theme>;
  cursor: string;
  checked: string;
  unchecked: string;
}

/** Where a list is: the cursor, and the ticked options of a checkbox list. */
export interface ListState {
  active: number;
  ticked?: number[];
}

interface ListConfig {
  message: string;
  /** The options, each wrapped to the width (later lines indented). */
  options: readonly string[];
  /** The actions offered; their keys act at once, other letters do nothing. */
  actions: readonly Action[];
  /** The key help line, wrapped to the width. */
  help: string;
  pageSize: number;
  /** Where the cursor starts: a question asked again after a hint or a resize keeps its place. */
  active?: number;
  /** Told each move and tick, so that a list asked again (after a resize) can start where this one was. */
  onMove?: (state: ListState) => void;
  look: KeyPromptLook;
}

/** How a list ended: an action key, or Enter (`action` undefined); where the cursor was. */
export interface ChooseEnd {
  action?: Action;
  active: number;
}

/** …and which options were ticked (kept across a hint or a re-read). */
export interface TickEnd extends ChooseEnd {
  ticked: number[];
}

interface TickConfig extends ListConfig {
  ticked?: readonly number[];
  /** Said when Enter is pressed with nothing ticked. */
  noneTicked: string;
}

/** -1 for up, 1 for down, 0 for any other key. */
function movement(key: KeypressEvent, theme: Theme): number {
  if (isUpKey(key, theme.keybindings)) return -1;
  if (isDownKey(key, theme.keybindings)) return 1;
  return 0;
}

function startAt(active: number | undefined, count: number): number {
  return active !== undefined && active >= 0 && active < count ? active : 0;
}

/** The lines of a list prompt while it waits. */
function layout(head: string, page: string, help: string, error?: string): string {
  return `${[head, page, ' ', ...(error ? [error] : []), help].join('\n')}${HIDE_CURSOR}`;
}

/** One option of a list: `mark` before it (a cursor, a box), the line highlighted under the cursor. */
function row(theme: Theme, look: KeyPromptLook, text: string, isActive: boolean, mark = ''): string {
  const line = `${isActive ? look.cursor : ' '}${mark} ${text}`;
  return isActive ? theme.style.highlight(line) : line;
}

/** One option of `options`; Enter chooses the one under the cursor. */
export const chooseOne = createPrompt<ChooseEnd, ListConfig>((config, done) => {
  const theme = makeTheme(config.look.theme);
  const count = config.options.length;
  const [status, setStatus] = useState('idle');
  const [active, setActive] = useState(startAt(config.active, count));
  const prefix = usePrefix({ status, theme });
  useKeypress((key, rl) => {
    // Letters also reach readline's line; nothing here shows it.
    rl.clearLine(0);
    if (status !== 'idle') return;
    const action = keyAction(key, config.actions);
    if (action || isEnterKey(key)) {
      setStatus('done');
      done({ action, active });
      return;
    }
    const step = movement(key, theme);
    if (step === 0) return;
    const next = (active + step + count) % count;
    setActive(next);
    config.onMove?.({ active: next });
  });
  const page = usePagination({
    items: config.options,
    active,
    renderItem: ({ item, isActive }) => row(theme, config.look, item, isActive),
    pageSize: config.pageSize,
  });
  const head = `${prefix} ${theme.style.message(config.message, status)}`;
  return status === 'done' ? head : layout(head, page, config.help);
});

/** Some of `options`: space ticks the one under the cursor, Enter submits the ticked ones. */
export const tickSome = createPrompt<TickEnd, TickConfig>((config, done) => {
  const theme = makeTheme(config.look.theme);
  const count = config.options.length;
  const [status, setStatus] = useState('idle');
  const [active, setActive] = useState(startAt(config.active, count));
  const [ticked, setTicked] = useState<readonly number[]>((config.ticked ?? []).filter((i) => i >= 0 && i < count));
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (status !== 'idle') return;
    const action = keyAction(key, config.actions);
    const sorted = [...ticked].sort((a, b) => a - b);
    if (action || (isEnterKey(key) && ticked.length > 0)) {
      setStatus('done');
      done({ action, active, ticked: sorted });
      return;
    }
    if (isEnterKey(key)) {
      setError(config.noneTicked);
      return;
    }
    setError(undefined);
    const step = movement(key, theme);
    if (step === 0 && !isSpaceKey(key)) return;
    const next = (active + step + count) % count;
    const nowTicked = !isSpaceKey(key) ? ticked : ticked.includes(active) ? ticked.filter((i) => i !== active) : [...ticked, active];
    setActive(next);
    setTicked(nowTicked);
    config.onMove?.({ active: next, ticked: [...nowTicked].sort((a, b) => a - b) });
  });
  const { look } = config;
  const page = usePagination({
    items: config.options,
    active,
    renderItem: ({ item, index, isActive }) => row(theme, look, item, isActive, ticked.includes(index) ? look.checked : look.unchecked),
    pageSize: config.pageSize,
  });
  const head = `${prefix} ${theme.style.message(config.message, status)}`;
  return status === 'done' ? head : layout(head, page, config.help, error && theme.style.error(error));
});

interface LineConfig {
  message: string;
  /** The key help line, wrapped to the width. */
  help: string;
  look: KeyPromptLook;
}

/** A line of text, edited as readline edits it; Enter answers, whatever the line holds (empty too). */
export const typeLine = createPrompt<string, LineConfig>((config, done) => {
  const theme = makeTheme(config.look.theme);
  const [status, setStatus] = useState('idle');
  const [value, setValue] = useState('');
  const prefix = usePrefix({ status, theme });
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      // readline has already emptied its line for the next one: the answer is what was shown.
      setStatus('done');
      done(value);
      return;
    }
    setValue(rl.line);
  });
  // What the learner pastes may hold controls (a C1 CSI, a bidi override):
  // shown made visible, as lesson text is. Only the echo changes; the answer
  // judged is the line as typed.
  const shown = neutralize(value);
  const head = `${prefix} ${theme.style.message(config.message, status)} ${status === 'done' ? theme.style.answer(shown) : shown}`;
  return status === 'done' ? head : [head, config.help];
});
