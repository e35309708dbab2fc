/**
 * Day 3, nodes, namespaces and labels: the course's shape, plus the link
 * between the manifest exercise and the command question after it. Every
 * accepted command must list the solution's Pod (right namespace, a selector
 * its labels satisfy) and not the starter's, so the two steps can't drift apart.
 */
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CommandStep, Lesson, ManifestStep } from '../../src/lesson/schema.js';
import { describeCourseDay } from './course-shape.js';

interface PodMeta {
  namespace?: string;
  labels?: Record<string, string>;
}

interface Listing {
  namespace: string | undefined;
  selector: string;
}

/** The namespace and label selector of a `kubectl get pods` command, in its short or long flag forms. */
function listing(command: string): Listing {
  const words = command.split(/\s+/);
  const out: Listing = { namespace: undefined, selector: '' };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const [flag, inline] =
      w.includes('=') && w.startsWith('--') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
    const value = () => inline ?? words[++i]!;
    if (flag === '-n' || flag === '--namespace') out.namespace = value();
    else if (flag === '-l' || flag === '--selector') out.selector = value();
  }
  return out;
}

/** Equality-based selectors only (`k=v`, `k==v`, `k!=v`, joined by commas, all required): what this exercise uses. */
function matches(selector: string, labels: Record<string, string>): boolean {
  return selector.split(',').every((requirement) => {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(requirement.trim());
    if (!m) throw new Error(`not an equality requirement: ${requirement}`);
    const [, key, op, value] = m;
    return op === '!=' ? labels[key!] !== value : labels[key!] === value;
  });
}

function lists(command: string, pod: PodMeta): boolean {
  const { namespace, selector } = listing(command);
  return namespace === pod.namespace && matches(selector, pod.labels ?? {});
}

function steps(lesson: Lesson): { exercise: ManifestStep; command: CommandStep } {
  const exercise = lesson.steps.find((s): s is ManifestStep => s.id === 'label-web-pod' && s.type === 'manifest');
  const command = lesson.steps.find((s): s is CommandStep => s.id === 'list-web-pod' && s.type === 'command');
  if (!exercise || !command) throw new Error('the exercise or its command question is missing');
  return { exercise, command };
}

const meta = (text: string): PodMeta => (parse(text) as { metadata: PodMeta }).metadata;

describeCourseDay({ day: 3, misconceptions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], manifests: 1 }, (lesson) => {
  it('puts the solution Pod in learn-lab', () => {
    expect(meta(steps(lesson()).exercise.solution).namespace).toBe('learn-lab');
  });

  it("has every accepted command list the solution's Pod, and none list the starter's", () => {
    const { exercise, command } = steps(lesson());
    expect(command.expect.length).toBeGreaterThan(0);
    for (const c of command.expect) {
      expect(c, c).toMatch(/^kubectl get pods /);
      expect(lists(c, meta(exercise.solution)), `${c} lists the solution`).toBe(true);
      expect(lists(c, meta(exercise.starter!)), `${c} lists the starter`).toBe(false);
    }
  });

  it('reads selectors as kubectl does: a comma is AND, and != also matches a missing key', () => {
    expect(matches('app=web,tier=frontend', { app: 'web' })).toBe(false);
    expect(matches('app=web,tier!=backend', { app: 'web' })).toBe(true);
    expect(listing('kubectl get pods --namespace=learn-lab --selector app=web')).toEqual({ namespace: 'learn-lab', selector: 'app=web' });
  });

  it('uses the course-wide nginx tag', () => {
    const image = (parse(steps(lesson()).exercise.solution) as { spec: { containers: Array<{ image: string }> } }).spec.containers[0]!
      .image;
    expect(image).toBe('nginx:1.30');
  });
});
