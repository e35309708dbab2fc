/**
 * The inquirer prompts the interactive front end uses, and only those, so
 * the bundle can leave out the rest: the editor prompt alone (replaced by
 * ./editor.ts) brings half a megabyte of character-set tables. The question
 * prompts are our own (./key-prompts.ts), for their single keys.
 */
export { confirm, input } from '@inquirer/prompts';
export { chooseOne, tickSome, typeLine } from './key-prompts.js';
