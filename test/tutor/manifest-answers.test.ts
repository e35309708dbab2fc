/**
 * The manifest step with the real checker: answers of several objects, checks
 * that name the kind they are about, and a step's context, through the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesson as lessonSchema } from '../../src/lesson/schema.js';
import { runLesson } from '../../src/tutor/engine.js';
import type { StepOutcome } from '../../src/lesson/outcome.js';
import { ScriptedPrompter, type Action } from '../helpers/scripted-prompter.js';

const objects = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'manifests', 'cross-good.yaml'), 'utf8').split(/^---\n/m);
const [deployment, service, claim, pod] = objects as [string, string, string, string];

const lesson = lessonSchema.parse({
  id: 'spanning',
  title: 'Objects that refer to each other',
  summary: 'A claim and its Pod; a Service in front of a Deployment.',
  steps: [
    {
      id: 'claim-and-pod',
      type: 'manifest',
      task: 'Write the claim `data-claim` and the Pod `test-data` that mounts it at /data.',
      solution: `${claim}---\n${pod}`,
      checks: [
        { kind: 'PersistentVolumeClaim', path: 'metadata.name', equals: 'data-claim' },
        { kind: 'Pod', path: 'metadata.name', equals: 'test-data' },
        { kind: 'Pod', path: 'spec.containers[0].volumeMounts[*].mountPath', contains: '/data' },
      ],
    },
    {
      id: 'service',
      type: 'manifest',
      task: 'Write the Service `nginx-service` for the Pods of `nginx-deployment`.',
      solution: service,
      context: deployment,
      checks: [{ kind: 'Service', path: 'spec.selector.app', equals: 'nginx' }],
    },
  ],
});

async function run(script: Action[]) {
  const prompter = new ScriptedPrompter(script);
  const settled: StepOutcome[] = [];
  await runLesson(lesson, prompter, { onSettled: (o) => void settled.push(o) });
  expect(prompter.remaining).toBe(0);
  return { prompter, settled };
}

describe('manifest answers of several objects, with the real checker', () => {
  it('a claim and the Pod in one answer, in either order, settle the step', async () => {
    const { settled } = await run([`${pod}---\n${claim}`, service]);
    expect(settled.map((o) => [o.stepId, o.status, o.attempts])).toEqual([
      ['claim-and-pod', 'right', 1],
      ['service', 'right', 1],
    ]);
  });

  it('an answer without the claim: told which kind is missing, and the Pod that names it is warned at its line', async () => {
    const { prompter, settled } = await run([pod, `${claim}---\n${pod}`, service]);
    const feedback = prompter.shown.find((s) => s.startsWith('Problems found'))!;
    expect(feedback.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- 1:1 this exercise asks for a PersistentVolumeClaim, and this answer has none',
      '- 17:18 warning: spec.volumes[0].persistentVolumeClaim.claimName: no PersistentVolumeClaim "data-claim" in this answer; the API accepts this, but the Pod stays Pending until a claim of that name exists in its namespace',
    ]);
    expect(settled[0]).toMatchObject({ status: 'right', attempts: 2 });
  });

  it("the step's context is seen by the rules across objects, and named rather than given a line", async () => {
    const wrong = service.replace('app: nginx', 'app: web');
    const { prompter, settled } = await run([`${claim}---\n${pod}`, wrong, service]);
    const feedback = prompter.shown.find((s) => s.startsWith('Problems found'))!;
    expect(feedback.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- 9:10 spec.selector.app: expected "nginx", got "web"',
      '- 9:10 warning: spec.selector.app: selects no Pods: the Pods of Deployment "nginx-deployment" are labelled app: nginx, tier: web (already applied, as this exercise assumes); the API accepts this, but the Service will have no endpoints',
    ]);
    expect(settled[1]).toMatchObject({ stepId: 'service', status: 'right', attempts: 2 });
  });
});
