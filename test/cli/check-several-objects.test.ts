/**
 * `kube-learn check` on files of several objects that refer to each other:
 * the rules across objects, warnings with the referred object's line. The
 * built CLI: `npm run build` first (npm test does).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn.js';

const fixture = (name: string) => `test/fixtures/manifests/${name}`;

describe('kube-learn check, objects that refer to each other', () => {
  it('a Service that selects no Pods and a claim name that names no claim: warnings at line:col with "see line", exit 0', async () => {
    const service = fixture('cross-service-selector.yaml');
    const claim = fixture('cross-claim.yaml');
    const r = await runCli(['check', service, claim, fixture('cross-good.yaml')]);
    expect(r.stdout).toBe(
      [
        `${service}:26:10: warning: spec.selector.app: selects no Pods: the Pods of Deployment "nginx-deployment" are labelled app: nginx (see line 14); the API accepts this, but the Service will have no endpoints`,
        `    hint: this matches the Deployment "nginx-deployment"'s own labels, but a Service selects Pods: use the labels in its spec.template.metadata.labels`,
        `${service}:37:5: warning: spec.selector.tier: selects no Pods: the Pods of Deployment "nginx-deployment" are labelled app: nginx (see line 14); the API accepts this, but the Service will have no endpoints`,
        "    hint: a Service selects Pods by their labels (a workload's spec.template.metadata.labels); every pair of the selector must match",
        `${claim}:26:18: warning: spec.volumes[0].persistentVolumeClaim.claimName: no PersistentVolumeClaim "data-clam" in this answer (did you mean "data-claim"? see line 4); the API accepts this, but the Pod stays Pending until a claim of that name exists in its namespace`,
        '    hint: claimName is the metadata.name of a PersistentVolumeClaim in the same namespace',
        `${claim}:50:22: warning: spec.template.spec.volumes[0].persistentVolumeClaim.claimName: no PersistentVolumeClaim "uploads" in this answer (the claim here is "data-claim", see line 4); the API accepts this, but the Pod stays Pending until a claim of that name exists in its namespace`,
        '    hint: claimName is the metadata.name of a PersistentVolumeClaim in the same namespace',
        '4 warnings in 2 files (3 files checked), no errors',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(0);
  });

  it('objects are only compared within one file', async () => {
    const r = await runCli(['check', '-'], {
      input:
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: uploads\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
    });
    expect(r.stdout).toBe('1 file checked, no problems\n');
    const both = await runCli(['check', '--quiet', fixture('cross-claim.yaml'), '-'], { input: 'kind: Secret\n' });
    expect(both.stdout.split('\n').filter((l) => l.includes('claimName')).length).toBe(2);
  });
});
