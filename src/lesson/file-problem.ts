/** A problem in a lesson file, and the one way it is shown. Light on purpose: list and start import it. */
import { neutralize } from '../text/sanitize.js';
import type { SourceProblem } from './yaml-source.js';

export interface FileProblem extends SourceProblem {
  file: string;
}

/** `file:line:col: message`, the form editors and terminals link to. */
export function formatFileProblem(p: FileProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${neutralize(p.message)}`;
}
