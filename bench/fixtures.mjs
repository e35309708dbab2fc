// Generated inputs for the bench: a large lesson pack for `lint`, a
// multi-document manifest file for `check`, and progress files. All are
// valid, so the figures measure the whole path (parse, schema, rules)
// rather than an early exit.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPES = ['explain', 'choice', 'multi', 'text', 'manifest'];

function stepYaml(lesson, n) {
  const id = `s${n}`;
  const corrects = n % 3 === 0 ? `\n    corrects: [${(n % 4) + 1}]` : '';
  switch (TYPES[n % TYPES.length]) {
    case 'explain':
      return `  - id: ${id}
    type: explain
    title: Step ${n} of lesson ${lesson}
    body: |
      A paragraph about Pods with \`kubectl get pods\` and some more words so the
      text is of a realistic length for an explanation step.

      - a bullet about containers
      - a bullet about images
    sources: [https://kubernetes.io/docs/concepts/workloads/pods/]${corrects}`;
    case 'choice':
      return `  - id: ${id}
    type: choice
    question: Whose kernel does a container use (question ${n})?
    choices:
      - text: The node's kernel
        correct: true
        why: Containers are processes on the node.
      - text: Its own kernel
        why: That is a VM.
      - text: The control plane's kernel
        why: The control plane runs no containers of its own for your Pods.
    hint: Think of processes.
    explanation: Containers share the node's kernel.${corrects}`;
    case 'multi':
      return `  - id: ${id}
    type: multi
    question: What do the containers of a Pod share (question ${n})?
    choices:
      - text: The network namespace
        correct: true
      - text: Volumes declared in the Pod
        correct: true
      - text: The root filesystem
        why: Each has its own, from its own image.${corrects}`;
    case 'text':
      return `  - id: ${id}
    type: text
    question: Which command lists Pods (question ${n})?
    accept: [kubectl get pods, kubectl get pod, kubectl get po]${corrects}`;
    default:
      return `  - id: ${id}
    type: manifest
    task: Write a Pod named web-${n} running nginx.
    starter: |
      apiVersion: v1
      kind: Pod
    checks:
      - path: metadata.name
        equals: web-${n}
      - path: spec.containers[*].image
        matches: '^nginx(:|$)'
    solution: |
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-${n}
      spec:
        containers:
          - name: web
            image: nginx:1.30${corrects}`;
  }
}

function lessonYaml(i, steps) {
  const misconceptions = [1, 2, 3, 4]
    .map(
      (n) =>
        `  - number: ${n}\n    claim: Simple picture number ${n} of lesson ${i}.\n    correction: The accurate picture number ${n}, in one sentence.`,
    )
    .join('\n');
  const body = Array.from({ length: steps }, (_, n) => stepYaml(i, n + 1)).join('\n');
  return `id: pack-${i}\ntitle: Generated lesson ${i}\nsummary: A generated lesson for the lint benchmark.\nmisconceptions:\n${misconceptions}\nsteps:\n${body}\n`;
}

/** Writes `lessons` lesson files of `steps` steps each into `dir`. */
export function writeLessonPack(dir, lessons = 200, steps = 50) {
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= lessons; i++) writeFileSync(join(dir, `pack-${String(i).padStart(3, '0')}.yaml`), lessonYaml(i, steps));
  return dir;
}

/** One lesson file just under the 1 MiB limit: thousands of explain steps, seconds to parse and validate. */
export function writeBigLesson(file) {
  mkdirSync(join(file, '..'), { recursive: true });
  let text = 'id: big\ntitle: Big\nsummary: One large lesson.\nsteps:\n';
  for (let i = 0; text.length < 1000 * 1024; i++)
    text += `  - id: s${i}\n    type: explain\n    title: Step ${i}\n    body: |\n      A paragraph with \`code\` in step ${i}, long enough to take the parser a moment.\n`;
  writeFileSync(file, text);
  return file;
}

const KINDS = [
  (n) => `apiVersion: v1
kind: Pod
metadata:
  name: web-${n}
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
      resources:
        requests:
          cpu: 100m
          memory: 64Mi
        limits:
          memory: 128Mi`,
  (n) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api-${n}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api-${n}
  template:
    metadata:
      labels:
        app: api-${n}
    spec:
      containers:
        - name: api
          image: ghcr.io/example/api:1.0.${n}
          env:
            - name: MODE
              value: production`,
  (n) => `apiVersion: v1
kind: Service
metadata:
  name: svc-${n}
spec:
  selector:
    app: api-${n}
  ports:
    - port: 80
      targetPort: 8080`,
  (n) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: config-${n}
data:
  mode: production
  level: info`,
];

/** Writes one file of `count` YAML documents (Pods, Deployments, Services, ConfigMaps). */
export function writeManifests(file, count = 20) {
  const docs = Array.from({ length: count }, (_, n) => KINDS[n % KINDS.length](n + 1));
  writeFileSync(file, `${docs.join('\n---\n')}\n`);
  return file;
}

/**
 * The built lessons, in course order: from dist/lessons/ (course.json and a
 * file per lesson), or from the dist/lessons.ndjson of builds before it
 * (index lines, then a lesson per line); given a build's dist/ folder,
 * from whichever it has (the bench runs against older builds too).
 */
export function readLessons(file) {
  // A build's dist/ folder: its lessons in whichever form it has.
  if (existsSync(join(file, 'main.cjs'))) file = existsSync(join(file, 'lessons')) ? join(file, 'lessons') : join(file, 'lessons.ndjson');
  if (statSync(file).isDirectory()) {
    const course = JSON.parse(readFileSync(join(file, 'course.json'), 'utf8'));
    return course.map(({ id }) => JSON.parse(readFileSync(join(file, `${id}.json`), 'utf8')));
  }
  const values = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  return values.filter((v) => !Array.isArray(v) && Array.isArray(v.steps));
}

function answerOf(step) {
  if (step.type === 'choice') return step.choices[0].text;
  if (step.type === 'multi') return step.choices.filter((c) => c.correct).map((c) => c.text);
  if (step.type === 'text') return step.accept[0];
  if (step.type === 'command') return step.expect[0];
  if (step.type === 'manifest') return step.solution;
  return undefined;
}

/**
 * A learner's history, written through the progress store's own API (so
 * the file is whatever format the store writes): every question answered
 * wrong once, then right, every step settled and each lesson finished, but
 * the first `unfinished` steps of the lesson `open` only. With the review
 * scheduler, each settled question gets its card, as in a lesson.
 */
export async function fillProgress(store, lessons, { open, unfinished = Infinity, scheduler } = {}) {
  for (const lesson of lessons) {
    const steps = lesson.id === open ? lesson.steps.slice(0, unfinished) : lesson.steps;
    for (const step of steps) {
      const answer = answerOf(step);
      const question = step.type !== 'explain';
      if (question) await store.saveTries(lesson.id, step.id, { attempts: 1, picks: [answer] });
      const outcome = { stepId: step.id, type: step.type, status: question ? 'right' : 'seen' };
      Object.assign(outcome, { attempts: question ? 2 : 0, firstTry: false, revealed: false });
      if (answer !== undefined) outcome.answer = answer;
      await store.record(lesson.id, outcome, 45_000, scheduler);
    }
    if (steps.length === lesson.steps.length) await store.finish(lesson.id);
  }
}
