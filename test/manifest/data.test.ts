import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import raw from '../../src/manifest/data/k8s-schema.json' with { type: 'json' };
import { checkManifest } from '../../src/manifest/check.js';
import { DATA_KUBERNETES_VERSION, KUBERNETES_VERSION, lookupKind, objectType } from '../../src/manifest/k8s-schema.js';
import { fixture } from './helpers.js';
// @ts-expect-error a build script in plain JavaScript, without types
import { modelsNodeModules } from '../../scripts/k8s-models-source.mjs';

const root = join(import.meta.dirname, '..', '..');

describe('the generated Kubernetes schema data', () => {
  it('records its Kubernetes version and origin', () => {
    expect(raw.about.kubernetes).toBe('1.35');
    expect(DATA_KUBERNETES_VERSION).toBe(KUBERNETES_VERSION);
    expect(raw.about.origin).toMatch(/kubernetes-models 5\.1\.0/);
    expect(raw.about.generatedBy).toMatch(/scripts\/gen-k8s-schema\.mjs/);
  });

  it('is what the generator makes from its sources', { timeout: 180_000 }, () => {
    // Exits non-zero, failing the test, when the committed file differs (installs kubernetes-models into a cache on first use).
    execFileSync(process.execPath, [join(root, 'scripts', 'gen-k8s-schema.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('knows the kinds of days 4 and 5, and which apiVersions are gone', () => {
    for (const [apiVersion, kind] of [
      ['v1', 'Pod'],
      ['apps/v1', 'Deployment'],
      ['v1', 'Service'],
      ['batch/v1', 'Job'],
      ['networking.k8s.io/v1', 'Ingress'],
    ]) {
      expect(lookupKind(apiVersion!, kind!).found, `${apiVersion} ${kind}`).toBe(true);
    }
    expect(lookupKind('apps/v1beta1', 'Deployment')).toEqual({
      found: false,
      reason: 'not-served',
      status: { served: 'removed', in: '1.16', use: ['apps/v1'] },
    });
    for (const group of [
      'resource.k8s.io',
      'storagemigration.k8s.io',
      'flowcontrol.apiserver.k8s.io',
      'coordination.k8s.io',
      'certificates.k8s.io',
    ]) {
      expect(lookupKind(`${group}/v9`, 'Widget').found === false && lookupKind(`${group}/v9`, 'Widget'), group).not.toEqual({
        found: false,
        reason: 'custom-resource',
      });
    }
    const container = objectType('ApiCoreV1Container');
    expect(container).not.toBe('any');
    if (container !== 'any') {
      expect(container.required).toEqual(['name']);
      expect(container.fields.imagePullPolicy).toEqual(['enum', 'Always', 'IfNotPresent', 'Never']);
    }
  });
});

/**
 * The walker and the package's own validators (compiled from the same OpenAPI
 * definitions) must agree on every type and enum error: a field set to a
 * wrong value is an error at that path for both, a right one for neither.
 */
describe('agrees with the kubernetes-models validators', () => {
  const base = parseDocument(fixture('good-pod.yaml')).toJS() as Record<string, unknown>;
  const mutations: [path: (string | number)[], value: unknown][] = [
    [['spec', 'containers', 0, 'ports', 0, 'containerPort'], '80'],
    [['spec', 'containers', 0, 'ports', 0, 'containerPort'], 80.5],
    [['spec', 'containers', 0, 'ports', 0, 'containerPort'], 8080],
    [['spec', 'containers', 0, 'ports', 0, 'protocol'], 'tcp'],
    [['spec', 'containers', 0, 'ports', 0, 'protocol'], 'UDP'],
    [['spec', 'containers', 0, 'imagePullPolicy'], 'always'],
    [['spec', 'containers', 0, 'imagePullPolicy'], 'Never'],
    [['spec', 'containers', 0, 'stdin'], 'true'],
    [['spec', 'containers', 0, 'name'], 5],
    [['spec', 'containers', 0, 'args'], 'x'],
    [['spec', 'containers', 0, 'resources', 'limits', 'cpu'], 0.5],
    [['spec', 'containers', 0, 'resources', 'limits', 'cpu'], '500m'],
    [['spec', 'containers', 0, 'resources', 'limits', 'cpu'], true],
    [['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'port'], 'http'],
    [['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'port'], 1.5],
    [['spec', 'restartPolicy'], 'Sometimes'],
    [['spec', 'restartPolicy'], 'OnFailure'],
    [['spec', 'terminationGracePeriodSeconds'], 1.5],
    [['spec', 'terminationGracePeriodSeconds'], 30],
    [['spec', 'activeDeadlineSeconds'], '60'],
    [['spec', 'hostNetwork'], 1],
    [['spec', 'securityContext', 'runAsUser'], 1000.5],
    [
      ['spec', 'securityContext', 'supplementalGroups'],
      [1, 2.5],
    ],
    [['spec', 'dnsPolicy'], 'Default'],
    [['spec', 'dnsPolicy'], 'default'],
    [['metadata', 'labels', 'app'], 1],
    [['metadata', 'generation'], 1.5],
  ];

  function set(obj: unknown, path: (string | number)[], value: unknown): unknown {
    const copy = structuredClone(obj) as Record<string | number, unknown>;
    let here = copy;
    for (const key of path.slice(0, -1))
      here = (here[key] ??= typeof path[path.indexOf(key) + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
    here[path.at(-1)!] = value;
    return copy;
  }

  // The package is installed into a cache on first use: that may take a while, once.
  beforeAll(() => void modelsNodeModules(), 180_000);

  const outcomes: boolean[] = [];
  const jsonPointer = (path: (string | number)[]) => `/${path.join('/')}`;
  const ours = (path: (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

  it.each(mutations)('%j = %j', async (path, value) => {
    // Not in the package's exports: imported by its file, as the generator does.
    const specifier = pathToFileURL(join(modelsNodeModules(), 'kubernetes-models', '_schemas', 'IoK8sApiCoreV1Pod.js')).href;
    const { validate } = (await import(specifier)) as { validate: ((data: unknown) => boolean) & { errors?: { instancePath: string }[] } };
    const manifest = set(base, path, value);
    validate(manifest);
    const theirs = (validate.errors ?? []).some(
      (e) => e.instancePath === jsonPointer(path) || e.instancePath.startsWith(`${jsonPointer(path)}/`),
    );
    const problems = await checkManifest(stringify(manifest));
    const mine = problems.some((p) => p.severity === 'error' && (p.path === ours(path) || p.path.startsWith(`${ours(path)}[`)));
    expect(mine).toBe(theirs);
    outcomes.push(theirs);
  });

  it('covers both outcomes: some mutations are errors, some are not', () => {
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => !o).length).toBeGreaterThan(5);
  });
});
