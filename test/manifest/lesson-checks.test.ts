import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../src/manifest/check.js';
import type { ManifestCheck } from '../../src/lesson/schema.js';
import { growth } from '../helpers/growth.js';
import { checkFixture, fixture, where } from './helpers.js';

// The exercise: a Pod named web running nginx:1.27, labelled app: web, with container port 80.
const FIRST_POD: ManifestCheck[] = [
  { path: 'metadata.name', equals: 'web' },
  { path: 'spec.containers[0].image', matches: '^nginx(:1\\.27)?$' },
  { path: 'spec.containers[*].ports[*].containerPort', contains: 80 },
  { path: 'metadata.labels.app', equals: 'web', hint: 'Labels live under metadata.' },
];

const pod = (body: string) => `apiVersion: v1\nkind: Pod\n${body}`;
const run = async (text: string, checks: ManifestCheck[]) => (await checkManifest(text, { checks })).map((p) => `${where(p)} ${p.message}`);

describe("step 4: the lesson's checks", () => {
  it('the right answer passes every check', async () => {
    expect(await checkFixture('good-pod.yaml', FIRST_POD)).toEqual([]);
  });

  it('each operator reports at the value it is about, with the lesson hint', async () => {
    const text = pod(
      [
        'metadata:',
        '  name: webb',
        '  labels:',
        '    app: api',
        'spec:',
        '  containers:',
        '  - name: web',
        '    image: httpd:2.4',
        '    ports:',
        '    - containerPort: 8080',
        '',
      ].join('\n'),
    );
    const problems = await checkManifest(text, { checks: FIRST_POD });
    expect(problems.map((p) => `${where(p)} ${p.message}`)).toEqual([
      '4:9 metadata.name expected "web", got "webb"',
      '6:10 metadata.labels.app expected "web", got "api"',
      '10:12 spec.containers[0].image "httpd:2.4" is not what this exercise asks for',
      '12:22 spec.containers[0].ports[0].containerPort expected 80, got 8080',
    ]);
    expect(problems[1]!.hint).toBe('Labels live under metadata.');
  });

  it('something missing is reported at the deepest place the path reaches, under the path as written', async () => {
    const text = pod(['metadata:', '  name: web', 'spec:', '  containers:', '  - name: web', '    image: nginx', ''].join('\n'));
    expect(await run(text, FIRST_POD)).toEqual([
      '3:1 metadata.labels.app missing (expected "web")',
      '7:5 spec.containers[*].ports[*].containerPort missing (expected 80)',
    ]);
  });

  it('the lesson message replaces the default one', async () => {
    const text = pod('metadata:\n  name: api\nspec:\n  containers:\n  - name: a\n    image: nginx\n');
    const problems = await checkManifest(text, {
      checks: [{ path: 'metadata.name', equals: 'web', message: 'the Pod is called web', hint: 'metadata.name' }],
    });
    expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([['4:9 metadata.name', 'the Pod is called web', 'metadata.name']]);
  });

  it('exists and absent', async () => {
    const text = pod('metadata:\n  name: web\nspec:\n  nodeName: node-1\n  containers:\n  - name: a\n    image: nginx\n');
    expect(await run(text, [{ path: 'spec.nodeName', absent: true }])).toEqual(['6:3 spec.nodeName should not be set']);
    expect(await run(text, [{ path: 'spec.containers[0].resources', exists: true }])).toEqual(['8:5 spec.containers[0].resources missing']);
    expect(
      await run(text, [
        { path: 'spec.containers[0].image', exists: true },
        { path: 'spec.hostNetwork', absent: true },
      ]),
    ).toEqual([]);
  });

  it('contains looks into a list at the path, or across the values [*] selects', async () => {
    const text = pod(
      'metadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: busybox\n    command: [sleep, "3600"]\n  - name: b\n    image: nginx\n',
    );
    expect(await run(text, [{ path: 'spec.containers[0].command', contains: 'sleep' }])).toEqual([]);
    expect(await run(text, [{ path: 'spec.containers[*].image', contains: 'nginx' }])).toEqual([]);
    expect(await run(text, [{ path: 'spec.containers[0].command', contains: 'echo' }])).toEqual([
      '9:14 spec.containers[0].command should include "echo"',
    ]);
    expect(await run(text, [{ path: 'spec.containers[*].image', contains: 'httpd' }])).toEqual([
      '8:12 spec.containers[*].image none of the 2 values is "httpd"',
    ]);
  });

  it('equals with [*] wants every value to be equal, and compares types exactly', async () => {
    const text = pod('metadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx\n  - name: b\n    image: httpd\n');
    expect(await run(text, [{ path: 'spec.containers[*].image', equals: 'nginx' }])).toEqual([
      '10:12 spec.containers[1].image expected "nginx", got "httpd"',
    ]);
    const port = pod('metadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 80\n');
    expect(await run(port, [{ path: 'spec.containers[0].ports[0].containerPort', equals: '80' }])).toEqual([
      '10:22 spec.containers[0].ports[0].containerPort expected "80", got 80',
    ]);
  });

  it('keys with dots go in brackets; [*] on a mapping selects its values', async () => {
    const text = pod(
      'metadata:\n  name: web\n  labels:\n    app.kubernetes.io/name: web\n    tier: front\nspec:\n  containers:\n  - name: a\n    image: nginx\n',
    );
    expect(await run(text, [{ path: 'metadata.labels["app.kubernetes.io/name"]', equals: 'web' }])).toEqual([]);
    expect(await run(text, [{ path: 'metadata.labels[*]', contains: 'front' }])).toEqual([]);
  });

  it('a check about a field that already has an error is not reported twice', async () => {
    const text = fixture('rules-image.yaml');
    const problems = await checkManifest(text, { checks: [{ path: 'spec.containers[0].image', matches: '^nginx' }] });
    expect(problems.filter((p) => p.path === 'spec.containers[0].image').map((p) => p.message)).toEqual(['required']);
  });

  it('a broken check in a lesson is reported, not thrown', async () => {
    const text = pod('metadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx\n');
    expect(await run(text, [{ path: 'spec..x', exists: true }])).toEqual([
      '1:1  this lesson\'s check has an invalid path: expected a field name at character 6 of "spec..x"',
    ]);
    expect(await run(text, [{ path: 'metadata.name', matches: '(' }])).toEqual([
      '4:3 metadata.name this lesson\'s check has an invalid pattern "("',
    ]);
  });

  it('a pattern that backtracks in most engines runs in time that grows linearly with the value', async () => {
    // Before (Node's engine, values cut at 1,000 characters): ^(.*)*latest$ on a 31-38 character image took 104-118 s.
    const checks: ManifestCheck[] = [{ path: 'spec.containers[0].image', matches: '^(.*)*latest$' }];
    const image = (n: number) => pod(`metadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: ${'a'.repeat(n)}latesx\n`);
    expect(await run(image(20), checks)).toEqual([
      `8:12 spec.containers[0].image "${'a'.repeat(20)}latesx" is not what this exercise asks for`,
    ]);
    expect(await run(image(35).replace('latesx', 'latest'), checks)).toEqual([]);
    const { compilePattern } = await import('../../src/text/pattern.js');
    const compiled = compilePattern(checks[0]!.matches!);
    if (!compiled.ok) throw new Error(compiled.error);
    expect(
      growth(
        (value: string) => compiled.pattern.test(value),
        (n) => `${'a'.repeat(n)}latesx`,
        20_000,
      ),
    ).toBeLessThan(3);
  });

  it('lesson checks still run when the object has problems of its own elsewhere', async () => {
    const text = pod('metadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx\n    imagePullPolicy: always\n');
    expect(await run(text, [{ path: 'metadata.labels.app', equals: 'web' }])).toEqual([
      '3:1 metadata.labels.app missing (expected "web")',
      '9:22 spec.containers[0].imagePullPolicy "always" is not a valid value; did you mean "Always"?',
    ]);
  });
});
