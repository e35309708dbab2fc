/**
 * What a learner can do at any question instead of answering, in the words
 * both front ends use: plain mode's keys (h, s, q) and the interactive
 * menus' entries. The engine sees only the Reply kinds (../tutor/prompter.ts).
 */
import type { Action } from '../tutor/prompter.js';

interface Words {
  /** Plain mode: the keys, the first one the one shown. */
  keys: readonly string[];
  /** Plain mode: what the key does, after the key ("h for a hint"). */
  does: string;
  /** The interactive menus' entry. */
  entry: string;
  /** The answer line once chosen ("✔ question Skip"). */
  chosen: string;
}

export const ACTIONS: Readonly<Record<Action, Words>> = {
  hint: { keys: ['h', 'hint'], does: 'for a hint', entry: 'Show a hint', chosen: 'Show a hint' },
  skip: { keys: ['s', 'skip'], does: 'to skip', entry: 'Skip this question', chosen: 'Skip' },
  quit: { keys: ['q', 'quit'], does: 'to save and quit', entry: 'Save and quit', chosen: 'Save and quit' },
};

/** The interactive menu's way back to the question an empty answer left. */
export const BACK = 'Back to the question';

/** A manifest's skip shows a solution, and says so. */
export const SKIP_MANIFEST = 'Skip (see a solution)';

/** "h for a hint, s to skip, q to save and quit". */
export const KEYS = (Object.keys(ACTIONS) as Action[]).map((a) => `${ACTIONS[a].keys[0]} ${ACTIONS[a].does}`).join(', ');

/** The action a plain-mode line asks for, if it is one. */
export function actionOf(line: string): Action | undefined {
  const key = line.trim().toLowerCase();
  return (Object.keys(ACTIONS) as Action[]).find((a) => ACTIONS[a].keys.includes(key));
}

/** The actions a question offers, in menu order: a hint only when it has one. */
export function offered(hasHint: boolean): Action[] {
  return hasHint ? ['hint', 'skip', 'quit'] : ['skip', 'quit'];
}
