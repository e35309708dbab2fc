import { describe, expect, it } from 'vitest';
import { formatProblem, loadLessonText } from '../../src/lesson/load.js';

const lesson = (kind: string) => `id: claims
title: Claims
summary: A claim and its Pod.
steps:
  - id: claim-and-pod
    type: manifest
    task: Write both.
    checks:
      - kind: ${kind}
        path: metadata.name
        equals: data-claim
    solution: |
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data-claim
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: test-data
`;

describe("a manifest check's kind", () => {
  it('names the kind of an object in the solution', () => {
    expect(loadLessonText(lesson('PersistentVolumeClaim'), 'l.yaml').problems).toEqual([]);
    expect(loadLessonText(lesson('Pod'), 'l.yaml').problems).toEqual([]);
  });

  it('a kind no object of the solution has is reported at the kind, with the kinds there are', () => {
    expect(loadLessonText(lesson('PersistentVolumeclaim'), 'l.yaml').problems.map(formatProblem)).toEqual([
      'l.yaml:9:15: check kind "PersistentVolumeclaim" is not the kind of an object in this step\'s solution (it has PersistentVolumeClaim, Pod)',
    ]);
  });

  it('must look like a kind', () => {
    expect(loadLessonText(lesson('"persistent volume claim"'), 'l.yaml').problems.map(formatProblem)).toEqual([
      'l.yaml:9:15: kind must be a kind as Kubernetes spells it, like PersistentVolumeClaim (at steps[0].checks[0].kind)',
    ]);
  });
});
