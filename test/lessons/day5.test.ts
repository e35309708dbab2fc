/**
 * Day 5, Deployments: the course's shape, plus what this day's exercise must
 * get right for day 6 to build on it (the Pods' label, the selector that
 * picks them, the port the Service will target).
 */
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ManifestStep } from '../../src/lesson/schema.js';
import { describeCourseDay } from './course-shape.js';

describeCourseDay({ day: 5, misconceptions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], manifests: 1 }, (lesson) => {
  const exercise = (): ManifestStep => lesson().steps.find((s): s is ManifestStep => s.type === 'manifest')!;

  it("has a solution whose selector is exactly its template's labels, app: nginx", () => {
    const solution = parse(exercise().solution);
    expect(solution.spec.selector.matchLabels).toEqual(solution.spec.template.metadata.labels);
    expect(solution.spec.template.metadata.labels).toEqual({ app: 'nginx' });
  });

  it('has a solution that runs nginx:1.30 with containerPort 80 in 3 replicas', () => {
    const solution = parse(exercise().solution);
    expect(solution).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nginx-deployment' } });
    expect(solution.spec.replicas).toBe(3);
    expect(solution.spec.template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.30', ports: [{ containerPort: 80 }] }]);
  });

  it('has a starter whose selector misses its template, the mistake the exercise is about', async () => {
    const starter = parse(exercise().starter!);
    expect(starter.spec.selector.matchLabels).not.toEqual(starter.spec.template.metadata.labels);
    const { checkManifest } = await import('../../src/manifest/check.js');
    const problems = await checkManifest(exercise().starter!);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/selector does not match template labels/);
  });

  it('asks for kubectl commands in the practice namespace', () => {
    const commands = lesson().steps.filter((s) => s.type === 'command');
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const c of commands) for (const e of c.expect) expect(e, c.id).toMatch(/^kubectl .* -n learn-lab( |$)/);
  });
});
