/**
 * Day 6, Services: the course's shape, plus what ties this day's exercise to
 * day 5's: the Service selects the Pods of the Deployment given as context and
 * sends traffic to the port their container declares.
 */
import { expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { ManifestStep } from '../../src/lesson/schema.js';
import { describeCourseDay, lessonFile } from './course-shape.js';
import { loadLessonFile } from '../../src/lesson/load.js';

describeCourseDay({ day: 6, misconceptions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], manifests: 1 }, (lesson) => {
  const exercise = (): ManifestStep => lesson().steps.find((s): s is ManifestStep => s.type === 'manifest')!;
  const deployment = () =>
    parseAllDocuments(exercise().context ?? '')
      .map((d) => d.toJS())
      .find((o) => o?.kind === 'Deployment');

  it("gives day 5's Deployment as context, exactly as day 5's solution", async () => {
    const day5 = (await loadLessonFile(lessonFile('day5'))).lesson!;
    const day5Exercise = day5.steps.find((s): s is ManifestStep => s.type === 'manifest')!;
    expect(deployment()).toEqual(parse(day5Exercise.solution));
  });

  it('has a NodePort solution that selects the Pod template labels of the context Deployment', () => {
    const service = parse(exercise().solution);
    expect(service).toMatchObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx-service' }, spec: { type: 'NodePort' } });
    expect(service.spec.selector).toEqual({ app: 'nginx' });
    const podLabels = deployment().spec.template.metadata.labels;
    for (const [key, value] of Object.entries(service.spec.selector)) expect(podLabels[key], key).toBe(value);
  });

  it("has a solution whose targetPort is a containerPort of the Deployment's Pods, 80", () => {
    const [port] = parse(exercise().solution).spec.ports;
    expect(port).toEqual({ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30007 });
    const containerPorts = deployment()
      .spec.template.spec.containers.flatMap((c: { ports?: { containerPort: number }[] }) => c.ports ?? [])
      .map((p: { containerPort: number }) => p.containerPort);
    expect(containerPorts).toContain(port.targetPort);
  });

  it("has a starter the API would accept but whose selector matches none of the context's Pods", async () => {
    const { checkManifest } = await import('../../src/manifest/check.js');
    expect((await checkManifest(exercise().starter!)).filter((p) => p.severity === 'error')).toEqual([]);
    const selector = parse(exercise().starter!).spec.selector;
    const podLabels = deployment().spec.template.metadata.labels;
    expect(Object.entries(selector).every(([k, v]) => podLabels[k] === v)).toBe(false);
  });

  it('asks for kubectl commands in the practice namespace', () => {
    const commands = lesson().steps.filter((s) => s.type === 'command');
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const c of commands) for (const e of c.expect) expect(e, c.id).toMatch(/^kubectl .* -n learn-lab( |$)/);
  });
});
