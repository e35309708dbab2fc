/**
 * What a learner can do at any question instead of answering, in the words
 * both front ends use: plain mode's keys (h, s, q, b), the same letters as
 * single keys at the interactive lists, and the entries of the menu an empty
 * text answer opens. The engine sees only the Reply kinds (../tutor/prompter.ts).
 */
import type { Action } from '../tutor/prompter.js';

interface Words {
  /** Plain mode: the keys, the first one the one shown; the interactive lists' single key is that first one. */
  keys: readonly string[];
  /** Plain mode: what the key does, after the key ("h for a hint"). */
  does: string;
  /** The interactive menus' entry. */
  entry: string;
  /** What the key does, in a key help line ("h hint"). */
  help: string;
  /** The answer line once chosen ("✔ question Skip"). */
  chosen: string;
}

export const ACTIONS: Readonly<Record<Action, Words>> = {
  hint: { keys: ['h', 'hint'], does: 'for a hint', entry: 'Show a hint', help: 'hint', chosen: 'Show a hint' },
  skip: { keys: ['s', 'skip'], does: 'to skip', entry: 'Skip this question', help: 'skip', chosen: 'Skip' },
  quit: { keys: ['q', 'quit'], does: 'to save and quit', entry: 'Save and quit', help: 'save and quit', chosen: 'Save and quit' },
  // Reading only: a question already settled stays settled.
  reread: {
    keys: ['b', 'back'],
    does: 'to re-read',
    entry: 'Re-read the last explanation',
    help: 're-read',
    chosen: 'Re-read the explanation',
  },
};

/** The interactive menu's way back to the question an empty answer left. */
export const BACK = 'Back to the question';

/** A manifest's skip shows a solution, and says so. */
export const SKIP_MANIFEST = 'Skip (see a solution)';

const said = (actions: readonly Action[]) => actions.map((a) => `${ACTIONS[a].keys[0]} ${ACTIONS[a].does}`).join(', ');

/** "h for a hint, s to skip, q to save and quit": the short reminder after input that is no answer. */
export const KEYS = said(['hint', 'skip', 'quit']);

/** Every key, said once before the first question. */
export const ALL_KEYS = said(['hint', 'skip', 'quit', 'reread']);

/** The action a plain-mode line asks for, if it is one. */
export function actionOf(line: string): Action | undefined {
  const key = line.trim().toLowerCase();
  return (Object.keys(ACTIONS) as Action[]).find((a) => ACTIONS[a].keys.includes(key));
}

/** The actions a question offers, in menu order: a hint only when it has one, re-reading only after an explanation. */
export function offered(hasHint: boolean, canReread = false): Action[] {
  return [...(hasHint ? (['hint'] as const) : []), ...(canReread ? (['reread'] as const) : []), 'skip', 'quit'];
}

/** A key as node:readline reports it. */
export interface Keypress {
  name?: string;
  ctrl?: boolean;
  meta?: boolean;
}

/**
 * The action a single key asks for at an interactive list, if it is one of
 * `actions`: the plain-mode letter, either case, without Ctrl or Alt (Ctrl-S
 * and Alt-b are the terminal's and readline's).
 */
export function keyAction(key: Keypress, actions: readonly Action[]): Action | undefined {
  if (key.ctrl || key.meta || key.name === undefined) return undefined;
  return actions.find((a) => ACTIONS[a].keys[0] === key.name);
}

/** The action keys of a key help line, in `actions`' order: ["h", "hint"]; `skip` may be worded for the question. */
export function actionKeys(actions: readonly Action[], skip = ACTIONS.skip.help): [key: string, does: string][] {
  return actions.map((a) => [ACTIONS[a].keys[0]!, a === 'skip' ? skip : ACTIONS[a].help]);
}
