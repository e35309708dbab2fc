/**
 * The seam to the manifest checker (src/manifest/), kept structural so the
 * engine can be tested with any checker and loads the real one only when a
 * lesson reaches a manifest step.
 */
import type { ManifestCheck } from '../lesson/schema.js';
// A type only: the checker itself stays unloaded until a manifest step.
import type { ManifestProblem } from '../manifest/problem.js';

export type { ManifestProblem };

export type CheckManifest = (
  text: string,
  opts: { checks?: ManifestCheck[]; context?: string | undefined },
) => Promise<readonly ManifestProblem[]>;

export const loadCheckManifest: CheckManifest = async (text, opts) => {
  const { checkManifest } = await import('../manifest/check.js');
  return checkManifest(text, opts);
};

/** The problems as a Markdown list: `7:5 spec.containers[0].image: required`, then its hint. */
export function problemList(problems: readonly ManifestProblem[]): string {
  return problems
    .map((p) => {
      const where = `${p.line}:${p.col}`;
      const what = `${p.severity === 'warning' ? 'warning: ' : ''}${p.path ? `${p.path}: ` : ''}${p.message}`;
      const hint = p.hint ? `\n  - Hint: ${p.hint}` : '';
      return `- ${where} ${what}${hint}`;
    })
    .join('\n');
}
