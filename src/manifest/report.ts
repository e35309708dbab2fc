/** Collects the problems of one document, placing each at a node of the text. */
import type { Node } from 'yaml';
import type { LineIndex } from '../text/line-index.js';
import { neutralize } from '../text/sanitize.js';
import { formatPath, type ManifestProblem, type PathSegment, type Severity } from './problem.js';

export interface ReportOptions {
  hint?: string | undefined;
  severity?: Severity;
}

export class Reporter {
  /** @param fallback the offset to use when a node has no position (the document's start). */
  constructor(
    private readonly lines: LineIndex,
    private readonly fallback: number,
    readonly problems: ManifestProblem[] = [],
    private readonly prefix: readonly PathSegment[] = [],
  ) {}

  /** A reporter for a part of the document (a List's item): same problems, paths starting with `prefix`. */
  prefixed(prefix: readonly PathSegment[]): Reporter {
    return new Reporter(this.lines, this.fallback, this.problems, [...this.prefix, ...prefix]);
  }

  at(node: Node | null | undefined, path: readonly PathSegment[], message: string, options: ReportOptions = {}): void {
    this.atOffset(node?.range?.[0] ?? this.fallback, path, message, options);
  }

  /** Like `at`, with a path already written out (a lesson check's path with its [*]). */
  atPath(node: Node | null | undefined, path: string, message: string, options: ReportOptions = {}): void {
    this.push(node?.range?.[0] ?? this.fallback, path, message, options);
  }

  atOffset(offset: number, path: readonly PathSegment[], message: string, options: ReportOptions = {}): void {
    this.push(offset, formatPath([...this.prefix, ...path]), message, options);
  }

  private push(offset: number, path: string, message: string, options: ReportOptions): void {
    const { line, col } = this.lines.linePos(offset);
    const problem: ManifestProblem = {
      line,
      col,
      path: neutralize(path),
      message: neutralize(message),
      severity: options.severity ?? 'error',
    };
    if (options.hint) problem.hint = neutralize(options.hint);
    this.problems.push(problem);
  }

  get errorCount(): number {
    return this.problems.filter((p) => p.severity === 'error').length;
  }
}
