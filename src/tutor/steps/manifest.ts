/**
 * A manifest written by the learner: checked by the manifest checker (the
 * lesson's `checks` on top), kept as a draft as it is checked, the solution
 * offered rather than shown after the second miss; stored as written.
 */
import type { ManifestStep } from '../../lesson/schema.js';
import { fenced } from '../../text/markdown.js';
import { problemList } from '../manifest-step.js';
import { afterword, settle } from '../settle.js';
import type { StepKind } from '../step-kind.js';

export const manifest: StepKind<ManifestStep> = {
  async walk(p, step, ctx) {
    await p.show(step.task);
    let current = ctx.draft ?? step.starter ?? '';
    const { outcome } = await settle<string>(
      p,
      step,
      {
        text: 'Your manifest',
        ask: (q) => p.askLines(q, current),
        judge: async (text) => {
          if (text.trim() === '') return { invalid: 'The manifest is empty: nothing to check.' };
          current = text;
          await ctx.saveDraft?.(step.id, text);
          const problems = await ctx.check(text, { checks: step.checks, context: step.context });
          const right = !problems.some((x) => x.severity === 'error');
          if (problems.length === 0) return { right };
          return { right, feedback: `${right ? 'It works, with warnings' : 'Problems found'}:\n\n${problemList(problems)}` };
        },
        record: (text) => text,
        reveal: async (lead) => {
          await p.show(`${lead} A solution:`, 'note');
          await p.show(fenced(step.solution));
        },
        offerSolution: true,
      },
      ctx,
    );
    return { outcome, afterword: afterword(step) };
  },
  question: (step) => step.task,
  rightAnswers: () => [],
};
