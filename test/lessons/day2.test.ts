/**
 * Day 2, the control plane: the course's shape, plus what is particular to
 * "be the API server". The starter holds the three planted errors of the
 * brief, the checker finds each one where it was planted, and the three stage
 * questions name the stage the brief gives for each error.
 */
import { expect, it } from 'vitest';
import { checkManifest } from '../../src/manifest/check.js';
import type { ChoiceStep, CommandStep, Lesson, ManifestStep } from '../../src/lesson/schema.js';
import { describeCourseDay } from './course-shape.js';

/** Each planted error, the line it sits on, the fix, and the stage that rejects it first (day2-facts.md, section H). */
const PLANTED = [
  { error: 'apiversion: v1', fix: 'apiVersion: v1', line: 1, question: 'stage-apiversion', stage: /^kubectl, before sending/ },
  { error: 'port: 8080', fix: 'port: "8080"', line: 7, question: 'stage-port', stage: /decoding, with 400/ },
  { error: 'name: My-Config', fix: 'name: app-config', line: 4, question: 'stage-name', stage: /^Validation \(422\)/ },
];

function step<T>(lesson: Lesson, id: string): T {
  const found = lesson.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found as T;
}

describeCourseDay({ day: 2, misconceptions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], manifests: 1 }, (lesson) => {
  it('plants the three errors of the brief in the ConfigMap starter, each on its own line', () => {
    const starter = step<ManifestStep>(lesson(), 'fix-configmap').starter!.split('\n');
    for (const p of PLANTED) expect(starter[p.line - 1]?.trim(), p.error).toBe(p.error);
  });

  it.each(PLANTED)('has the checker report "$error" on line $line when it is the only error left', async (p) => {
    let text = step<ManifestStep>(lesson(), 'fix-configmap').starter!;
    for (const other of PLANTED) if (other !== p) text = text.replace(other.error, other.fix);
    const errors = (await checkManifest(text)).filter((e) => e.severity === 'error');
    expect(errors.map((e) => e.line)).toContain(p.line);
  });

  it('shows the same file in the explain step the stage questions refer to', () => {
    const shown = step<{ body: string }>(lesson(), 'be-the-api-server').body;
    const starter = step<ManifestStep>(lesson(), 'fix-configmap').starter!;
    expect(shown).toContain(starter.trimEnd());
  });

  it.each(PLANTED)('asks which stage rejects "$error", with the brief\'s stage as the right answer', (p) => {
    const q = step<ChoiceStep>(lesson(), p.question);
    const right = q.choices.filter((c) => c.correct);
    expect(right).toHaveLength(1);
    expect(right[0]!.text).toMatch(p.stage);
  });

  it('asks for the commands the brief names, typed as kubectl reads them', () => {
    const expected = lesson()
      .steps.filter((s): s is CommandStep => s.type === 'command')
      .flatMap((s) => s.expect);
    for (const command of [
      'kubectl cluster-info',
      'kubectl get nodes',
      'kubectl get pods -n kube-system -l tier=control-plane',
      'kubectl api-resources',
      'kubectl explain configmaps.data',
    ]) {
      expect(expected).toContain(command);
    }
  });
});
