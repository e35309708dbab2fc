import { describe, expect, it } from 'vitest';
import { checkManifest, type ManifestCheck, type ManifestProblem } from '../../src/manifest/check.js';
import { fixture, where } from './helpers.js';

const lines = (problems: readonly ManifestProblem[]) => problems.map((p) => `${where(p)} ${p.message}`);

/** Day 7's exercise: a claim and the Pod that mounts it, in one answer. */
const day7 = fixture('cross-good.yaml')
  .split(/^---\n/m)
  .slice(2)
  .join('---\n');
const day7Checks: ManifestCheck[] = [
  { kind: 'PersistentVolumeClaim', path: 'metadata.name', equals: 'data-claim' },
  { kind: 'PersistentVolumeClaim', path: 'spec.accessModes', contains: 'ReadWriteOnce' },
  { kind: 'Pod', path: 'metadata.name', equals: 'test-data' },
  { kind: 'Pod', path: 'spec.containers[0].volumeMounts[0].mountPath', equals: '/data' },
];

describe('a lesson answer of several documents', () => {
  it('each check is about the first object of its kind, wherever it is in the answer', async () => {
    expect(await checkManifest(day7, { checks: day7Checks })).toEqual([]);
    const [claim, pod] = day7.split(/^---\n/m);
    expect(await checkManifest(`${pod}---\n${claim}`, { checks: day7Checks })).toEqual([]);
  });

  it('a failing check is reported in its own document, at its own line', async () => {
    const wrong = day7.replace('mountPath: /data', 'mountPath: /date').replace('name: data-claim', 'name: data');
    expect(lines(await checkManifest(wrong, { checks: day7Checks }))).toEqual([
      '4:9 metadata.name expected "data-claim", got "data"',
      '25:18 spec.containers[0].volumeMounts[0].mountPath expected "/data", got "/date"',
      '29:18 spec.volumes[0].persistentVolumeClaim.claimName (warning) no PersistentVolumeClaim "data-claim" in this answer (the claim here is "data", see line 4); the API accepts this, but the Pod stays Pending until a claim of that name exists in its namespace',
    ]);
  });

  it('a kind the checks ask for and the answer lacks is reported once, at the first document', async () => {
    const [claim] = day7.split(/^---\n/m);
    const problems = await checkManifest(claim!, { checks: day7Checks });
    expect(lines(problems)).toEqual(['1:1  this exercise asks for a Pod, and this answer has none']);
    expect(problems[0]!.hint).toBe('add it as another document: a line with --- and then the Pod');
  });

  it('a check without kind is about the first document', async () => {
    const checks: ManifestCheck[] = [{ path: 'kind', equals: 'PersistentVolumeClaim' }];
    expect(await checkManifest(day7, { checks })).toEqual([]);
    const [claim, pod] = day7.split(/^---\n/m);
    expect(lines(await checkManifest(`${pod}---\n${claim}`, { checks }))).toEqual(['2:7 kind expected "PersistentVolumeClaim", got "Pod"']);
  });

  it('every document gets the Kubernetes checks, each problem at its own line', async () => {
    // good-pod.yaml has 12 lines: the ConfigMap's name is on line 17.
    const text = `${fixture('good-pod.yaml')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Settings\n`;
    expect(lines(await checkManifest(text))).toEqual(['17:9 metadata.name name "Settings" must be lowercase']);
  });
});
