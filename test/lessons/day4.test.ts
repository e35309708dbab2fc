/**
 * Day 4: the course's shape (course-shape.ts), and what issue 18's review
 * found wrong or misleading in the first version, each point where a test can
 * see it, so that none comes back with a later edit. The fix-the-manifest
 * exercise is walked as a learner would: one planted mistake fixed per round,
 * and each round's feedback names the next fix.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { checkManifest } from '../../src/manifest/check.js';
import type { ChoiceStep, CommandStep, ExplainStep, Lesson, ManifestStep, MultiStep, Step } from '../../src/lesson/schema.js';
import { describeCourseDay, lessonFile } from './course-shape.js';

const raw = readFileSync(lessonFile('day4'), 'utf8');

function step<T extends Step['type']>(lesson: Lesson, id: string, type: T): Extract<Step, { type: T }> {
  const found = lesson.steps.find((s) => s.id === id);
  if (found?.type !== type) throw new Error(`no ${type} step ${id}`);
  return found as Extract<Step, { type: T }>;
}

const explains = (lesson: Lesson) => lesson.steps.filter((s): s is ExplainStep => s.type === 'explain');
const errors = async (text: string, s: ManifestStep) =>
  (await checkManifest(text, { checks: s.checks })).filter((p) => p.severity === 'error');

describeCourseDay({ day: 4, misconceptions: [1, 2, 3, 4, 5, 6, 7, 8, 9], manifests: 2 }, (get) => {
  it('keeps the ids of the steps whose meaning did not change, so saved progress still applies', () => {
    const ids = new Set(get().steps.map((s) => s.id));
    const kept = [
      'four-words',
      'what-happens',
      'flow-order',
      'docker-today',
      'what-is-an-image',
      'image-at-rest',
      'image-names',
      'full-image-name',
      'where-images-live',
      'laptop-image',
      'what-is-a-container',
      'how-many-kernels',
      'lost-file',
      'what-is-a-pod',
      'bare-pod-node-fails',
      'pod-network',
      'reach-other-pod',
      'pod-storage',
      'pod-shares',
      'pod-manifest',
      'kubectl-first-pod',
      'read-logs',
      'first-pod',
    ];
    for (const id of kept) expect(ids, id).toContain(id);
  });

  // 1
  it("teaches that a Pod's containers share IPC and the hostname too, before pod-shares asks, and its hint hands over no option", () => {
    const ids = get().steps.map((s) => s.id);
    expect(ids.indexOf('pod-network')).toBeLessThan(ids.indexOf('pod-shares'));
    const network = step(get(), 'pod-network', 'explain').body;
    expect(network).toMatch(/IPC/);
    expect(network).toMatch(/hostname, which is the Pod's name/);
    const q = step(get(), 'pod-shares', 'multi');
    expect(q.hint).not.toMatch(/exactly one kind|hostname|UTS|PID/i);
    expect(q.explanation).toMatch(/IPC/);
    expect(q.explanation).toMatch(/UTS/);
    expect(q.choices.find((c) => /hostname/i.test(c.text))?.correct).toBe(true);
  });

  // 2
  it('does not say distroless images only leave out the shell and package manager', () => {
    expect(raw).not.toMatch(/only leave out/i);
    expect(raw).not.toMatch(/distroless[^.]*\bonly\b/i);
  });

  // 3
  it('puts resource requests and limits on the container, not on the Pod', () => {
    expect(raw).not.toMatch(/Pod can declare `?resources/i);
    expect(step(get(), 'what-is-a-container', 'explain').body).toContain('spec.containers[].resources');
  });

  // 4
  it('tells a movable tag, even a version tag, from a digest, and has no pull-policy table claiming otherwise', () => {
    expect(raw).not.toMatch(/pinned tag[^.]*IfNotPresent/i);
    const names = step(get(), 'image-names', 'explain').body;
    expect(names).toMatch(/even a version tag/);
    expect(names).toMatch(/digest[^.]*never changes/);
  });

  // 5
  it('does not say kubectl logs prints only standard output, and asks for logs as a command', () => {
    expect(raw).not.toMatch(/standard output(?! and standard error)|stdout(?! and stderr)/i);
    const q = step(get(), 'read-logs', 'command');
    expect(q.expect).toContain('kubectl logs web');
    expect(q.allow).toContain('-f');
  });

  // 6
  it('names the field imagePullSecrets, with its s, and gives no "most often" way to pull private images', () => {
    expect(raw).not.toMatch(/imagePullSecret(?!s)/);
    expect(raw).not.toMatch(/most often/i);
    expect(step(get(), 'where-images-live', 'explain').body).toMatch(/three ways/);
  });

  // 7
  it('tells restarting a container from replacing a Pod, and names restartPolicy', () => {
    expect(raw).not.toMatch(/never moved or healed/i);
    const m7 = get().misconceptions!.find((m) => m.number === 7)!;
    expect(m7.correction).toMatch(/restartPolicy/);
    const body = step(get(), 'restart-or-replace', 'explain').body;
    for (const policy of ['`Always`', '`OnFailure`', '`Never`']) expect(body).toContain(policy);
    const q = step(get(), 'container-crash', 'choice');
    expect(q.choices.find((c) => c.correct)?.text).toMatch(/same Pod/);
  });

  // 8
  it('quotes the docs verbatim on the smallest deployable units', () => {
    expect(step(get(), 'what-is-a-pod', 'explain').body).toContain(
      '"the smallest deployable units of computing that you can create and manage in Kubernetes"',
    );
  });

  // 9
  it('does not claim a laptop image is unusable until pushed; pre-pulled images are named', () => {
    expect(raw).not.toMatch(/until you push it/i);
    expect(get().misconceptions!.find((m) => m.number === 2)!.correction).toMatch(/pre-pulled/);
  });

  // 10
  it('does not promise that an image runs on any node whatever its CPU architecture', () => {
    expect(raw).not.toMatch(/runs on this cluster unchanged/);
    const q = step(get(), 'docker-today', 'multi');
    const arch = q.choices.find((c) => /architecture/.test(c.text) && !c.correct);
    expect(arch?.why).toMatch(/arm64/);
  });

  // 11
  it('uses the course tag nginx:1.30 for every nginx image, and never calls a version current', () => {
    expect(raw).not.toContain('nginx:1.27');
    const tags = [...raw.matchAll(/nginx:(\d+(?:\.\d+)*)(?!\\)/g)].map((m) => m[1]);
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(['1.30']));
    expect(raw).not.toMatch(/\bcurrent (version|tag|release)/i);
  });

  // 13
  it('does not tell the learner to change the image in the first-pod hint', () => {
    expect(step(get(), 'first-pod', 'manifest').hint).not.toMatch(/image/i);
  });

  // 14
  it('diagnoses an image pull failure on a Pod that already has a node, not as "no node with room"', () => {
    const ids = get().steps.map((s) => s.id);
    expect(ids).not.toContain('pending-why');
    const q = step(get(), 'pull-backoff-cause', 'choice');
    expect(q.skill).toBe('diagnose');
    expect(q.corrects ?? []).not.toContain(8);
    const roomy = q.choices.find((c) => /enough free CPU|room/i.test(c.text));
    expect(roomy?.correct).toBe(false);
    expect(roomy?.why).toMatch(/already has a node/);
  });

  // 15
  it('offers no container IP as a distractor in reach-other-pod: containers have none of their own', () => {
    const q = step(get(), 'reach-other-pod', 'choice');
    for (const c of q.choices) expect(c.text).not.toMatch(/IP (address )?of the metrics container/i);
    expect(q.choices.filter((c) => /Pod IP of shop, port 9090/.test(c.text)).map((c) => c.correct)).toEqual([true]);
  });

  it('keeps image internals to one explain step and leaves pull-policy defaults to the Deployments day', () => {
    const internals = explains(get()).filter((s) => /layers?\b/.test(s.body) && /\bindex\b/.test(s.body));
    expect(internals.map((s) => s.id)).toEqual(['what-is-an-image']);
    expect(raw).not.toMatch(/imagePullPolicy/);
  });

  it('defines a node, and tells the Kubernetes namespace from the Linux one', () => {
    expect(step(get(), 'what-a-node-is', 'explain').body).toMatch(/A node is where Pods run[^\n]*\n?[^\n]*kubelet[^\n]*container runtime/);
    const body = step(get(), 'two-namespaces', 'explain').body;
    expect(body).toMatch(/Linux namespace/);
    expect(body).toMatch(/Kubernetes namespace/);
    expect(body).toContain('metadata.namespace');
  });

  it('asks kubectl questions as command questions, with canonical commands first', () => {
    const commands = get().steps.filter((s): s is CommandStep => s.type === 'command');
    expect(commands.map((c) => c.expect[0])).toEqual([
      'kubectl get pods -o wide',
      'kubectl get pods -n learn-lab -l app=web',
      'kubectl logs web',
      'kubectl port-forward pod/web 8080:80',
      'kubectl describe pod web',
      'kubectl run proxy --image=nginx:1.30 --dry-run=client -o yaml',
    ]);
    for (const c of commands) expect(c.hint!.toLowerCase(), c.id).not.toContain(c.expect[0]!.toLowerCase());
  });

  // The rebalance toward doing (issue 18): facts from the briefs of days 1, 2, 3, 6 and 7 where day 4's lacks them.
  it('points to a practice cluster (kind, minikube) and says the lesson itself needs none', () => {
    const body = step(get(), 'what-a-node-is', 'explain');
    expect(body.body).toMatch(/needs no cluster/);
    expect(body.body).toMatch(/kind or minikube/);
    expect(body.sources).toContain('https://github.com/kubernetes-sigs/kind');
  });

  it('tells where kubectl looks without -n, the default namespace, and asks for -n and -l as a command', () => {
    expect(step(get(), 'two-namespaces', 'explain').body).toMatch(/`default`[^.]*\. `-n learn-lab`/);
    const q = step(get(), 'pods-by-label', 'command');
    expect(q.question).toContain('No resources found in default namespace.');
    expect(q.expect[0]).toBe('kubectl get pods -n learn-lab -l app=web');
    expect(q.allow).toContain('--show-labels');
  });

  it('teaches -o wide (IP and node), -o yaml (what was filled in), -l, --show-labels and delete -f', () => {
    const body = step(get(), 'kubectl-first-pod', 'explain').body;
    for (const s of [
      '-o wide',
      "each Pod's IP and its node",
      '-l app=web',
      '--show-labels',
      'kubectl get pod web -o yaml',
      'restartPolicy: Always',
      'kubectl delete -f pod.yaml',
    ]) {
      expect(body, s).toContain(s);
    }
    expect(step(get(), 'pod-node', 'command').question).toMatch(/node[^.]*Pod IP/);
  });

  it('reads RESTARTS and CrashLoopBackOff in the Pod list', () => {
    const body = step(get(), 'pod-status', 'explain').body;
    expect(body).toContain('`CrashLoopBackOff`');
    expect(body).toMatch(/RESTARTS column counts/);
  });

  it('reaches the Pod with port-forward, your port before the colon, and asks for it with other ports than the example', () => {
    const body = step(get(), 'reach-your-pod', 'explain').body;
    expect(body).toContain('kubectl port-forward pod/api 9090:8080');
    expect(body).toMatch(/before the colon is yours/);
    const q = step(get(), 'port-forward', 'command');
    expect(q.expect[0]).toBe('kubectl port-forward pod/web 8080:80');
    expect(q.allow ?? []).toEqual([]);
    const ids = get().steps.map((s) => s.id);
    expect(ids.indexOf('reach-your-pod')).toBeLessThan(ids.indexOf('port-forward'));
  });

  it('keeps hints free of the right options, and no right option is the longest by far', () => {
    for (const s of get().steps) {
      if (s.type !== 'choice' && s.type !== 'multi') continue;
      const q: ChoiceStep | MultiStep = s;
      for (const c of q.choices.filter((c) => c.correct)) expect(q.hint!.toLowerCase(), q.id).not.toContain(c.text.toLowerCase());
    }
  });

  it("catches each planted mistake of the course's own manifest, one round at a time", async () => {
    const fix = step(get(), 'fix-first-pod', 'manifest');
    const starter = fix.starter!;
    expect(starter).toMatch(/^Spec:/m);
    expect(starter).toMatch(/^ {2}image: nginx$/m);

    const round1 = await errors(starter, fix);
    expect(round1.map((p) => p.path)).toContain('Spec');

    const specFixed = starter.replace(/^Spec:/m, 'spec:');
    const round2 = await errors(specFixed, fix);
    expect(
      round2.some((p) => p.path === 'spec.image' || p.path === 'spec.containers[0].image'),
      JSON.stringify(round2),
    ).toBe(true);

    const indentFixed = specFixed.replace(/^ {2}image: nginx$/m, '      image: nginx');
    const round3 = await errors(indentFixed, fix);
    expect(round3).toHaveLength(1);
    expect(round3[0]!.path).toBe('spec.containers[0].image');
    expect(round3[0]!.message).toMatch(/nginx:1\.30/);

    expect(await errors(indentFixed.replace('image: nginx', 'image: nginx:1.30'), fix)).toEqual([]);
    expect(await errors(indentFixed.replace('image: nginx', 'image: nginx:latest'), fix)).toHaveLength(1);
  });

  it("names each fix in the step's own checks, whatever the checker says first", () => {
    const fix = step(get(), 'fix-first-pod', 'manifest');
    const by = (path: string) => fix.checks.filter((c) => c.path === path);
    expect(by('Spec')[0]).toMatchObject({ absent: true, message: expect.stringMatching(/case-sensitive/) });
    expect(by('spec.image')[0]).toMatchObject({ absent: true, message: expect.stringMatching(/indented/) });
    expect(
      by('spec.containers[0].image')
        .map((c) => c.message)
        .join(' '),
    ).toMatch(/Indentation/);
    expect(
      by('spec.containers[0].image')
        .map((c) => c.message)
        .join(' '),
    ).toMatch(/tag/);
  });
});
