/**
 * `kube-learn lint` on manifest steps' `context`: it must parse and check
 * clean; each problem at its line and column in the lesson file. The built
 * CLI: `npm run build` first (npm test does).
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn.js';

const dir = 'test/fixtures/lessons/context';

describe('kube-learn lint, a step context', () => {
  it('a context that checks clean: no problems', async () => {
    const r = await runCli(['lint', `${dir}/service.yaml`]);
    expect(r.stdout).toBe('1 lesson file checked, no problems\n');
    expect(r.code).toBe(0);
  });

  it('problems inside a context, at file:line:col: a literal block line by line, another style at its start', async () => {
    const file = `${dir}/broken-context.yaml`;
    const r = await runCli(['lint', file]);
    expect(r.stdout).toBe(
      [
        `${file}:13:15: context: metadata.name: name "Data_Claim" must be lowercase`,
        `${file}:20:7: context: apiVersion: required: kubectl refuses the file before sending it to the API server (apiVersion not set)`,
        `${file}:34:14: warning: context: metadata.name: "kube-x" starts with "kube-", a prefix reserved for Kubernetes system namespaces; the API accepts it, but the docs advise against it`,
        `${file}:45:25: context: a "{" or "[" is not closed where YAML expects it`,
        '3 problems in 1 file, 1 warning (1 file checked)',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });
});
