/**
 * Day 1: the course's shape, plus what this day sets up for the rest of the
 * course: the solution is the Namespace learn-lab with a label (a valid DNS
 * label, not under the reserved kube- prefix), the lesson leads on to day 2,
 * and it teaches nothing its brief marks unverified (Mesos' status).
 */
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Lesson, ManifestStep } from '../../src/lesson/schema.js';
import { describeCourseDay } from './course-shape.js';

/** Every piece of text a learner can read in a lesson. */
function allText(lesson: Lesson): string {
  return JSON.stringify(lesson);
}

describeCourseDay({ day: 1, misconceptions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], manifests: 1 }, (lesson) => {
  const exercise = () => lesson().steps.find((s): s is ManifestStep => s.type === 'manifest')!;

  it('solves the exercise with the Namespace learn-lab and a label of its own', () => {
    const ns = parse(exercise().solution) as {
      apiVersion: string;
      kind: string;
      metadata: { name: string; namespace?: string; labels?: Record<string, string> };
    };
    expect([ns.apiVersion, ns.kind, ns.metadata.name]).toEqual(['v1', 'Namespace', 'learn-lab']);
    expect(Object.keys(ns.metadata.labels ?? {}).length).toBeGreaterThan(0);
    for (const value of Object.values(ns.metadata.labels ?? {})) expect(typeof value).toBe('string');
    expect(ns.metadata.namespace).toBeUndefined();
  });

  it("gives the namespace a name that is a DNS label and doesn't use the reserved kube- prefix", () => {
    const name = (parse(exercise().solution) as { metadata: { name: string } }).metadata.name;
    expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name.startsWith('kube-')).toBe(false);
  });

  it("checks the namespace's name and label, so a Namespace named otherwise fails", async () => {
    const { checkManifest } = await import('../../src/manifest/check.js');
    const renamed = exercise().solution.replace('name: learn-lab', 'name: kube-learn-lab');
    const unlabelled = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: learn-lab\n';
    for (const text of [renamed, unlabelled]) {
      const problems = await checkManifest(text, { checks: exercise().checks });
      expect(problems.filter((p) => p.severity === 'error').length, text).toBeGreaterThan(0);
    }
  });

  it('leads on to day 2', () => {
    expect(lesson().next).toBe('day2');
  });

  it('teaches nothing about Mesos, whose status the brief marks unverified', () => {
    expect(allText(lesson())).not.toMatch(/mesos/i);
  });

  it('never calls the control plane a master node, except to correct it', () => {
    for (const step of lesson().steps) {
      if (!/master/i.test(JSON.stringify(step))) continue;
      expect(step.corrects ?? [], step.id).toContain(8);
    }
  });
});
