/**
 * Step 4 of the checker: the lesson's own checks (a path and one operator:
 * equals, matches, contains, exists, absent). Lesson data never holds code,
 * so this is the whole language.
 */
import { isScalar, isSeq, type Node } from 'yaml';
import type { ManifestCheck } from '../lesson/schema.js';
import type { CompilePattern } from '../text/pattern.js';
import { describe, isNull, type Tree } from './nodes.js';
import { formatFieldPath, parseFieldPath } from '../lesson/field-path.js';
import { resolveFieldPath, type FieldMatch } from './field-path.js';
import { formatPath, quote, type PathSegment } from './problem.js';
import type { Reporter } from './report.js';

type Scalar = string | number | boolean;

const show = (v: Scalar) => (typeof v === 'string' ? quote(v) : String(v));

/** A value found in the manifest, as a message shows it: text quoted, numbers and booleans not. */
function got(tree: Tree, node: Node | null): string {
  const value = scalarOf(tree, node);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? show(value) : describe(tree.resolve(node));
}

function scalarOf(tree: Tree, node: Node | null): unknown {
  const resolved = tree.resolve(node);
  return isScalar(resolved) ? resolved.value : undefined;
}

interface Failure {
  at: Node | null;
  path: PathSegment[] | string;
  message: string;
}

function evaluate(
  tree: Tree,
  check: ManifestCheck,
  matches: FieldMatch[],
  missing: () => Failure,
  compile?: CompilePattern,
): Failure | undefined {
  const set = matches.filter((m) => !isNull(tree.resolve(m.node)));
  const valueFailure = (m: FieldMatch, message: string): Failure => ({ at: tree.resolve(m.node) ?? m.at, path: m.path, message });

  if (check.exists) return set.length > 0 ? undefined : { ...missing(), message: 'missing' };
  if (check.absent) return set.length === 0 ? undefined : { at: set[0]!.at, path: set[0]!.path, message: 'should not be set' };

  if (check.equals !== undefined) {
    const expected = check.equals;
    if (set.length === 0) return { ...missing(), message: `missing (expected ${show(expected)})` };
    for (const m of set) {
      if (scalarOf(tree, m.node) !== expected) return valueFailure(m, `expected ${show(expected)}, got ${got(tree, m.node)}`);
    }
    return undefined;
  }

  if (check.matches !== undefined) {
    // A linear-time engine (src/text/pattern.ts): no pattern can make a check run for minutes.
    const compiled = compile?.(check.matches);
    if (!compiled?.ok) return { ...missing(), message: `this lesson's check has an invalid pattern ${JSON.stringify(check.matches)}` };
    const { pattern } = compiled;
    if (set.length === 0) return { ...missing(), message: 'missing' };
    for (const m of set) {
      const value = scalarOf(tree, m.node);
      if (value === undefined) return valueFailure(m, `expected a value, got ${describe(tree.resolve(m.node))}`);
      if (!pattern.test(String(value))) return valueFailure(m, `${quote(value)} is not what this exercise asks for`);
    }
    return undefined;
  }

  if (check.contains !== undefined) {
    const expected = check.contains;
    const found = set.some((m) => {
      const node = tree.resolve(m.node);
      if (isSeq(node)) return tree.items(node).some((item) => scalarOf(tree, item) === expected);
      return scalarOf(tree, node) === expected;
    });
    if (found) return undefined;
    if (set.length === 0) return { ...missing(), message: `missing (expected ${show(expected)})` };
    const first = set[0]!;
    const node = tree.resolve(first.node);
    if (isSeq(node)) return valueFailure(first, `should include ${show(expected)}`);
    if (set.length === 1) return valueFailure(first, `expected ${show(expected)}, got ${got(tree, node)}`);
    return { at: node ?? first.at, path: missing().path, message: `none of the ${set.length} values is ${show(expected)}` };
  }
  return undefined;
}

const overlaps = (a: string, b: string) =>
  a === b || a === '' || b === '' || b.startsWith(`${a}.`) || b.startsWith(`${a}[`) || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);

/**
 * Runs the checks in order. A check about a field that already has an error
 * from the earlier steps is skipped: the learner fixes that first and sees
 * one problem, not two.
 */
export function runLessonChecks(
  tree: Tree,
  root: Node,
  checks: readonly ManifestCheck[],
  report: Reporter,
  compile?: CompilePattern,
): void {
  const earlier = report.problems.filter((p) => p.severity === 'error').map((p) => p.path);
  for (const check of checks) {
    const parsed = parseFieldPath(check.path);
    if (!parsed.ok) {
      report.at(root, [], `this lesson's check has an invalid path: ${parsed.error}`);
      continue;
    }
    const { matches, deepest } = resolveFieldPath(tree, root, parsed.segments);
    const missing = (): Failure => ({ at: deepest.at, path: formatFieldPath(parsed.segments), message: 'missing' });
    const failure = evaluate(tree, check, matches, missing, compile);
    if (!failure) continue;
    const path = typeof failure.path === 'string' ? failure.path : formatPath(failure.path);
    if (earlier.some((p) => overlaps(p, path))) continue;
    report.atPath(failure.at, path, check.message ?? failure.message, { hint: check.hint });
  }
}
