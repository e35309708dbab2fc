/**
 * The inquirer prompts the interactive front end uses, and only those, so
 * the bundle can leave out the rest: the editor prompt alone (replaced by
 * ./editor.ts) brings half a megabyte of character-set tables.
 */
export { checkbox, confirm, input, select, Separator } from '@inquirer/prompts';
