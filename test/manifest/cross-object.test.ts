import { describe, expect, it } from 'vitest';
import { checkManifest, checkManifests, type ManifestProblem } from '../../src/manifest/check.js';
import { checkFixtureMulti, fixture, where } from './helpers.js';

const lines = (problems: readonly ManifestProblem[]) => problems.map((p) => `${where(p)} ${p.message}`);

/** The fixture's documents, by the kind of their object. */
function documentOf(name: string, kind: string): string {
  const doc = fixture(name)
    .split(/^---\n/m)
    .find((d) => new RegExp(`^kind: ${kind}$`, 'm').test(d));
  if (!doc) throw new Error(`${name} has no ${kind}`);
  return doc;
}

describe('rules across objects', () => {
  it('a Deployment, its Service, a claim and the Pod that mounts it, all resolving: no problems', async () => {
    expect(await checkFixtureMulti('cross-good.yaml')).toEqual([]);
  });

  it('a Service selector that matches no Pods is a warning at the pair that fails, naming the closest Pods and their line', async () => {
    const problems = await checkFixtureMulti('cross-service-selector.yaml');
    expect(lines(problems)).toEqual([
      '26:10 spec.selector.app (warning) selects no Pods: the Pods of Deployment "nginx-deployment" are labelled app: nginx (see line 14); the API accepts this, but the Service will have no endpoints',
      '37:5 spec.selector.tier (warning) selects no Pods: the Pods of Deployment "nginx-deployment" are labelled app: nginx (see line 14); the API accepts this, but the Service will have no endpoints',
    ]);
    // The Service matched the Deployment's own labels, the classic mix-up: the hint says so.
    expect(problems[0]!.hint).toMatch(/matches the Deployment "nginx-deployment"'s own labels, but a Service selects Pods/);
    expect(problems[1]!.hint).toMatch(/every pair of the selector must match/);
  });

  it('targetPort: a containerPort or a port name of the selected Pods, with the same protocol; unset, it is the port', async () => {
    expect(lines(await checkFixtureMulti('cross-service-ports.yaml'))).toEqual([
      '27:11 spec.ports[0].targetPort (warning) targetPort is not set, so it is 8080, the same as port: no container of Pod "web" declares containerPort 8080 (they declare 80, 53, see line 12); the API accepts this, but connections fail unless a container listens on 8080 anyway',
      '30:17 spec.ports[1].targetPort (warning) no container of Pod "web" has a port named "htp" (did you mean "http"? see line 12); the API accepts this, but the Service will have no endpoints for this port',
      '33:17 spec.ports[2].targetPort (warning) containerPort 80 is TCP in Pod "web", this Service port is UDP (see line 12); the traffic will not reach the container',
      '43:17 spec.ports[5].targetPort (warning) the port named "dns" is UDP in Pod "web", this Service port is TCP (see line 14); the traffic will not reach the container',
    ]);
  });

  it('no containerPort declared: nothing to compare a numeric targetPort with', async () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.30\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 8080\n';
    expect(await checkManifests(text)).toEqual([]);
  });

  it('a Service selects Pods in its own namespace only', async () => {
    const problems = await checkFixtureMulti('cross-service-namespace.yaml');
    expect(lines(problems)).toEqual([
      '23:14 metadata.namespace (warning) the selector matches the Pods of Deployment "nginx-deployment" (see line 13), but they are in another namespace; the API accepts this, but the Service will have no endpoints',
    ]);
  });

  it('a Service alone, or one without a selector: nothing to check it against', async () => {
    expect(await checkManifests(documentOf('cross-service-selector.yaml', 'Service'))).toEqual([]);
    const manual = `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports:\n  - port: 5432\n---\n${documentOf('cross-service-ports.yaml', 'Pod')}`;
    expect(await checkManifests(manual)).toEqual([]);
  });

  it('a claimName that names no claim is a warning at claimName: did-you-mean, or the claim there is', async () => {
    expect(lines(await checkFixtureMulti('cross-claim.yaml'))).toEqual([
      '26:18 spec.volumes[0].persistentVolumeClaim.claimName (warning) no PersistentVolumeClaim "data-clam" in this answer (did you mean "data-claim"? see line 4); the API accepts this, but the Pod stays Pending until a claim of that name exists in its namespace',
      '50:22 spec.template.spec.volumes[0].persistentVolumeClaim.claimName (warning) no PersistentVolumeClaim "uploads" in this answer (the claim here is "data-claim", see line 4); the API accepts this, but the Pod stays Pending until a claim of that name exists in its namespace',
    ]);
  });

  it('a Pod whose claim is nowhere in a lesson answer: the same warning, without a claim to point at', async () => {
    const problems = await checkManifest(documentOf('cross-good.yaml', 'Pod'));
    expect(lines(problems)).toEqual([
      '17:18 spec.volumes[0].persistentVolumeClaim.claimName (warning) no PersistentVolumeClaim "data-claim" in this answer; the API accepts this, but the Pod stays Pending until a claim of that name exists in its namespace',
    ]);
  });

  it('a file with a Pod and no claim at all leans on claims the cluster has: no warning', async () => {
    expect(lines(await checkManifests(documentOf('cross-good.yaml', 'Pod')))).toEqual([]);
  });

  it("a Deployment's own selector against its template is the API server's rule: an error", async () => {
    const problems = await checkFixtureMulti('rules-deployment.yaml');
    expect(problems.some((p) => p.severity === 'error' && /selector does not match template labels/.test(p.message))).toBe(true);
  });
});

describe("the lesson's context: objects the learner is assumed to have applied", () => {
  const deployment = documentOf('cross-good.yaml', 'Deployment');
  const service = documentOf('cross-service-selector.yaml', 'Service');

  it('cross-object rules see it, and the referred object is named, not given a line of the answer', async () => {
    const problems = await checkManifest(service, { context: deployment });
    expect(lines(problems)).toEqual([
      '7:10 spec.selector.app (warning) selects no Pods: the Pods of Deployment "nginx-deployment" are labelled app: nginx, tier: web (already applied, as this exercise assumes); the API accepts this, but the Service will have no endpoints',
    ]);
    const claimless = documentOf('cross-good.yaml', 'Pod');
    expect(await checkManifest(claimless, { context: documentOf('cross-good.yaml', 'PersistentVolumeClaim') })).toEqual([]);
    expect(lines(await checkManifest(claimless, { context: deployment }))[0]).toMatch(/in this answer or the lesson's context;/);
  });

  it("the context's own problems are never the learner's", async () => {
    const broken = `${deployment}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers: []\n---\nnot: [closed\n`;
    const right = service.replace('app: web', 'app: nginx');
    expect(await checkManifest(right, { context: broken })).toEqual([]);
    expect(await checkManifest(right, { context: deployment })).toEqual([]);
  });
});
