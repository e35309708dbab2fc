// Where the generator (and the test that compares the checker with the
// package's validators) finds kubernetes-models: installed on demand into a
// cache folder, outside the project's dependencies. kubernetes-models 5
// declares Node >= 22 and this project's .npmrc has engine-strict, so as a
// devDependency it would break `npm ci` on Node 20; the generator itself only
// reads its type declarations and runs its validators, which work on Node 20.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODELS_VERSION = '5.1.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The node_modules folder holding kubernetes-models MODELS_VERSION and its dependencies; installs it when missing. */
export function modelsNodeModules() {
  const prefix = process.env.KUBE_LEARN_K8S_MODELS ?? join(root, 'node_modules', '.cache', 'kube-learn-k8s-models');
  const modules = join(prefix, 'node_modules');
  const manifest = join(modules, 'kubernetes-models', 'package.json');
  const installed = existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === MODELS_VERSION;
  if (!installed) {
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--engine-strict=false',
        '--loglevel=error',
        `kubernetes-models@${MODELS_VERSION}`,
      ],
      {
        cwd: prefix,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  return modules;
}
