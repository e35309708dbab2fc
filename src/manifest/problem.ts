/**
 * What the checker reports, and where. Every problem carries the 1-based line
 * and column in the learner's text and the field path it is about, so the
 * tutor and `kube-learn check` can both point at it.
 */
import { neutralize } from '../text/sanitize.js';

export type Severity = 'error' | 'warning';

export interface ManifestProblem {
  /** 1-based line in the checked text. */
  line: number;
  /** 1-based column in the checked text. */
  col: number;
  /** The field the problem is about, like `spec.containers[0].image`; '' for the document itself. */
  path: string;
  message: string;
  hint?: string;
  severity: Severity;
}

/** One step of a field path: a mapping key or a list index. */
export type PathSegment = string | number;

/** `['spec', 'containers', 0, 'image']` -> `spec.containers[0].image`: the one path writer, shared with lesson checks. */
export { formatFieldPath as formatPath } from '../lesson/field-path.js';

/**
 * `7:5 spec.containers[0].image: required`, or with a file name
 * `pod.yaml:7:5: spec.containers[0].image: required`. A warning says so
 * right after the place: `7:5 warning: ...`. Text that came from the
 * manifest cannot drive the terminal.
 */
export function formatProblem(p: ManifestProblem, file?: string): string {
  const where = file === undefined ? `${p.line}:${p.col}` : `${file}:${p.line}:${p.col}:`;
  const severity = p.severity === 'warning' ? 'warning: ' : '';
  const line = `${where} ${severity}${p.path === '' ? '' : `${p.path}: `}${p.message}`;
  return neutralize(line).replace(/\n/g, ' ');
}

/** A value from the learner's text, shown in a message: quoted, short, on one line. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(short);
}

/** Problems in reading order, errors before warnings at the same place. */
export function byPosition(a: ManifestProblem, b: ManifestProblem): number {
  return a.line - b.line || a.col - b.col || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
}
