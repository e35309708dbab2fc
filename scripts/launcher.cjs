#!/usr/bin/env node
// dist/cli.js, the `kube-learn` command: scripts/build.mjs copies this file
// there and fills in the KUBE_LEARN_* values. The CLI itself is src/cli.ts,
// bundled as main.cjs. This launcher answers --version and --help from text
// rendered at build time, and starts main.cjs with its compiled code cached
// between runs (code-cache.cjs).
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
  // On every Node, not Node's own compile cache (22.1+): that one keeps only
  // what a module's compile made, not the functions compiled lazily as they
  // first ran, which a start then compiles every time (Node 22.23 and 24.22,
  // day4 --plain to its first prompt: 25-28M instructions beyond Node's own
  // start with Node's cache, 16-18M with this one). Set at all, the variable
  // that turns Node's off turns this one off too.
  if (process.env.NODE_DISABLE_COMPILE_CACHE === undefined) require('./code-cache.cjs')(__dirname);
  require('./main.cjs');
}
