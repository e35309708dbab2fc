/**
 * Forms kubectl and the API server accept that a stricter reading would
 * reject: each valid form passes, and the mistake beside it is still caught.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest, type ManifestProblem } from '../../src/manifest/check.js';
import { checkFixtureMulti, fixture, where } from './helpers.js';

const lines = (problems: ManifestProblem[]) => problems.map((p) => `${where(p)} ${p.message}`);

describe('what kubectl accepts, the checker accepts', () => {
  it("a StatefulSet's containers mount its volumeClaimTemplates by name", async () => {
    expect(await checkFixtureMulti('valid-statefulset-claims.yaml')).toEqual([]);
    expect(lines(await checkFixtureMulti('rules-statefulset-claims.yaml'))).toEqual([
      '22:17 spec.template.spec.containers[0].volumeMounts[1].name no volume named "cache-x" in spec.template.spec.volumes or spec.volumeClaimTemplates',
    ]);
  });

  it('kind: List (v1) is unpacked: each item is checked as an object, its problems placed in the file', async () => {
    expect(await checkFixtureMulti('valid-list.yaml')).toEqual([]);
    expect(lines(await checkFixtureMulti('rules-list.yaml'))).toEqual([
      '13:11 items[1].metadata.name name "Web" must be lowercase',
      '18:7 items[1].spec.ports[0].port required',
      '18:7 items[1].spec.ports[0].prot unknown field "prot"; did you mean "port"?',
    ]);
  });

  it('a List without items, or with fields a List does not have', async () => {
    expect(lines(await checkManifest('apiVersion: v1\nkind: List\nitem: []\n'))).toEqual([
      '1:1 items required',
      '3:1 item unknown field "item"',
    ]);
    expect(lines(await checkManifest('apiVersion: v1\nkind: List\nitems:\n  name: x\n'))).toEqual([
      '4:3 items expected a list, got a mapping',
    ]);
  });

  it("go-yaml's escapes: \\' in a double-quoted string is a single quote; an escape neither knows is still an error", async () => {
    const text = fixture('valid-go-yaml-escape.yaml');
    expect(
      await checkManifest(text, {
        checks: [
          { path: 'data.greeting', equals: "it's fine" },
          { path: 'data.path', equals: 'a/b' },
        ],
      }),
    ).toEqual([]);
    expect(lines(await checkManifest(fixture('syntax-bad-escape.yaml')))).toEqual(['6:16  YAML syntax: invalid escape sequence \\q']);
  });
});
