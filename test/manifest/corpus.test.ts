/**
 * A corpus of valid manifests of our own making, across the kinds the course
 * uses, and single-mistake mutations of them, each of which must be caught as
 * an error at the line the learner has to fix. The detection rate is printed
 * (and must stay at 100%); every valid manifest must pass without a problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManifests } from '../../src/manifest/check.js';
import { fixturePath } from './helpers.js';

const DIR = fixturePath('corpus');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

interface Doc {
  file: string;
  /** The metadata.name of each object in the document (a List has several). */
  names: string[];
  kind: string;
  text: string;
}

/** The documents of every corpus file. */
const docs: Doc[] = files.flatMap((file) =>
  readFileSync(join(DIR, file), 'utf8')
    .split(/^---\n/m)
    .map((text) => ({
      file,
      text,
      names: [...text.matchAll(/metadata:\n\s*name: (\S+)/g)].map((m) => m[1]!),
      kind: /^kind: (\S+)/m.exec(text)![1]!,
    })),
);

/** One mistake: the first `from` in the document becomes `to`; it must be reported on the line of the first `at` (default: the line where `to` starts). */
type Mutation = [doc: string, from: string, to: string, at?: string];

const MUTATIONS: Mutation[] = [
  // Pods
  ['pod-basic', '  containers:', '  container:'],
  ['pod-basic', '    image: nginx:1.30', '    imgae: nginx:1.30'],
  ['pod-basic', 'containerPort: 80', 'containerPort: "80"'],
  ['pod-basic', 'containerPort: 80', 'containerPort: 80000'],
  ['pod-basic', '  namespace: learn-lab', '  namespace: Learn_Lab'],
  ['pod-basic', '    app: web', '    app: web server'],
  ['pod-basic', 'kind: Pod', 'kind: pod'],
  ['pod-basic', '  - name: web', '  - name: Web'],
  ['pod-basic', '    image: nginx:1.30', '\timage: nginx:1.30'],
  ['pod-basic', '    - containerPort: 80', '    containerPort: 80'],
  ['pod-resources', 'memory: 64Mi', 'memory: 64MB'],
  ['pod-resources', 'cpu: 250m', 'cpu: "250 m"'],
  ['pod-resources', 'memory: 128Mi', 'memory: 128mb'],
  ['pod-resources', 'cpu: 250m', 'cpu: "2"'],
  ['pod-resources', '      requests:', '      request:'],
  ['pod-env', '      value: "yes"', '      value: yes'],
  ['pod-env', '    - name: GREETING', '    - name: GREETING=hi'],
  ['pod-env', '          fieldPath: metadata.name', '          fieldPath: metadata.name\n      value: x', '      value: x'],
  ['pod-env', '        secretKeyRef:', '        secretKeyref:'],
  ['pod-probes', '        port: http\n', '        port: http\n      tcpSocket:\n        port: 80\n', '      tcpSocket:'],
  ['pod-probes', '      tcpSocket:\n        port: 80', '      periodSeconds: 5', '    readinessProbe:'],
  ['pod-probes', '      initialDelaySeconds: 5', '      initialDelaySeconds: 5s'],
  ['pod-probes', '    - name: http', '    - name: http_port'],
  ['pod-volumes', '  - name: cache', '  - name: config'],
  ['pod-volumes', '    - name: data\n      mountPath: /data', '    - name: date\n      mountPath: /data', '    - name: date'],
  ['pod-volumes', '      sizeLimit: 500Mi', '      sizeLimit: 500MB'],
  ['pod-volumes', '      readOnly: true', '      readOnly: "true"'],
  ['pod-sidecar', '    restartPolicy: Always', '    restartPolicy: always'],
  ['pod-sidecar', '  - name: app', '  - name: migrate'],
  ['pod-security', '    runAsUser: 1000', '    runAsUser: -1'],
  ['pod-security', '        drop: [ALL]', '        drop: ALL'],
  ['pod-scheduling', '  restartPolicy: OnFailure', '  restartPolicy: Sometimes'],
  ['pod-scheduling', '    effect: NoSchedule', '    effect: NoScheduled'],
  ['pod-lifecycle', '        sleep:\n          seconds: 10', '        seconds: 10', '      preStop:'],
  // Deployments
  ['nginx-deployment', '        app: nginx\n    spec:', '        app: web\n    spec:', '      labels:'],
  ['nginx-deployment', 'apiVersion: apps/v1', 'apiVersion: extensions/v1beta1'],
  ['nginx-deployment', '  replicas: 3', '  replicas: "3"'],
  ['nginx-deployment', '  replicas: 3', '  replica: 3'],
  ['nginx-deployment', '      - name: nginx\n        image: nginx:1.30', '      - name: nginx', '      - name: nginx'],
  ['nginx-deployment', '      containers:', '      containers: nginx'],
  ['nginx-deployment', '  template:', '  templates:'],
  ['api-rolling', '    type: RollingUpdate', '    type: Rolling'],
  ['api-rolling', '      operator: In', '      operator: in'],
  ['api-rolling', '            memory: 1Gi', '            memory: 2Gi'],
  ['worker-recreate', '      labels:\n        app: worker', '      labels:\n        app: workers', '      labels:'],
  ['web-configured', '        - configMapRef:', '        - configmapRef:'],
  [
    'web-configured',
    '          name: html\n      containers',
    '          name: html\n      - name: html\n        emptyDir: {}\n      containers',
    '      - name: html\n        emptyDir',
  ],
  // StatefulSets and DaemonSets
  ['web-stateful', '        - name: www', '        - name: web'],
  ['web-stateful', '      accessModes: [ReadWriteOnce]', '      accessModes: [ReadWriteOnly]'],
  ['web-stateful', '          storage: 1Gi', '          storage: 1GB'],
  ['db', '  podManagementPolicy: Parallel', '  podManagementPolicy: parallel'],
  ['db', '          containerPort: 5432', '          containerport: 5432'],
  ['cache-stateful', '    type: OnDelete', '    type: Recreate'],
  ['node-logger', '          type: Directory', '          type: Folder'],
  ['node-logger', '      - operator: Exists', '      - operator: exists'],
  ['node-exporter', '          hostPort: 9100', '          hostPort: 0'],
  ['node-agent', '      nodeSelector:', '      nodeselector:'],
  // Jobs and CronJobs
  ['pi', '      restartPolicy: Never', '      restartPolicy: Always'],
  ['pi', '  backoffLimit: 4', '  backoffLimit: four'],
  ['parallel-work', '  parallelism: 2', '  parallelism: 2.5'],
  ['indexed', '  completionMode: Indexed', '  completionMode: indexed'],
  ['migrate-db', '        - secretRef:', '        - secretKeyRef:'],
  ['hello', '  jobTemplate:', '  jobtemplate:'],
  ['hello', 'apiVersion: batch/v1', 'apiVersion: batch/v1beta1'],
  ['nightly-backup', '  concurrencyPolicy: Forbid', '  concurrencyPolicy: Forbidden'],
  ['nightly-backup', '                memory: 256Mi', '                memory: 256 Mi'],
  ['report', '  suspend: true', '  suspend: "true"'],
  // Services
  ['nginx-service', '  - port: 80', '  - port: 0'],
  ['nginx-service', '  name: nginx-service', '  name: nginx.service'],
  ['api-nodeport', '  type: NodePort', '  type: Nodeport'],
  ['api-nodeport', '    protocol: TCP', '    protocol: tcp'],
  ['web-lb', '  externalTrafficPolicy: Local', '  externalTrafficPolicy: local'],
  ['db', '  - port: 5432', '  - ports: 5432'],
  ['dns-both', '    protocol: UDP', '    protocol: DNS'],
  // ConfigMaps, Secrets, Namespaces
  ['settings', '  retries: "3"', '  retries: 3'],
  ['settings', '  enabled: "true"', '  enabled: true'],
  ['blobs', 'immutable: true', 'immutable: yes please'],
  ['blobs', '  logo.png: iVBOR', '  logo.png: %iVBOR'],
  ['db', '  password: czNjcjN0IQ==', '  password: s3cr3t!'],
  ['api-token', 'stringData:', 'stringdata:'],
  ['tls-cert', '  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t', '  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0'],
  ['learn-lab', '  name: learn-lab', '  name: Learn-Lab'],
  ['team-a', '    pod-security.kubernetes.io/enforce: restricted', '    pod-security.kubernetes.io/enforce: very restricted'],
  // Storage
  ['data', '  - ReadWriteOnce', '  - ReadWriteOnly'],
  ['data', '      storage: 5Gi', '      storage: 5gb'],
  ['shared', '  volumeMode: Filesystem', '  volumeMode: FileSystem'],
  ['pv-hostpath', '  persistentVolumeReclaimPolicy: Retain', '  persistentVolumeReclaimPolicy: Keep'],
  ['pv-hostpath', '    storage: 10Gi', '    storage: 10 GiB'],
  ['pv-local', '          operator: In', '          operator: Equals'],
  // Ingress and NetworkPolicy
  ['web', '        pathType: Prefix', '        pathType: prefix'],
  ['web', '              number: 80', '              number: "80"'],
  ['web', '        backend:', '        backends:'],
  ['api-tls', '    secretName: tls-cert', '    secret: tls-cert'],
  ['fanout', '      - path: /blog\n        pathType: Prefix', '      - path: /blog', '      - path: /blog'],
  ['default-deny', '  - Egress', '  - Outgoing'],
  ['allow-web', '    - podSelector:', '    - podselector:'],
  ['egress-dns', '      endPort: 5440', '      endPort: "5440"'],
  ['allow-monitoring', '          operator: In', '          operator: Includes'],
  // Lists
  ['list-settings', '    mode: slow', '    mode: 1'],
  ['list-web', '    - port: 80', '    - port: 80\n      protocol: HTTP', '      protocol: HTTP'],
  ['list-deploy', '          image: nginx:1.30', '          image: ""'],
  ['list-ns', '    name: list-ns', '    name: List_NS'],
];

function mutate(doc: Doc, from: string, to: string): string {
  const at = doc.text.indexOf(from);
  if (at < 0) throw new Error(`${doc.names.join(', ')}: "${from}" not found`);
  return doc.text.slice(0, at) + to + doc.text.slice(at + from.length);
}

/** 1-based line of the first `needle` in `text`. */
const lineOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, at).split('\n').length;
};

describe('a corpus of valid manifests', () => {
  it('has at least 60 documents across the kinds the course uses', () => {
    expect(docs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(docs.map((d) => d.kind))).toEqual(
      new Set([
        'Pod',
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'Job',
        'CronJob',
        'Service',
        'ConfigMap',
        'Secret',
        'Namespace',
        'PersistentVolumeClaim',
        'PersistentVolume',
        'Ingress',
        'NetworkPolicy',
        'List',
      ]),
    );
  });

  it.each(files)('%s: every manifest passes with no problem at all', async (file) => {
    expect(await checkManifests(readFileSync(join(DIR, file), 'utf8'))).toEqual([]);
  });
});

describe('single-mistake mutations of the corpus', () => {
  const outcomes: { caught: boolean; elsewhere: boolean }[] = [];

  it('are at least 60', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(MUTATIONS.map((m, i) => [i + 1, ...m] as const))('#%i %s: %j -> %j', async (_, name, from, to, at) => {
    const matches = docs.filter((d) => d.names.includes(name) && d.text.includes(from));
    expect(matches, `one document named ${name} holds the text`).toHaveLength(1);
    const doc = matches[0]!;
    const text = mutate(doc, from, to);
    const line = at === undefined ? doc.text.slice(0, doc.text.indexOf(from)).split('\n').length : lineOf(text, at);
    const errors = (await checkManifests(text)).filter((p) => p.severity === 'error');
    const caught = errors.some((p) => p.line === line);
    outcomes.push({ caught, elsewhere: errors.some((p) => p.line !== line) });
    expect(
      errors.map((p) => `${p.line}:${p.col} ${p.path} ${p.message}`),
      `an error on line ${line}`,
    ).toContainEqual(expect.stringMatching(new RegExp(`^${line}:`)));
  });

  it('detection rate', () => {
    const caught = outcomes.filter((o) => o.caught).length;
    const elsewhere = outcomes.filter((o) => o.elsewhere).length;
    console.log(
      `corpus: ${docs.length} valid manifests pass; ${caught}/${outcomes.length} mutations caught at the right line (${((100 * caught) / outcomes.length).toFixed(1)}%), ${elsewhere} with another error elsewhere too`,
    );
    expect(outcomes).toHaveLength(MUTATIONS.length);
    expect(caught).toBe(outcomes.length);
  });
});
