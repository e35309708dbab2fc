/**
 * The manifest checker: a learner's Kubernetes manifest checked the way a
 * cluster would, in five steps, each problem placed at a line and column:
 *   1. YAML syntax, in plain words (parse.ts)
 *   2. the Kubernetes schema of its apiVersion and kind (object-kind.ts finds
 *      the kind, schema-check.ts checks its fields)
 *   3. the API server's own rules (object-rules.ts, pod-rules.ts)
 *   4. the lesson's checks (lesson-checks.ts), each on its object (check-targets.ts)
 *   5. the rules across objects, which also see the lesson's context (cross-object.ts)
 * A syntax error stops the check there; the other steps all run, in order.
 */
import type { Document, Node } from 'yaml';
import type { ManifestCheck } from '../lesson/schema.js';
import type { LineIndex } from '../text/line-index.js';
import type { CompilePattern } from '../text/pattern.js';
import { runTargetedChecks } from './check-targets.js';
import { checkCrossObject } from './cross-object.js';
import { AliasBudgetExceeded, Tree } from './nodes.js';
import { objectsOf } from './list.js';
import { checkObjectRules } from './object-rules.js';
import { TOO_MANY_ALIASES, type ManifestObject } from './objects.js';
import { parseManifestText } from './parse.js';
import { byPosition, type ManifestProblem } from './problem.js';
import type { Reporter } from './report.js';
import { checkSchema } from './schema-check.js';

export type { ManifestProblem, Severity } from './problem.js';
export { formatProblem } from './problem.js';
export { KUBERNETES_VERSION } from './k8s-schema.js';
export { parseFieldPath } from '../lesson/field-path.js';
export type { ManifestCheck };

/** An object as the later steps see it; its kind is read before anything can run out of alias budget. */
function objectOf(
  doc: Document.Parsed,
  root: Node,
  reporter: Reporter,
  origin: ManifestObject['origin'],
  lines: LineIndex,
): ManifestObject {
  const tree = new Tree(doc);
  let kind: string | undefined;
  try {
    kind = tree.text(tree.get(root, 'kind'));
  } catch (error) {
    if (!(error instanceof AliasBudgetExceeded)) throw error;
  }
  return { tree, root, kind, intact: true, reporter, origin, lines };
}

/** The context's objects, for the rules across objects; its own problems are lint's business, never the learner's. */
function contextObjects(context: string | undefined): ManifestObject[] {
  if (context === undefined || context.trim() === '') return [];
  const parsed = parseManifestText(context, 'file');
  return parsed.documents.flatMap(({ doc, root, reporter }) =>
    root === null ? [] : [objectOf(doc, root, reporter, 'context', parsed.lines)],
  );
}

function checkText(
  text: string,
  mode: 'answer' | 'file',
  checks: readonly ManifestCheck[],
  context?: string,
  compile?: CompilePattern,
): ManifestProblem[] {
  const parsed = parseManifestText(text, mode);
  if (parsed.documents.length === 0) return parsed.problems;
  const problems: ManifestProblem[] = [...parsed.problems];
  const answer: ManifestObject[] = [];
  for (const { doc, root, start, reporter } of parsed.documents) {
    if (root === null) continue;
    const object = objectOf(doc, root, reporter, 'answer', parsed.lines);
    answer.push(object);
    try {
      // A kind: List holds its objects under items: each is checked on its own.
      for (const item of objectsOf(object.tree, root, reporter)) {
        const kind = checkSchema(object.tree, item.node, item.reporter, text);
        if (kind) checkObjectRules(object.tree, item.node, kind.apiVersion, kind.kind, item.reporter);
      }
    } catch (error) {
      if (!(error instanceof AliasBudgetExceeded)) throw error;
      object.intact = false;
      reporter.atOffset(start, [], TOO_MANY_ALIASES);
    }
  }
  runTargetedChecks(answer, checks, compile);
  // A lesson answer (with its context) is the whole world of the exercise; a file may lean on what the cluster already has.
  checkCrossObject(
    answer.filter((o) => o.intact),
    contextObjects(context),
    mode === 'answer',
  );
  for (const { reporter } of parsed.documents) {
    const seen = new Set<string>();
    for (const p of reporter.problems) {
      // A node reached twice through an alias (*name) would report the same problem under two paths.
      const key = `${p.line}:${p.col}:${p.message}:${/[^.[]*$/.exec(p.path)![0]}`;
      if (!seen.has(key) && !parsed.problems.includes(p)) problems.push(p);
      seen.add(key);
    }
  }
  // In reading order, whatever step found them: a learner fixes a file from the top.
  return problems.sort(byPosition);
}

export interface CheckOptions {
  /** The lesson's own checks, each about the first document or the first object of its `kind`. */
  checks?: ManifestCheck[];
  /** Objects the learner is assumed to have applied (YAML, `---` between them): seen by the rules across objects, never reported on. */
  context?: string | undefined;
}

/**
 * Checks the manifest a lesson step asks for: one or more documents, then
 * the lesson's own checks (`opts.checks`), then the rules across objects,
 * which also see `opts.context`. Problems come in line order; an empty list
 * means the manifest is right.
 */
export async function checkManifest(text: string, opts: CheckOptions = {}): Promise<ManifestProblem[]> {
  const checks = opts.checks ?? [];
  // The pattern engine is loaded only for a check that has a pattern.
  const compile = checks.some((c) => c.matches !== undefined) ? (await import('../text/pattern.js')).compilePattern : undefined;
  return checkText(text, 'answer', checks, opts.context, compile);
}

/** Checks a file of manifests, one object per YAML document (`---` between them). */
export async function checkManifests(text: string): Promise<ManifestProblem[]> {
  return checkText(text, 'file', []);
}
