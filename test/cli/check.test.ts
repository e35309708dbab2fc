/**
 * `kube-learn check` on the built CLI: good and bad files, several files,
 * standard input, a missing file. `npm run build` first (npm test does).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn.js';

const FIXTURES = 'test/fixtures/manifests';
const fixture = (name: string) => `${FIXTURES}/${name}`;

describe('kube-learn check', () => {
  it('a good file: the summary only, exit 0', async () => {
    const r = await runCli(['check', fixture('good-pod.yaml')]);
    expect(r.stdout).toBe('1 file checked, no problems\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a multi-document file is checked document by document', async () => {
    const r = await runCli(['check', fixture('good-multi.yaml')]);
    expect(r.stdout).toBe('1 file checked, no problems\n');
    expect(r.code).toBe(0);
  });

  it('a bad file: FILE:LINE:COL: path: message lines, hints indented, a summary, exit 1', async () => {
    const file = fixture('schema-unknown-fields.yaml');
    const r = await runCli(['check', file]);
    expect(r.stdout).toBe(
      [
        `${file}:5:3: metadata.label: unknown field "label"; did you mean "labels"?`,
        '    hint: kubectl explain pod.metadata lists the fields of metadata',
        `${file}:7:1: spec.containers: required`,
        `${file}:8:3: spec.container: unknown field "container"; did you mean "containers"?`,
        '    hint: kubectl explain pod.spec lists the fields of spec',
        '3 problems in 1 file',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('several files, one of them good; --quiet prints only the problem lines', async () => {
    const bad = fixture('syntax-tab.yaml');
    const r = await runCli(['check', fixture('good-pod.yaml'), bad]);
    expect(r.stdout.split('\n').at(-2)).toBe('1 problem in 1 file (2 files checked)');
    expect(r.code).toBe(1);
    const quiet = await runCli(['check', '--quiet', fixture('good-pod.yaml'), bad]);
    expect(quiet.stdout).toBe(`${bad}:4:1: a tab is used for indentation here; YAML indents with spaces only\n`);
    expect(quiet.code).toBe(1);
  });

  it('warnings alone exit 0', async () => {
    const r = await runCli(['check', fixture('schema-newer-field.yaml')]);
    expect(r.stdout).toMatch(/:10:3: warning: spec\.schedulingGroup: "schedulingGroup" is newer than Kubernetes 1\.35 \(added in 1\.36\)/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('1 warning in 1 file, no errors');
    expect(r.code).toBe(0);
  });

  it('--help names the Kubernetes release manifests are checked against', async () => {
    const r = await runCli(['check', '--help']);
    expect(r.stdout).toMatch(/checked against Kubernetes 1\.35, the oldest release still supported/);
  });

  it('- reads standard input, named <stdin>', async () => {
    const good = await runCli(['check', '-'], { input: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n' });
    expect(good.stdout).toBe('1 file checked, no problems\n');
    expect(good.code).toBe(0);
    const bad = await runCli(['check', '-'], {
      input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n',
    });
    expect(bad.stdout).toMatch(/^<stdin>:7:5: spec\.containers\[0\]\.image: required\n/);
    expect(bad.code).toBe(1);
  });

  it('control characters from the file are shown, not sent to the terminal', async () => {
    const r = await runCli(['check', '-'], {
      input:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "w\\e]0;owned\\a\\e[2J"\nspec:\n  containers:\n  - name: \u001b[31mred\n    image: nginx\n',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toMatch(/metadata\.name: name /);
  });

  it('a missing or unreadable file: one line on stderr naming it, exit 1, nothing on stdout', async () => {
    const r = await runCli(['check', fixture('good-pod.yaml'), 'no/such/file.yaml']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('kube-learn: cannot read no/such/file.yaml: no such file\n');
    expect(r.code).toBe(1);
    const folder = await runCli(['check', FIXTURES]);
    expect(folder.stderr).toBe(`kube-learn: cannot read ${FIXTURES}: it is a folder, not a file\n`);
    expect(folder.code).toBe(1);
    if (process.getuid?.() !== 0) {
      const dir = mkdtempSync(join(tmpdir(), 'kube-learn-check-'));
      const locked = join(dir, 'locked.yaml');
      writeFileSync(locked, 'a: 1\n');
      chmodSync(locked, 0o000);
      const denied = await runCli(['check', locked]);
      expect(denied.stderr).toBe(`kube-learn: cannot read ${locked}: permission denied\n`);
      expect(denied.code).toBe(1);
    }
  });

  it('no file at all is a usage error', async () => {
    const r = await runCli(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});
