import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../src/manifest/check.js';
import { checkFixture, checkFixtureMulti, fixture, where } from './helpers.js';

const shown = (problems: { message: string }[]) => problems.map((p) => p.message);

describe('step 2: the Kubernetes schema of the apiVersion and kind', () => {
  it('a correct Pod has no problems', async () => {
    expect(await checkFixture('good-pod.yaml')).toEqual([]);
  });

  it('unknown fields, at the key, with a did-you-mean', async () => {
    const problems = await checkFixture('schema-unknown-fields.yaml');
    expect(problems.map(where)).toEqual(['5:3 metadata.label', '7:1 spec.containers', '8:3 spec.container']);
    expect(shown(problems)).toEqual([
      'unknown field "label"; did you mean "labels"?',
      'required',
      'unknown field "container"; did you mean "containers"?',
    ]);
    expect(problems[2]!.hint).toBe('kubectl explain pod.spec lists the fields of spec');
  });

  it('missing required fields, at the mapping they belong in', async () => {
    const problems = await checkFixture('schema-required.yaml');
    expect(problems.map(where)).toEqual(['7:5 spec.containers[0].name', '9:7 spec.containers[0].ports[0].containerPort']);
    expect(shown(problems)).toEqual(['required', 'required']);
  });

  it('wrong types, at the value, with the fix', async () => {
    const problems = await checkFixture('schema-types.yaml');
    expect(problems.map(where)).toEqual([
      '6:14 metadata.labels.version',
      '11:14 spec.containers[0].command',
      '13:22 spec.containers[0].ports[0].containerPort',
      '14:12 spec.containers[0].stdin',
    ]);
    expect(shown(problems)).toEqual([
      'expected text, got a decimal number 1.27',
      'expected a list, got text "sleep 3600"',
      'expected a whole number, got text "80"',
      'expected true or false, got text "yes"',
    ]);
    expect(problems.map((p) => p.hint)).toEqual([
      'put it in quotes to keep it as text: "1.27"',
      'write each item on its own line starting with "- ", or as [a, b]',
      'remove the quotes: 80',
      'remove the quotes: yes',
    ]);
  });

  it('values outside an enum, with the near one', async () => {
    const problems = await checkFixture('schema-enum.yaml');
    expect(problems.map(where)).toEqual([
      '6:18 spec.restartPolicy',
      '10:22 spec.containers[0].imagePullPolicy',
      '13:17 spec.containers[0].ports[0].protocol',
    ]);
    expect(shown(problems)).toEqual([
      '"Sometimes" is not a valid value',
      '"always" is not a valid value; did you mean "Always"?',
      '"tcp" is not a valid value; did you mean "TCP"?',
    ]);
    expect(problems[1]!.hint).toBe('one of: Always, IfNotPresent, Never');
  });

  it('an unknown kind, at the kind', async () => {
    const problems = await checkFixture('schema-unknown-kind.yaml');
    expect(problems.map(where)).toEqual(['2:7 kind']);
    expect(shown(problems)).toEqual(['unknown kind "pod"; did you mean "Pod"?']);
  });

  it('a kind under the wrong apiVersion, at the apiVersion', async () => {
    const problems = await checkFixture('schema-wrong-apiversion.yaml');
    expect(problems.map(where)).toEqual(['1:13 apiVersion']);
    expect(shown(problems)).toEqual(['Deployment is not in "v1"; use apiVersion: apps/v1']);
  });

  it('an apiVersion Kubernetes no longer serves', async () => {
    const problems = await checkFixture('schema-removed-apiversion.yaml');
    expect(problems.map(where)).toEqual(['1:13 apiVersion']);
    expect(shown(problems)).toEqual([
      'apiVersion "extensions/v1beta1" is not served by Kubernetes 1.35 (removed in 1.16); use apiVersion: apps/v1',
    ]);
  });

  it('apiVersions Kubernetes 1.35 does not serve: removed (error), added later, alpha, beta off by default (warnings)', async () => {
    const problems = await checkFixtureMulti('schema-not-served.yaml');
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual(
      [
        '1:13 apiVersion apiVersion "batch/v1beta1" is not served by Kubernetes 1.35 (removed in 1.25); use apiVersion: batch/v1',
        '5:13 apiVersion apiVersion "policy/v1beta1" is not served by Kubernetes 1.35 (removed in 1.25)',
        '9:13 (warning) apiVersion apiVersion "admissionregistration.k8s.io/v1" is not served by Kubernetes 1.35 (added in 1.36)',
        '17:13 (warning) apiVersion apiVersion "resource.k8s.io/v1beta2" is not served by Kubernetes 1.35 (beta, off by default); kube-learn has no schema for it, so only its YAML was checked',
        '21:13 (warning) apiVersion apiVersion "resource.k8s.io/v1alpha3" is not served by Kubernetes 1.35 (alpha, off by default); kube-learn has no schema for it, so only its YAML was checked',
      ].map((l) => l.replace(/^(\S+) \(warning\) (\S+)/, '$1 $2 (warning)')),
    );
  });

  it('built-in groups the learner may not know are checked, not taken for custom resources', async () => {
    const problems = await checkFixtureMulti('schema-builtin-groups.yaml');
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual([
      '12:5 spec.devices.request unknown field "request"; did you mean "requests"?',
      '18:13 apiVersion (warning) apiVersion "storagemigration.k8s.io/v1beta1" is not served by Kubernetes 1.35 (beta, off by default); kube-learn has no schema for it, so only its YAML was checked',
    ]);
  });

  it('no apiVersion or kind', async () => {
    const problems = await checkFixture('schema-missing-kind.yaml');
    expect(problems.map(where)).toEqual(['1:1 apiVersion', '1:1 kind']);
  });

  it('a list where the object should be', async () => {
    const problems = await checkFixture('schema-not-a-mapping.yaml');
    expect(problems.map(where)).toEqual(['1:1 ']);
    expect(shown(problems)).toEqual(['a Kubernetes object is a mapping of fields (apiVersion:, kind:, metadata:, ...), not a list']);
  });

  it('the space missing after a colon or a dash', async () => {
    const problems = await checkFixture('schema-no-space-after-colon.yaml');
    expect(problems.map(where)).toEqual(['4:3 metadata', '6:3 spec.containers', '7:3 spec["-name"]']);
    expect(problems.map((p) => p.hint)).toEqual([
      'add a space after the colon: name: web',
      undefined,
      'put a space after the dash to start a list item: "- name"',
    ]);
  });

  it('fields of a newer Kubernetes are warnings, not errors', async () => {
    const problems = await checkFixture('schema-newer-field.yaml');
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(problems.map(where)).toEqual(['10:3 spec.schedulingGroup (warning)']);
    expect(problems[0]!.message).toBe('"schedulingGroup" is newer than Kubernetes 1.35 (added in 1.36); a 1.35 cluster rejects it');
    // Its value is still checked against the newer release's schema.
    const typo = (await checkManifest(fixture('schema-newer-field.yaml').replace('podGroupName', 'podGroupNam'))).filter(
      (p) => p.severity === 'error',
    );
    expect(typo.map(where)).toEqual(['11:5 spec.schedulingGroup.podGroupNam']);
  });

  it('a null value is no value: optional fields may be empty, required ones are reported at their key', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\nspec:\n  containers:\n  - name:\n    image: nginx\n';
    const problems = await checkManifest(text);
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual(['8:5 spec.containers[0].name required, but it has no value']);
  });

  it('follows anchors and aliases', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      'spec:',
      '  containers:',
      '  - &c',
      '    name: web',
      '    image: nginx',
      '    imagePullPolicy: sometimes',
      '  initContainers:',
      '  - *c',
    ].join('\n');
    const problems = await checkManifest(text);
    // The aliased container is the same node: its field problem is reported once, where it is written;
    // the alias is the second container named "web".
    expect(problems.map(where)).toEqual(['10:22 spec.containers[0].imagePullPolicy', '12:5 spec.initContainers[0].name']);
  });

  it('Deployments (day 5) are checked against their own schema', async () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 2\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n';
    const problems = await checkManifest(text);
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual([
      '5:1 spec.selector required',
      '6:3 spec.replica unknown field "replica"; did you mean "replicas"?',
    ]);
  });
});

describe('kinds that are not built in', () => {
  it('a custom resource (an API group Kubernetes does not have) is a warning: only its YAML is checked', async () => {
    const text = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n';
    const problems = await checkManifest(text);
    expect(problems.map(where)).toEqual(['2:7 kind (warning)']);
    expect(problems[0]!.message).toBe('Certificate (cert-manager.io/v1) is not built into Kubernetes, so only its YAML was checked');
  });

  it('an unknown kind in a built-in group is still an error', async () => {
    const problems = await checkManifest('apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\n');
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual(['2:7 kind unknown kind "Deploymnet"; did you mean "Deployment"?']);
  });
});
