/** A small lesson with one step of each kind, for the engine tests. */
import { lesson as lessonSchema, type Lesson } from '../../src/lesson/schema.js';

export function tutorLesson(): Lesson {
  return lessonSchema.parse({
    id: 'tiny',
    title: 'A tiny lesson',
    summary: 'One step of each kind.',
    next: 'Go on with `kube-learn day5`.',
    misconceptions: [
      { number: 1, claim: 'A container is a small VM.', correction: 'A container is a process isolated by the kernel.' },
      { number: 2, claim: 'A Pod is a container.', correction: 'A Pod is a group of containers that share a network namespace.' },
    ],
    steps: [
      { id: 'intro', type: 'explain', title: 'Images', body: 'An **image** is a template.\n\n- one\n- two' },
      {
        id: 'q-image',
        type: 'choice',
        title: 'Images',
        question: 'What is an image?',
        hint: 'Think of a template.',
        explanation: 'Images are read-only templates.',
        corrects: [1],
        choices: [
          { text: 'A running process', why: 'That is a container.' },
          { text: 'A read-only template', correct: true, why: 'Containers start from it.' },
          { text: 'A virtual machine' },
        ],
      },
      {
        id: 'q-pod',
        type: 'multi',
        question: 'Which are true of a Pod?',
        hint: 'Two are true.',
        explanation: 'A Pod groups containers.',
        corrects: [2],
        choices: [
          { text: 'It can hold several containers', correct: true, why: 'Sidecars, for one.' },
          { text: 'It is a container', why: 'It holds containers.' },
          { text: 'Its containers share an IP', correct: true },
          { text: 'It is a node' },
        ],
      },
      { id: 'q-cli', type: 'text', question: 'Which command-line tool talks to the API server?', accept: ['kubectl', 'kube ctl'] },
      {
        id: 'first-pod',
        type: 'manifest',
        task: 'Write a Pod named `web`.',
        starter: 'apiVersion: v1\nkind: Pod\n',
        hint: 'metadata.name',
        solution: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n',
        explanation: 'That is a Pod.',
        corrects: [2],
        checks: [{ path: 'metadata.name', equals: 'web' }],
      },
    ],
  });
}

/** The answers that are right at the first try, step by step (an explain step takes "continue"). */
export const RIGHT = {
  'q-image': 1,
  'q-pod': [0, 2],
  'q-cli': 'kubectl',
  'first-pod': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n',
} as const;
