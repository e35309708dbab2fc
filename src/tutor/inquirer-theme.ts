/**
 * The look of the inquirer prompts, from our palette, so NO_COLOR and
 * FORCE_COLOR hold for the prompts too (inquirer's defaults colour on their
 * own), and the help line under each prompt names the keys that work there.
 */
import type { Palette } from './colors.js';

export type KeyHelp = [key: string, action: string][];

export function promptTheme(c: Palette, help?: KeyHelp) {
  const keys = (pairs: KeyHelp) => pairs.map(([k, a]) => `${c.bold(k)} ${c.muted(a)}`).join(c.muted(' • '));
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
