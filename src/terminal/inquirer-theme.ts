/**
 * The look of the inquirer prompts, from our palette, so NO_COLOR and
 * FORCE_COLOR hold for the prompts too (inquirer's defaults colour on their
 * own), and the help line under each prompt names the keys that work there.
 */
import type { Palette } from './colors.js';
import type { Action } from '../tutor/prompter.js';
import { ACTIONS, actionKeys } from './actions.js';
import { wrapPieces, type Piece } from '../text/width.js';

export type KeyHelp = [key: string, action: string][];

/**
 * The keys of each kind of question prompt (./key-prompts.ts), for its help
 * line: the prompt's own keys, then the keys of the actions it offers.
 * `choose` is what Enter does at a list ("answer", or "choose" in a menu).
 */
export const QUESTION_KEYS = {
  list: (actions: readonly Action[], choose = 'answer', skip?: string): KeyHelp => [
    ['↑↓', 'move'],
    ['⏎', choose],
    ...actionKeys(actions, skip),
  ],
  ticks: (actions: readonly Action[]): KeyHelp => [['↑↓', 'move'], ['space', 'tick'], ['⏎', 'submit'], ...actionKeys(actions)],
  /** A line of text keeps its letters: the actions are in the menu Enter on an empty line opens. */
  line: (actions: readonly Action[]): KeyHelp => {
    const words = actions.map((a) => ACTIONS[a].help);
    return [
      ['⏎', 'answer'],
      ['⏎ on an empty line:', words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words.join('')],
    ];
  },
};

/** "↑↓ move • ⏎ answer": each key in bold, what it does muted. */
export function keyHelpPieces(c: Palette, pairs: KeyHelp): Piece[] {
  return pairs.flatMap(([key, action], i): Piece[] => [
    ...(i > 0 ? [{ text: ' • ', style: c.muted }] : []),
    { text: key, style: c.bold },
    { text: ' ' },
    { text: action, style: c.muted },
  ]);
}

/**
 * `width`: the columns the help line may take; it is wrapped at words
 * (inquirer would break it mid-word).
 */
export function promptTheme(c: Palette, help?: KeyHelp, width = 80) {
  const keys = (pairs: KeyHelp) => wrapPieces(keyHelpPieces(c, pairs), width).join('\n');
  return {
    prefix: { idle: c.accent('?'), done: c.right('✔') },
    style: {
      answer: c.accent,
      message: (text: string) => c.bold(text),
      error: (text: string) => c.wrong(`> ${text}`),
      defaultAnswer: (text: string) => c.muted(`(${text})`),
      help: c.muted,
      highlight: c.accent,
      key: (text: string) => c.accent(c.bold(`<${text}>`)),
      description: c.accent,
      disabled: c.muted,
      keysHelpTip: (defaults: KeyHelp) => keys(help ?? defaults),
    },
    icon: { cursor: '❯', checked: c.right('◉'), unchecked: '◯' },
  };
}
