#!/usr/bin/env node
// dist/cli.js, the `kube-learn` command: scripts/build.mjs copies this file
// there and fills in the KUBE_LEARN_* values. The CLI itself is src/cli.ts,
// bundled as main.cjs. This launcher answers --version and --help from text
// rendered at build time, and starts main.cjs with compiled code cached
// between runs, as Node 22.1+ does by itself.
//
// Node 20 left upstream support in April 2026. When package.json's engines
// moves to >= 22.1, everything here for Node 20 can go: startWithCodeCache,
// cacheFolder, readOwnFile, writeCache, BUILD and the lesson-start test in
// start() (main.cjs then needs only enableCompileCache). Until then, keep
// the bench's Node 20 figures in view: the cache saves ~2.5 ms a start.
'use strict';
const VERSION = KUBE_LEARN_VERSION;
const HELP = KUBE_LEARN_HELP;
// Changes with every build of main.cjs: a cache from another build is never used.
const BUILD = KUBE_LEARN_BUILD;
// The command names; any other first word is a lesson to start.
const COMMANDS = KUBE_LEARN_COMMANDS;
// src/lesson-start.ts, compiled in by the build: the one test for a lesson start.
const lessonStart = KUBE_LEARN_LESSON_START;

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
    require('./main.cjs');
    return;
  }
  // Node 20 has no compile cache of its own (and loading node:module starts
  // its ES module loader). Compiling main.cjs takes ~2.5 ms of each start.
  // The cache holds what the run that wrote it compiled, so it is kept for
  // starting a lesson, the figure bench/ tracks, not filled by other commands.
  if (lessonStart(process.argv.slice(2), COMMANDS)) startWithCodeCache(require('node:path').join(__dirname, 'main.cjs'));
  else require('./main.cjs');
}

/**
 * Runs main.cjs as require() would, with V8's code cache for it kept in the
 * learner's own cache folder (never a shared one: the cache is code). Any
 * trouble with the cache only costs the time it would have saved.
 */
function startWithCodeCache(file) {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  // This module's class, as require('node:module') would give, without
  // loading that (on Node 20 it starts the ES module loader).
  const Module = module.constructor;
  const folder = cacheFolder(path);
  const cacheFile = folder && path.join(folder, `main-${BUILD}-${process.version}-${process.arch}.v8`);
  const cachedData = cacheFile ? readOwnFile(fs, cacheFile) : undefined;
  // The wrapper require() puts around a CommonJS file (the #! line blanked, so lines keep their numbers).
  const source = `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(file, 'utf8').replace(/^#!.*/, '')}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  const main = new Module(file, module);
  main.filename = file;
  require.cache[file] = main;
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // Made at exit, so it also holds the functions this run compiled.
    process.once('exit', () => writeCache(fs, path, folder, cacheFile, script));
  }
  script.runInThisContext().call(main.exports, main.exports, Module.createRequire(file), main, file, path.dirname(file));
  main.loaded = true;
}

function cacheFolder(path) {
  const env = process.env;
  const home = env.HOME || require('node:os').homedir();
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && path.join(home, '.cache');
  return base ? path.join(base, 'kube-learn') : undefined;
}

/** The file's bytes, if it is a regular file of ours that only we can write. */
function readOwnFile(fs, file) {
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    const info = fs.fstatSync(fd);
    const ours = info.isFile() && (process.getuid === undefined || info.uid === process.getuid()) && (info.mode & 0o022) === 0;
    return ours ? fs.readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function writeCache(fs, path, folder, cacheFile, script) {
  const temp = path.join(folder, `.${path.basename(cacheFile)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, cacheFile);
    // Caches of other builds (an upgrade, a rebuild) would never be read again.
    for (const name of fs.readdirSync(folder)) {
      if (/^main-\w+-v[\d.]+-\w+\.v8$/.test(name) && !name.startsWith(`main-${BUILD}-`)) fs.unlinkSync(path.join(folder, name));
    }
  } catch {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
  }
}
