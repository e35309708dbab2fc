/** The rules days 1-3 of the course need: Namespace names, ConfigMap data, and what kubectl refuses before sending. */
import { describe, expect, it } from 'vitest';
import { checkManifest, checkManifests, type ManifestProblem } from '../../src/manifest/check.js';
import { base64Problem } from '../../src/manifest/base64.js';
import { configMapKey } from '../../src/manifest/configmap-rules.js';
import { checkFixture, checkFixtureMulti, where } from './helpers.js';

const lines = (problems: readonly ManifestProblem[]) => problems.map((p) => `${where(p)} ${p.message}`);
const DECODING = 'the API server refuses the request while decoding it (HTTP 400), before any validation';

describe('Namespace', () => {
  it('a DNS label; the kube- prefix is a warning, since the API server accepts it; a namespace on a Namespace is ignored', async () => {
    const problems = await checkFixtureMulti('course-namespace.yaml');
    expect(lines(problems)).toEqual([
      '4:9 metadata.name (warning) "kube-lab" starts with "kube-", a prefix reserved for Kubernetes system namespaces; the API accepts it, but the docs advise against it',
      '9:9 metadata.name name "My_NS" must be lowercase',
      // Already an error: no second problem for the prefix.
      '14:9 metadata.name name "kube-Lab" must be lowercase',
      '19:9 metadata.name name "learn.lab" may not contain "."',
      '20:14 metadata.namespace (warning) ignored: a Namespace is cluster-wide, in no namespace; the API server drops this field',
    ]);
    expect(problems[0]!.hint).toBe('choose a name without the kube- prefix, like learn-lab');
  });

  it('learn-lab with a label, and a name starting with a digit: no problems', async () => {
    expect(await checkFixtureMulti('course-namespace-good.yaml')).toEqual([]);
  });
});

describe('what kubectl refuses before sending anything', () => {
  it("day 2's planted apiversion: at the miscased key, saying kubectl refuses it, and the check stops there as kubectl does", async () => {
    const problems = await checkFixture('course-configmap-apiversion.yaml');
    expect(lines(problems)).toEqual([
      '1:1 apiVersion required: kubectl refuses the file before sending it to the API server (apiVersion not set)',
    ]);
    expect(problems[0]!.hint).toBe('keys are case-sensitive: write apiVersion, not apiversion');
  });

  it('a missing kind, and an apiVersion with no value', async () => {
    expect(lines(await checkManifest('apiVersion: v1\nmetadata:\n  name: x\n'))).toEqual([
      '1:1 kind required: kubectl refuses the file before sending it to the API server (kind not set)',
    ]);
    expect(lines(await checkManifest('kind: ConfigMap\napiVersion:\nmetadata:\n  name: x\n'))).toEqual([
      '2:1 apiVersion required, but it has no value: kubectl refuses the file before sending it to the API server (apiVersion not set)',
    ]);
  });
});

describe('ConfigMap', () => {
  it('data values are strings (refused while decoding), keys, data and binaryData keys apart, base64 in binaryData', async () => {
    const problems = await checkFixture('course-configmap-data.yaml');
    expect(lines(problems)).toEqual([
      '4:9 metadata.name name "My-Config" must be lowercase',
      `6:9 data.port expected text, got a number 8080: ConfigMap data values are strings, and ${DECODING}`,
      '7:3 data["app config"] key "app config" may contain only letters, digits, "-", "_" and "."',
      '8:3 data["..hidden"] key "..hidden" must not start with ".."',
      '10:3 data.cert key "cert" is also a key of binaryData; a key may be in data or in binaryData, not both',
      `13:9 binaryData.logo "aGk!" is not base64: "!" at character 4 is not in the base64 alphabet; ${DECODING}`,
      `14:9 binaryData.icon "aGk" is not base64: its length (3) is not a multiple of 4 ("=" padding missing?); ${DECODING}`,
      `15:10 binaryData.token "a-_b" is not base64: "-" at character 2 is not in the base64 alphabet (Kubernetes uses standard base64, with "+" and "/"); ${DECODING}`,
    ]);
    expect(problems[1]!.hint).toBe('put it in quotes to keep it as text: "8080"');
  });

  it("day 2's fixed ConfigMap, with keys starting with a dot and base64 over several lines: no problems", async () => {
    expect(await checkFixture('course-configmap-good.yaml')).toEqual([]);
  });

  it('1 MiB of data and binaryData values in all (an alias repeats a value, so the text itself can be smaller)', async () => {
    const big = 'x'.repeat(600_000);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  a: &big "${big}"\n  b: *big\n`;
    expect(lines(await checkManifests(text))).toEqual([
      '5:1  the values of data and binaryData add up to 1200000 bytes; a ConfigMap holds at most 1048576 (1 MiB)',
    ]);
    expect(await checkManifests(text.replace('  b: *big\n', ''))).toEqual([]);
  });

  it('keys as IsConfigMapKey has them', () => {
    expect(['a', 'A_b-c.d', '.env', '.x', 'k'.repeat(253)].map(configMapKey)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['', 'a b', 'a/b', '.', '..', '..x', 'k'.repeat(254)].map(configMapKey)).toEqual([
      'must not be empty',
      'may contain only letters, digits, "-", "_" and "."',
      'may contain only letters, digits, "-", "_" and "."',
      'must not be "."',
      'must not be ".."',
      'must not start with ".."',
      'must be at most 253 characters (it has 254)',
    ]);
  });

  it('base64 as Go reads it: standard alphabet, padded, line breaks skipped', () => {
    expect(['', 'aGk=', 'aGVsbG8=', 'aGVs\nbG8=', 'aGVs\r\nbG8=', 'a+/='].map(base64Problem)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['aGk', 'a=Gk', 'aGk=aGk=', 'aG k='].map((v) => base64Problem(v) !== undefined)).toEqual([true, true, true, true]);
  });
});
