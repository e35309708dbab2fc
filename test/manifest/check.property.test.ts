/**
 * The manifest checker under random input (fast-check): mutated fixtures,
 * random Kubernetes-shaped objects, arbitrary text, with and without random
 * lesson checks. It never throws, and every problem it reports is placed at
 * a line and column inside the text. A few spawned runs of `kube-learn
 * check` on the same kind of input: exit 0 or 1, no stack trace, every
 * problem line `FILE:LINE:COL:` inside its file. A failure prints the
 * seed and path; FC_SEED=<seed> FC_PATH=<path> replay it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkManifest, checkManifests, formatProblem, type ManifestProblem } from '../../src/manifest/check.js';
import type { ManifestCheck } from '../../src/lesson/schema.js';
import { applyMutation, fcOptions, mutations } from '../helpers/fuzz.js';
import { runCli } from '../helpers/spawn.js';
import { fixturePath } from './helpers.js';

const FIXTURES = readdirSync(fixturePath(''))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const texts = FIXTURES.map((f) => readFileSync(fixturePath(f), 'utf8'));
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Text that means something to YAML or to a terminal, or is just odd. */
const token = fc.constantFrom(
  ': ',
  ':',
  '- ',
  '-',
  '\t',
  '  ',
  '\n',
  '\n  ',
  '\n- ',
  '\r\n',
  '#',
  '&a ',
  '*a',
  '*b',
  '<<: *a\n',
  '!!binary ',
  '!!str ',
  '!custom ',
  '---\n',
  '...\n',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '? ',
  '|',
  '>-',
  '%YAML 1.1\n',
  'null',
  '~',
  '0x1F',
  '1e999',
  '-.inf',
  '.nan',
  '2001-12-14',
  'yes',
  'on',
  '\u001b[2J',
  '\u001b]8;;http://x\u0007',
  '\u0000',
  '\u009b',
  '\ufeff',
  '日本',
  '👍',
  'x'.repeat(300),
  'containers:',
  'image: ',
  'apiVersion: v1\n',
  'kind: Pod\n',
  'kind: List\n',
  'items: [',
  'metadata:\n  name: ',
);

const mutation = mutations({
  maxDelete: 30,
  insert: fc.oneof(token, fc.string({ maxLength: 10 }), fc.string({ maxLength: 6, unit: 'binary' })),
  lineEdits: true,
});

const mutated = fc
  .tuple(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }))
  .map(([i, ms]) => ms.reduce(applyMutation, texts[i]!));

/** Objects shaped like Kubernetes manifests, some fields right and most not, as YAML. */
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const labels = fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('app', 'app.kubernetes.io/name', 'a/b/c')), scalar, {
  maxKeys: 3,
});
const container = fc.record(
  {
    name: fc.oneof(fc.constantFrom('web', 'Web_1', ''), scalar),
    image: fc.oneof(fc.constantFrom('nginx:1.27', 'nginx:latest', 'NGINX', ':tag', 'a@sha256:zz'), scalar),
    ports: fc.array(
      fc.record(
        { containerPort: fc.oneof(fc.integer({ min: -5, max: 70000 }), scalar), protocol: fc.constantFrom('TCP', 'UDP', 'tcp') },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
    command: fc.oneof(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), scalar),
    resources: fc.record({
      limits: fc.dictionary(
        fc.constantFrom('cpu', 'memory', 'gpu'),
        fc.oneof(fc.constantFrom('500m', '128Mi', '1.5', '-1', 'lots'), scalar),
      ),
    }),
  },
  { requiredKeys: [] },
);
const podSpec = fc.record(
  {
    containers: fc.oneof(fc.array(container, { maxLength: 3 }), scalar),
    initContainers: fc.array(container, { maxLength: 2 }),
    restartPolicy: fc.oneof(fc.constantFrom('Always', 'Never', 'OnFailure', 'always'), scalar),
    nodeSelector: labels,
  },
  { requiredKeys: [] },
);
const k8sObject = fc.record(
  {
    apiVersion: fc.oneof(fc.constantFrom('v1', 'apps/v1', 'batch/v1', 'extensions/v1beta1', 'example.com/v1', 'v2'), scalar),
    kind: fc.oneof(fc.constantFrom('Pod', 'Deployment', 'Job', 'Service', 'ConfigMap', 'ReplicaSet', 'pod', 'Widget'), scalar),
    metadata: fc.oneof(
      fc.record(
        { name: fc.oneof(fc.constantFrom('web', 'Web', 'a'.repeat(300), 'a..b'), scalar), labels, annotations: labels },
        { requiredKeys: [] },
      ),
      scalar,
    ),
    spec: fc.oneof(
      podSpec,
      fc.record(
        {
          replicas: scalar,
          selector: fc.record({ matchLabels: labels }),
          template: fc.record({ metadata: fc.record({ labels }), spec: podSpec }),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 3 }),
    ),
    data: labels,
  },
  { requiredKeys: [] },
);
const generated = fc.array(k8sObject, { minLength: 1, maxLength: 3 }).map((objects) => objects.map((o) => stringify(o)).join('---\n'));

/** Random lesson checks: real and odd paths, every operator, odd patterns. */
const check: fc.Arbitrary<ManifestCheck> = fc.record(
  {
    path: fc.oneof(
      fc.constantFrom(
        'metadata.name',
        'spec.containers[0].image',
        'spec.containers[*].name',
        'spec.containers[9].ports[0].containerPort',
        'metadata.labels["app.kubernetes.io/name"]',
        'kind',
        'a..b',
        '[',
        '["x',
        'spec[*]',
      ),
      fc.string({ maxLength: 15 }),
    ),
    equals: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()),
    matches: fc.oneof(fc.constantFrom('^nginx(:1\\.27)?$', '[', '(', '.*', '^$'), fc.stringMatching(/^[a-z.^$]{0,6}$/)),
    contains: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
    exists: fc.constant(true as const),
    absent: fc.constant(true as const),
  },
  { requiredKeys: ['path'] },
);

function expectPlaced(text: string, problems: ManifestProblem[]): void {
  const lines = text.split('\n');
  for (const p of problems) {
    const where = `${p.line}:${p.col} ${p.message}`;
    expect(Number.isInteger(p.line) && Number.isInteger(p.col), where).toBe(true);
    expect(p.line, where).toBeGreaterThanOrEqual(1);
    expect(p.line, where).toBeLessThanOrEqual(lines.length);
    expect(p.col, where).toBeGreaterThanOrEqual(1);
    expect(p.col, where).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
    expect(['error', 'warning']).toContain(p.severity);
    expect(p.message.trim(), where).not.toBe('');
    expect(formatProblem(p, 'f.yaml')).not.toMatch(CONTROL);
  }
}

async function expectWellFormed(text: string, checks: ManifestCheck[] = []): Promise<void> {
  expectPlaced(text, await checkManifests(text));
  expectPlaced(text, await checkManifest(text, { checks }));
}

describe('the manifest checker under random input (fast-check; a failure prints its seed)', { timeout: 60_000 }, () => {
  it('mutated fixtures', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, (text) => expectWellFormed(text)),
      fcOptions({ numRuns: 300 }),
    );
  });

  it('random Kubernetes-shaped objects, with random lesson checks', async () => {
    await fc.assert(fc.asyncProperty(generated, fc.array(check, { maxLength: 4 }), expectWellFormed), fcOptions({ numRuns: 200 }));
  });

  it('mutated fixtures with random lesson checks', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.array(check, { minLength: 1, maxLength: 4 }), expectWellFormed),
      fcOptions({ numRuns: 100 }),
    );
  });

  it('arbitrary text and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: 'binary' }), (text) => expectWellFormed(text)),
      fcOptions({ numRuns: 150 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), (value) => expectWellFormed(JSON.stringify(value))),
      fcOptions({ numRuns: 100 }),
    );
  });
});

describe('bugs found by these properties', () => {
  // Positions came from the parser-fed LineCounter, which missed the newlines inside the tokens of a broken line.
  it('an indented first line: every problem inside its line (was 2:29 on the 4-column line "b: 1")', async () => {
    const text = '  name: web\nb: 1\n  name: web\n    image: x\n';
    const lines = text.split('\n');
    for (const p of await checkManifests(text))
      expect(p.col, `${p.line}:${p.col} ${p.message}`).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
  });
});

describe('kube-learn check on random input (spawned)', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-learn-check-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let run = 0;

  it('exits 0 or 1, prints no stack trace, and places every problem inside its file', async () => {
    const files = fc.array(fc.oneof(mutated, generated), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(files, mutated, async (contents, stdin) => {
        const names = contents.map((text, i) => {
          const name = join(dir, `${run}-${i}.yaml`);
          writeFileSync(name, text);
          return name;
        });
        run++;
        const r = await runCli(['check', ...names, '-'], { input: stdin });
        const where = `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
        expect([0, 1], where).toContain(r.code);
        expect(r.stderr, where).toBe('');
        expect(r.stdout, where).not.toMatch(/\n\s+at |Error:/);
        expect(r.stdout, where).not.toMatch(CONTROL);
        const byName = new Map([...names.map((n, i) => [n, contents[i]!] as const), ['<stdin>', stdin] as const]);
        const outLines = r.stdout.split('\n');
        for (const line of outLines) {
          const m = /^(.+?):(\d+):(\d+): /.exec(line);
          if (!m || !byName.has(m[1]!)) continue;
          const lines = byName.get(m[1]!)!.split('\n');
          const [row, col] = [Number(m[2]), Number(m[3])];
          expect(row, line).toBeGreaterThanOrEqual(1);
          expect(row, line).toBeLessThanOrEqual(lines.length);
          expect(col, line).toBeGreaterThanOrEqual(1);
          expect(col, line).toBeLessThanOrEqual(lines[row - 1]!.length + 1);
        }
      }),
      fcOptions({ numRuns: 12, endOnFailure: true }),
    );
  });
});
