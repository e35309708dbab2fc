/**
 * The manifest checker: a learner's Kubernetes manifest checked the way a
 * cluster would, in four steps, each problem placed at a line and column:
 *   1. YAML syntax, in plain words (parse.ts)
 *   2. the Kubernetes schema of its apiVersion and kind (schema-check.ts)
 *   3. the API server's own rules (object-rules.ts, pod-rules.ts)
 *   4. the lesson's checks (lesson-checks.ts)
 * A syntax error stops the check there; the other steps all run, in order.
 */
import type { ManifestCheck } from '../lesson/schema.js';
import type { CompilePattern } from '../text/pattern.js';
import { runLessonChecks } from './lesson-checks.js';
import { AliasBudgetExceeded, Tree } from './nodes.js';
import { checkObjectRules } from './object-rules.js';
import { parseManifestText } from './parse.js';
import type { ManifestProblem } from './problem.js';
import { checkSchema } from './schema-check.js';

export type { ManifestProblem, Severity } from './problem.js';
export { formatProblem } from './problem.js';
export { KUBERNETES_VERSION } from './k8s-schema.js';
export { parseFieldPath } from './field-path.js';
export type { ManifestCheck };

function checkText(text: string, mode: 'single' | 'multi', checks: readonly ManifestCheck[], compile?: CompilePattern): ManifestProblem[] {
  const parsed = parseManifestText(text, mode);
  if (parsed.documents.length === 0) return parsed.problems;
  const problems: ManifestProblem[] = [...parsed.problems];
  for (const { doc, root, start, reporter } of parsed.documents) {
    if (root === null) continue;
    const tree = new Tree(doc);
    try {
      const kind = checkSchema(tree, root, reporter, text);
      if (kind) checkObjectRules(tree, root, kind.apiVersion, kind.kind, reporter);
      if (checks.length > 0) runLessonChecks(tree, root, checks, reporter, compile);
    } catch (error) {
      if (!(error instanceof AliasBudgetExceeded)) throw error;
      reporter.atOffset(start, [], 'this document repeats its aliases (*name) too many times to be checked');
    }
    const seen = new Set<string>();
    for (const p of reporter.problems) {
      // A node reached twice through an alias (*name) would report the same problem under two paths.
      const key = `${p.line}:${p.col}:${p.message}:${/[^.[]*$/.exec(p.path)![0]}`;
      if (!seen.has(key) && !parsed.problems.includes(p)) problems.push(p);
      seen.add(key);
    }
  }
  return problems;
}

/**
 * Checks the one manifest a lesson step asks for: exactly one YAML document,
 * then the lesson's own checks (`opts.checks`). Problems come in the order of
 * the steps; an empty list means the manifest is right.
 */
export async function checkManifest(text: string, opts: { checks?: ManifestCheck[] } = {}): Promise<ManifestProblem[]> {
  const checks = opts.checks ?? [];
  // The pattern engine is loaded only for a check that has a pattern.
  const compile = checks.some((c) => c.matches !== undefined) ? (await import('../text/pattern.js')).compilePattern : undefined;
  return checkText(text, 'single', checks, compile);
}

/** Checks a file of manifests, one object per YAML document (`---` between them). */
export async function checkManifests(text: string): Promise<ManifestProblem[]> {
  return checkText(text, 'multi', []);
}
