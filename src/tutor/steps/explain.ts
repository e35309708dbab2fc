/** An explanation: its title, body and sources, then a pause; settled as `seen`. */
import { Cancelled } from '../../errors.js';
import type { ExplainStep } from '../../lesson/schema.js';
import type { StepKind } from '../step-kind.js';

export const explain: StepKind<ExplainStep> = {
  async walk(p, step) {
    await p.show(step.title, 'heading');
    await p.show(step.body);
    // Printed as text, never as a terminal hyperlink that could hide where it leads.
    if (step.sources?.length) await p.show(`Sources:\n\n${step.sources.map((url) => `- ${url}`).join('\n')}`, 'note');
    if ((await p.pause()) === 'quit') throw new Cancelled('quit', 'Quit');
    return { outcome: { stepId: step.id, type: 'explain', status: 'seen', attempts: 0, firstTry: false, revealed: false }, afterword: [] };
  },
  question: () => undefined,
  rightAnswers: () => [],
};
