/**
 * Day 7: the course's shape, plus what the exercise itself must get right: the
 * Pod reaches its data through the claim of the same answer, by name, at /data,
 * and the claim leaves storageClassName out so a cluster's default class (kind
 * and minikube both have one) makes the volume.
 */
import { expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { ManifestStep } from '../../src/lesson/schema.js';
import { describeCourseDay } from './course-shape.js';

interface Obj {
  kind: string;
  metadata: { name: string };
  spec: Record<string, any>;
}

describeCourseDay({ day: 7, misconceptions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], manifests: 1 }, (lesson) => {
  const exercise = () => lesson().steps.find((s): s is ManifestStep => s.type === 'manifest')!;
  const solution = () => parseAllDocuments(exercise().solution).map((d) => d.toJS() as Obj);

  it('solves the exercise with a claim data-claim and a Pod test-data, in that order', () => {
    expect(solution().map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['PersistentVolumeClaim/data-claim', 'Pod/test-data']);
  });

  it("mounts the answer's own claim at /data, through a volume the container names", () => {
    const [claim, pod] = solution();
    const volume = pod!.spec.volumes.find((v: any) => v.persistentVolumeClaim?.claimName === claim!.metadata.name);
    expect(volume, 'a volume naming the claim').toBeDefined();
    const mounts = pod!.spec.containers.flatMap((c: any) => c.volumeMounts ?? []);
    expect(mounts).toContainEqual({ name: volume.name, mountPath: '/data' });
  });

  it('asks for the default class by leaving storageClassName out, and the checks insist on it', () => {
    const [claim] = solution();
    expect(claim!.spec).not.toHaveProperty('storageClassName');
    expect(exercise().checks).toContainEqual(expect.objectContaining({ path: 'spec.storageClassName', absent: true }));
  });

  it('pins the busybox tag', () => {
    const [, pod] = solution();
    for (const c of pod!.spec.containers) expect(c.image).toMatch(/^busybox:\d+\.\d+$/);
  });

  it('teaches that ReadWriteOnce is one node, and asks about it', () => {
    const steps = lesson().steps;
    const taught = steps.findIndex((s) => s.type === 'explain' && /ReadWriteOnce.*single node/s.test(s.body));
    const asked = steps.findIndex(
      (s) => s.type === 'choice' && s.choices.some((c) => !c.correct && /ReadWriteOnce means one Pod/.test(c.text)),
    );
    expect(taught).toBeGreaterThanOrEqual(0);
    expect(asked).toBeGreaterThan(taught);
  });
});
