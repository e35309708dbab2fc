/**
 * Messages a beginner can act on: one mistake gives one problem, and the
 * problem says what to type. Each fixture has its corrected form beside it.
 */
import { describe, expect, it } from 'vitest';
import { checkManifests, type ManifestProblem } from '../../src/manifest/check.js';
import { checkFixtureMulti, fixture, where } from './helpers.js';

const lines = (problems: ManifestProblem[]) => problems.map((p) => `${where(p)} ${p.message}`);

describe('messages a beginner can act on', () => {
  it('one tab gives one problem, not the parser errors that follow from it', async () => {
    const problems = await checkFixtureMulti('syntax-tab-in-list.yaml');
    expect(lines(problems)).toEqual(['10:1  a tab is used for indentation here; YAML indents with spaces only']);
    expect(await checkManifests(fixture('syntax-tab-in-list.yaml').replace('\t', '    '))).toEqual([]);
  });

  it('"not lined up" never says two lines start in the same column', async () => {
    // Each line of the tab fixture indented by a tab in turn: whatever is reported must not contradict itself.
    const text = fixture('good-pod.yaml');
    const textLines = text.split('\n');
    for (let i = 1; i < textLines.length; i++) {
      if (!/^ {2}/.test(textLines[i]!)) continue;
      const broken = [...textLines.slice(0, i), textLines[i]!.replace(/^ {2}/, '\t'), ...textLines.slice(i + 1)].join('\n');
      for (const p of await checkManifests(broken)) expect(p.message).not.toMatch(/column (\d+), this one in column \1\)/);
    }
  });

  it('a missing "- " before a list item is named, once', async () => {
    const problems = await checkFixtureMulti('syntax-missing-dash.yaml');
    expect(lines(problems)).toEqual([
      '9:5  "name" is set twice in this list item (first on line 7); a "- " is probably missing before it, to start a new item',
    ]);
    expect(problems[0]!.hint).toBe(
      'write "- name: sidecar", the "- " in column 3 like the item on line 7, and indent the lines of this item under it',
    );
    expect(await checkFixtureMulti('syntax-missing-dash-valid.yaml')).toEqual([]);
  });

  it('a field named by a list or a mapping is called that, at the key, not an unknown field ""', async () => {
    const pod = (extra: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n${extra}spec:\n  containers:\n    - name: web\n      image: nginx:1.30\n`;
    expect(lines(await checkManifests(pod('[a, b]: c\n')))).toEqual(['5:1  a field name must be plain text, not a list or a mapping']);
    expect(lines(await checkManifests(pod('? {a: 1}\n: c\n')))).toEqual(['5:3  a field name must be plain text, not a list or a mapping']);
    expect(await checkManifests(pod(''))).toEqual([]);
  });

  it('a key set twice in a plain mapping is still just that', async () => {
    expect(lines(await checkFixtureMulti('syntax-duplicate-key.yaml'))).toEqual([
      '9:5  "image" is set twice in this mapping (first on line 8); each key may appear only once',
    ]);
  });

  it('": " inside a list item of text gets a hint to quote it; a mapping expected says which fields', async () => {
    const problems = await checkFixtureMulti('schema-colon-in-args.yaml');
    expect(lines(problems)).toEqual([
      '10:7 spec.containers[0].args[0] expected text, got a mapping',
      '12:7 spec.containers[0].ports[0] expected fields such as "containerPort: 80" here, got a number 80',
    ]);
    expect(problems[0]!.hint).toBe('put it in quotes, or YAML reads ": " as a key and its value: "echo hello: world"');
    expect(await checkFixtureMulti('schema-colon-in-args-valid.yaml')).toEqual([]);
  });

  it('labels given as a list: key: value lines are asked for', async () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n  - app: web\n';
    expect(lines(await checkManifests(text))).toEqual([
      '6:3 metadata.labels expected "key: value" lines such as "app: web" here, got a list',
    ]);
  });

  it('a key with a value on its line, then indented lines: reported at that value', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: nginx\n  - name: nginx\n    image: nginx:1.30\n';
    const problems = await checkManifests(text);
    expect(lines(problems)).toEqual([
      '6:15  "containers:" has a value on its own line ("nginx"), so the indented lines below it cannot belong to it',
    ]);
    expect(await checkManifests(text.replace('containers: nginx', 'containers:'))).toEqual([]);
  });

  it('a field of the empty key above it, not indented under it: named, with the line to write', async () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.30\n    ports:\n    containerPort: 80\n';
    const problems = await checkManifests(text);
    expect(lines(problems)).toEqual([
      '10:5 spec.containers[0].containerPort unknown field "containerPort" here; it is a field of "ports" above it',
    ]);
    expect(problems[0]!.hint).toBe('indent it under "ports:" as a list item: "- containerPort: 80"');
    expect(await checkManifests(text.replace('    containerPort', '    - containerPort'))).toEqual([]);
  });

  it('problems come in line order, whichever step found them', async () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: -1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.30\n        imagePullPolicy: always\n';
    const problems = await checkManifests(text);
    expect(problems.map(where)).toEqual([
      '6:13 spec.replicas',
      '11:7 spec.template.metadata.labels',
      '16:26 spec.template.spec.containers[0].imagePullPolicy',
    ]);
  });
});
