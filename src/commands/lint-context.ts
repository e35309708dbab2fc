/**
 * `kube-learn lint` on the `context` of manifest steps: objects the learner is
 * assumed to have applied must parse and check clean, or the rules across
 * objects would judge answers against broken ones. Each problem is placed at
 * its line in the lesson file. The manifest checker loads only for lessons
 * that have a context.
 */
import { embeddedOrigin } from '../lesson/embedded-text.js';
import type { FileProblem } from '../lesson/file-problem.js';
import type { LoadResult } from '../lesson/load.js';
import type { Lesson } from '../lesson/schema.js';

/** `text`: the lesson file's text, as it was parsed into `result`. */
export async function contextProblems(result: LoadResult, text: string): Promise<FileProblem[]> {
  const steps = (result.lesson?.steps ?? []).flatMap((step, i) =>
    step.type === 'manifest' && step.context !== undefined ? [{ i, context: step.context }] : [],
  );
  if (steps.length === 0 || !result.nodeAt) return [];
  const { checkManifests } = await import('../manifest/check.js');
  const problems: FileProblem[] = [];
  for (const { i, context } of steps) {
    const origin = embeddedOrigin(text, result.nodeAt(['steps', i, 'context']));
    for (const p of await checkManifests(context)) {
      const what = `${p.path === '' ? '' : `${p.path}: `}${p.message}`;
      problems.push({
        file: result.file,
        ...origin(p),
        message: `context: ${what}`,
        ...(p.severity === 'warning' ? { severity: 'warning' as const } : {}),
      });
    }
  }
  return problems;
}

/** Whether every step's context checks clean, for lint's fast path (which has no positions to give problems). */
export async function contextsClean(lesson: Lesson): Promise<boolean> {
  const contexts = lesson.steps.flatMap((step) => (step.type === 'manifest' && step.context !== undefined ? [step.context] : []));
  if (contexts.length === 0) return true;
  const { checkManifests } = await import('../manifest/check.js');
  for (const context of contexts) if ((await checkManifests(context)).length > 0) return false;
  return true;
}
