import { describe, expect, it } from 'vitest';
import { checkManifest, type ManifestProblem } from '../../src/manifest/check.js';
import { checkFixture, checkFixtureMulti, where } from './helpers.js';

const lines = (problems: ManifestProblem[]) => problems.map((p) => `${where(p)} ${p.message}`);

describe('step 3: the API server rules the schema does not carry', () => {
  it('object, container and label names', async () => {
    expect(lines(await checkFixture('rules-names.yaml'))).toEqual([
      '4:9 metadata.name name "My_Web" must be lowercase',
      '7:5 metadata.labels["-bad"] key "-bad": the name part may contain only letters, digits, "-", "_" and ".", and must start and end with a letter or digit',
      '8:11 metadata.labels.tier label value "front end" may contain only letters, digits, "-", "_" and ".", and must start and end with a letter or digit',
      '11:11 spec.containers[0].name container name "Web.1" must be lowercase',
      // "123-abc" is a valid DNS label: the API server accepts a leading digit.
    ]);
  });

  it('a duplicate container name is reported at its second occurrence, init containers included', async () => {
    expect(lines(await checkFixture('rules-duplicate-containers.yaml'))).toEqual([
      '12:11 spec.containers[1].name duplicate container name "setup": spec.initContainers[0] already has it',
      '14:11 spec.containers[2].name duplicate container name "web": spec.containers[0] already has it',
    ]);
  });

  it('image: required, not empty, no surrounding spaces; a malformed reference is a warning', async () => {
    expect(lines(await checkFixture('rules-image.yaml'))).toEqual([
      '7:5 spec.containers[0].image required',
      '9:12 spec.containers[1].image must not be empty',
      '11:12 spec.containers[2].image must not have spaces before or after the image name',
      '13:12 spec.containers[3].image (warning) "Nginx:1.27" is not a valid image reference: the repository name must be lowercase',
      '15:5 spec.containers[4].image required',
    ]);
  });

  it('port numbers, port names, and port names unique in a container (error) and in the Pod (warning)', async () => {
    expect(lines(await checkFixture('rules-ports.yaml'))).toEqual([
      '10:22 spec.containers[0].ports[0].containerPort must be a port number from 1 to 65535',
      '12:22 spec.containers[0].ports[1].containerPort must be a port number from 1 to 65535',
      '13:17 spec.containers[0].ports[1].hostPort must be a port number from 1 to 65535',
      '14:13 spec.containers[0].ports[1].name duplicate port name "http": spec.containers[0].ports[0] already has it',
      '16:13 spec.containers[0].ports[2].name port name "HTTPS_PORT" must be lowercase',
      '21:13 spec.containers[1].ports[0].name (warning) port name "http" is also used by spec.containers[0].ports[0]; services and probes that select ports by name will use that one',
    ]);
  });

  it('container-level restartPolicy (valid on every container since Kubernetes 1.35): an invalid value is an error', async () => {
    const problems = await checkFixture('rules-restart-policy.yaml');
    expect(problems.map(where)).toEqual(['17:20 spec.containers[1].restartPolicy']);
    expect(problems[0]!.message).toBe('"Sometimes" is not a valid value');
  });

  it('a Pod needs a name and at least one container', async () => {
    expect(lines(await checkFixture('rules-empty-pod.yaml'))).toEqual([
      '3:1 metadata.name required',
      '7:15 spec.containers at least one container is required',
    ]);
    expect(lines(await checkManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n'))).toEqual(['1:1 spec required']);
  });

  it('a Deployment: selector matches the template, its Pods restart Always, replicas not negative', async () => {
    expect(lines(await checkFixture('rules-deployment.yaml'))).toEqual([
      '6:13 spec.replicas must be 0 or more',
      '12:7 spec.template.metadata.labels selector does not match template labels: the template needs app: web',
      '15:22 spec.template.spec.restartPolicy "Never" is not allowed in a Deployment; use Always',
      '18:16 spec.template.spec.containers[0].image (warning) must not have spaces before or after the image name',
      '20:17 spec.template.spec.containers[0].volumeMounts[0].name no volume named "data" in spec.template.spec.volumes',
    ]);
  });

  it('matchExpressions are evaluated too', async () => {
    const deployment = (op: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchExpressions:\n    - key: app\n      operator: ${op}\n      values: [web]\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`;
    expect(await checkManifest(deployment('In'))).toEqual([]);
    expect(lines(await checkManifest(deployment('NotIn')))).toEqual([
      '13:7 spec.template.metadata.labels selector does not match template labels: the template needs app NotIn (web)',
    ]);
  });

  it("a Job's Pods must set restartPolicy OnFailure or Never", async () => {
    const problems = await checkFixture('rules-job.yaml');
    expect(lines(problems)).toEqual(['7:5 spec.template.spec.restartPolicy required']);
    expect(problems[0]!.hint).toBe("a Job's Pods must set restartPolicy: OnFailure or Never");
  });

  it('a good Deployment and Service together have no problems', async () => {
    expect(await checkFixtureMulti('good-multi.yaml')).toEqual([]);
  });

  it('a Service name is a DNS-1035 label (starts with a letter), unlike a Pod name', async () => {
    const named = (kind: string, name: string) =>
      `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${kind === 'Pod' ? 'spec:\n  containers:\n  - name: a\n    image: nginx\n' : ''}`;
    expect(lines(await checkManifest(named('Service', '1web')))).toEqual(['4:9 metadata.name name "1web" must start with a letter']);
    expect(await checkManifest(named('Pod', '1web'))).toEqual([]);
    // RBAC names are not DNS names upstream: no rule applies.
    expect(await checkManifest(`apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: system:reader\n`)).toEqual(
      [],
    );
  });
});
