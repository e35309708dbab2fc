#!/usr/bin/env node
// dist/cli.js, the `kube-learn` command: scripts/build.mjs copies this file
// there and fills in the KUBE_LEARN_* values. The CLI itself is src/cli.ts,
// bundled as main.cjs. This launcher answers --version and --help from text
// rendered at build time, and starts main.cjs (with Node's compile cache on
// Node 22.1+).
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
  }
  // Node 20 has no compile cache of its own. This launcher kept V8's code
  // cache for it, which saved ~2 ms a start but could crash V8: V8 checks
  // only a cached file's header, so one flipped byte segfaulted every start.
  // Not worth it on a Node out of upstream support since April 2026.
  require('./main.cjs');
}
