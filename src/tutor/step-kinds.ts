/** The step types, each with its module (./steps/): the one place the engine and the summary look a type up. */
import type { Step } from '../lesson/schema.js';
import type { StepKind } from './step-kind.js';
import { choice } from './steps/choice.js';
import { command } from './steps/command.js';
import { explain } from './steps/explain.js';
import { manifest } from './steps/manifest.js';
import { multi } from './steps/multi.js';
import { text } from './steps/text.js';

type KindTable = { [K in Step['type']]: StepKind<Extract<Step, { type: K }>> };

/** Keyed by `type:` in the lesson file; the compiler fails while a type has no module. */
export const STEP_KINDS: KindTable = { explain, choice, multi, text, command, manifest };

export function kindOf<S extends Step>(step: S): StepKind<S> {
  return STEP_KINDS[step.type] as unknown as StepKind<S>;
}
