/**
 * The API server's rules beyond the schema, one fixture each at exact
 * line:col, and beside each its valid form, which must pass.
 */
import { describe, expect, it } from 'vitest';
import type { ManifestProblem } from '../../src/manifest/check.js';
import { checkFixtureMulti, where } from './helpers.js';

const lines = (problems: ManifestProblem[]) => problems.map((p) => `${where(p)} ${p.message}`);

const RULES: [fixture: string, expected: string[]][] = [
  [
    'api-quantity',
    [
      '11:14 spec.containers[0].resources.requests.cpu "500 m" is not a Kubernetes quantity; did you mean "500m"?',
      '12:17 spec.containers[0].resources.requests.memory "512mb" is not a Kubernetes quantity; did you mean "512Mi"?',
      '14:17 spec.containers[0].resources.limits.memory "1GB" is not a Kubernetes quantity; did you mean "1G" or "1Gi"?',
      '18:18 spec.volumes[0].emptyDir.sizeLimit "10MB" is not a Kubernetes quantity; did you mean "10M" or "10Mi"?',
    ],
  ],
  ['api-duplicate-volume', ['12:11 spec.volumes[1].name duplicate volume name "data": spec.volumes[0] already has it']],
  [
    'api-probe-handler',
    [
      '9:5 spec.containers[0].livenessProbe livenessProbe needs a handler: one of exec, httpGet, tcpSocket, grpc',
      '15:7 spec.containers[0].readinessProbe.tcpSocket readinessProbe may have only one handler, and httpGet is already set',
    ],
  ],
  [
    'api-env',
    [
      '10:13 spec.containers[0].env[0].name environment variable name "MODE=fast" may not contain "="',
      '12:7 spec.containers[0].env[1].value an environment variable takes value or valueFrom, not both',
      '19:9 spec.containers[0].env[2].valueFrom.secretKeyRef valueFrom may have only one source, and configMapKeyRef is already set',
    ],
  ],
  [
    'api-request-limit',
    [
      '17:18 spec.template.spec.containers[0].resources.requests.cpu the request 1 is more than the limit 500m; a request must be at most its limit',
    ],
  ],
  [
    'api-run-as-user',
    [
      '7:16 spec.securityContext.runAsUser must be from 0 to 2147483647',
      '8:32 spec.securityContext.supplementalGroups[1] must be from 0 to 2147483647',
      '13:19 spec.containers[0].securityContext.runAsGroup must be from 0 to 2147483647',
    ],
  ],
  ['api-namespace', ['5:14 metadata.namespace namespace "My_NS" must be lowercase']],
  [
    'api-base64',
    [
      '6:13 data.password "hunter2" is not base64: its length (7) is not a multiple of 4 ("=" padding missing?); the API server refuses the request while decoding it (HTTP 400), before any validation',
      '14:13 binaryData["logo.png"] "not base64!" is not base64: " " at character 4 is not in the base64 alphabet; the API server refuses the request while decoding it (HTTP 400), before any validation',
      '26:15 webhooks[0].clientConfig.caBundle "-----BEGIN CERTIFICATE-----" is not base64: "-" at character 1 is not in the base64 alphabet; the API server refuses the request while decoding it (HTTP 400), before any validation',
    ],
  ],
  [
    'api-service-ports',
    [
      '10:11 spec.ports[0].port must be a port number from 1 to 65535',
      '11:17 spec.ports[0].targetPort must be a port number from 1 to 65535',
      '14:17 spec.ports[1].targetPort port name "admin_port" may contain only lowercase letters, digits and "-"',
    ],
  ],
  [
    'api-selector-operator',
    [
      '9:17 spec.podSelector.matchExpressions[0].operator "in" is not a valid value; did you mean "In"?',
      '16:21 spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].operator "Includes" is not a valid value',
    ],
  ],
];

describe('the API server rules, each with its valid form beside it', () => {
  it.each(RULES)('%s', async (name, expected) => {
    expect(lines(await checkFixtureMulti(`${name}.yaml`))).toEqual(expected);
    expect(lines(await checkFixtureMulti(`${name}-valid.yaml`))).toEqual([]);
  });

  it('hints say what to type', async () => {
    const [env] = await checkFixtureMulti('api-env.yaml');
    expect(env!.hint).toBe('write the name and the value apart: name: MODE and value: "fast"');
    const [secret] = await checkFixtureMulti('api-base64.yaml');
    expect(secret!.hint).toMatch(/stringData/);
  });
});
