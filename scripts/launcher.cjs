#!/usr/bin/env node
// dist/cli.js, the `kube-learn` command: scripts/build.mjs copies this file
// there and fills in the KUBE_LEARN_* values. The CLI itself is src/cli.ts,
// bundled as main.cjs. This launcher answers --version and --help from text
// rendered at build time, and starts main.cjs with its compiled code cached
// between runs: Node's compile cache on Node 22.1+, code-cache.cjs before.
'use strict';
const VERSION = KUBE_LEARN_VERSION;
const HELP = KUBE_LEARN_HELP;

const args = JSON.stringify(process.argv.slice(2));
// The width commander would wrap to.
const width = HELP.args.includes(args) && ((process.stdout.isTTY ? process.stdout.columns : undefined) ?? 80);
const help = width && HELP.texts.find((t) => width >= t.min && (t.max === null || width <= t.max));

if (args === '["--version"]' || args === '["-V"]') process.stdout.write(VERSION);
else if (help) process.stdout.write(help.text);
else start();

function start() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 1)) {
    try {
      require('node:module').enableCompileCache();
    } catch {
      // A cache that can't be written costs only speed.
    }
  } else if (process.env.NODE_DISABLE_COMPILE_CACHE === undefined) {
    // Node 20 and 22.0 have no compile cache of their own (set at all, the
    // variable turns Node's off, and so this one).
    require('./code-cache.cjs')(__dirname);
  }
  require('./main.cjs');
}
