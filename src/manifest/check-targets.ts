/**
 * Which object of a several-document answer each lesson check is about: the
 * first object of the check's `kind`, or without one, the first document.
 * An answer that lacks a kind the checks ask for is told so once.
 */
import type { ManifestCheck } from '../lesson/schema.js';
import type { CompilePattern } from '../text/pattern.js';
import { runLessonChecks } from './lesson-checks.js';
import { AliasBudgetExceeded } from './nodes.js';
import { kindOf, TOO_MANY_ALIASES, type ManifestObject } from './objects.js';

export function runTargetedChecks(answer: readonly ManifestObject[], checks: readonly ManifestCheck[], compile?: CompilePattern): void {
  const first = answer[0];
  if (!first) return;
  const groups = new Map<ManifestObject, ManifestCheck[]>();
  const missing: string[] = [];
  for (const check of checks) {
    const target = check.kind === undefined ? first : answer.find((o) => kindOf(o) === check.kind);
    if (target) groups.set(target, [...(groups.get(target) ?? []), check]);
    else if (!missing.includes(check.kind!)) missing.push(check.kind!);
  }
  for (const [target, group] of groups) {
    if (!target.intact) continue;
    try {
      runLessonChecks(target.tree, target.root, group, target.reporter, compile);
    } catch (error) {
      if (!(error instanceof AliasBudgetExceeded)) throw error;
      target.intact = false;
      target.reporter.at(target.root, [], TOO_MANY_ALIASES);
    }
  }
  for (const kind of missing) {
    first.reporter.at(first.root, [], `this exercise asks for a ${kind}, and this answer has none`, {
      hint: `add it as another document: a line with --- and then the ${kind}`,
    });
  }
}
