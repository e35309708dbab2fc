import { describe, expect, it } from 'vitest';
import { checkManifest, formatProblem, type ManifestProblem } from '../../src/manifest/check.js';

const problem: ManifestProblem = { line: 7, col: 5, path: 'spec.containers[0].image', message: 'required', severity: 'error' };

describe('formatProblem', () => {
  it('the tutor form and the file form', () => {
    expect(formatProblem(problem)).toBe('7:5 spec.containers[0].image: required');
    expect(formatProblem(problem, 'pod.yaml')).toBe('pod.yaml:7:5: spec.containers[0].image: required');
  });

  it('warnings say so; document-level problems have no path', () => {
    expect(formatProblem({ ...problem, severity: 'warning', message: 'newer' })).toBe('7:5 warning: spec.containers[0].image: newer');
    expect(formatProblem({ ...problem, path: '', message: 'a tab' }, 'f.yaml')).toBe('f.yaml:7:5: a tab');
  });

  it('text from the manifest or the file name cannot drive the terminal', async () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    "\u001b]0;owned\u0007\u001b[2J": x\nspec:\n  containers:\n  - name: a\n    image: nginx\n';
    const problems = await checkManifest(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      const line = formatProblem(p, 'evil\u001b[31m.yaml');
      expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      for (const field of [p.path, p.message, p.hint ?? '']) expect(field).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});
