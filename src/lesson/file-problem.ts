/** A problem in a lesson file, and the one way it is shown. Light on purpose: list and start import it. */
import { neutralize } from '../text/sanitize.js';
import type { SourceProblem } from './yaml-source.js';

export interface FileProblem extends SourceProblem {
  file: string;
  /** A warning leaves the lesson usable; anything else makes the file fail. */
  severity?: 'warning';
}

/** `file:line:col: message` (`warning: message` for a warning), the form editors and terminals link to. */
export function formatFileProblem(p: FileProblem): string {
  // A file name is text from outside too: a name holding ESC ] 0 ; would retitle the window.
  return `${neutralize(p.file)}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${neutralize(p.message)}`;
}

export const isError = (p: FileProblem): boolean => p.severity !== 'warning';

/** In file order, so an author can fix a file from top to bottom. */
export function byPosition(a: FileProblem, b: FileProblem): number {
  return a.line - b.line || a.col - b.col;
}
