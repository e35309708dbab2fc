/**
 * Where kube-learn is installed. The code runs from src/ under tests and from
 * dist/ (bundled) when installed, so walk up to our package.json
 * rather than assume a depth.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * Replaced by scripts/build.mjs in each bundle: the way from the bundle's
 * folder to the package root ('..' from dist/main.cjs). Looking for our
 * package.json instead cost a lesson start ~0.5 ms (two files read and
 * parsed, before its first prompt). From source (tests), none.
 */
declare const __KUBE_LEARN_ROOT__: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  if (typeof __KUBE_LEARN_ROOT__ === 'string') {
    root = join(import.meta.dirname, __KUBE_LEARN_ROOT__);
    return root;
  }
  // import.meta.dirname: Node 20.11+; the build makes it the bundle's __dirname (no node:url to load).
  let dir = import.meta.dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'kube-learn') {
      root = dir;
      return root;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('kube-learn: cannot find its own package.json');
    dir = up;
  }
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version;
}
