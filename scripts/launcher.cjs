#!/usr/bin/env node
// dist/cli.js, the `kube-learn` command: scripts/build.mjs copies this file
// there and fills in the KUBE_LEARN_* values. The CLI itself is src/cli.ts,
// bundled as main.cjs. This launcher answers --version and --help from text
// rendered at build time, and starts main.cjs with its compiled code cached
// between runs (V8's code cache, below). One file, and main.cjs loaded
// without asking Node to resolve it: a second file cost a start ~0.6 ms
// (resolve, read, compile) and resolving main.cjs ~0.4 ms more (a realpath
// and a stat of each folder on its path), of ~6 ms beyond Node's own start.
'use strict';
const VERSION = KUBE_LEARN_VERSION;
const HELP = KUBE_LEARN_HELP;

// V8's code cache for kube-learn's own bundled files, on every Node. Node 20 and
// 22.0 have nothing of the kind, so every start compiled dist/main.cjs (90 kB,
// ~5.5 ms of a ~58 ms lesson start) and each dist/lazy/ file it loads from
// scratch, then each function it ran. Node 22.1+ has a compile cache of its
// own (module.enableCompileCache()), but it keeps only what compiling a
// module made, not the functions compiled lazily as they first ran. This
// cache holds those too: reading and loading main.cjs's takes ~2.5 ms, and
// a lesson start uses ~6 ms less CPU (Node 20, bench/README.md); on Node 22
// and 24, ~10M instructions fewer to the first prompt than with Node's cache.
//
// An entry holds what its run had compiled when it first waited for the
// learner (the event src/terminal/waiting.ts sends), which is what a start
// runs; a run that never waits (a command) gives what it had at exit. Taken
// at exit, after a long first lesson, it held all that lesson's code too:
// 187 kB instead of 119 kB, and a start ~0.8 ms slower to load it. A start
// that ran code its entry lacks (a resumed lesson, after a fresh one) grows
// the entry; in the bench's resumed start those functions cost 3.6M
// instructions to compile, of 22M beyond Node's own start. So an entry
// converges on what the learner's starts run. Whether it grew is asked a
// moment after the first wait, not at once: taking the data costs ~1.5 ms
// of CPU, which at once competed with the terminal drawing the screen just
// written (on two cores the bench saw the prompt ~0.8 ms later). A run that
// ends sooner (a script's) leaves its entry as it is.
//
// V8 trusts the cache it is handed: in release builds it checks the header
// (its version and flags, the source's length), not the payload. A flipped
// byte crashed every start, and a file edited to the same length ran its
// old code (bench/README.md). So an entry is used only if all of these hold:
// - it is a regular file of sane size, owned by this user and writable by no
//   one else, in a folder of the same kind (the lesson cache's rules), opened
//   without following a link and without blocking (a FIFO can't hang a start);
// - its header names this very source file as fstat sees it (path, size,
//   mtime, ctime, inode, device) and this Node (version, architecture): an
//   edit, a rebuild or an upgrade makes it stale;
// - its payload is stored twice and the two copies are equal: a flipped byte,
//   a truncation or a torn write hits one copy, not both alike. Comparing
//   them is a memcmp; a checksum in JS or from node:zlib cost milliseconds.
// Any other entry is ignored, and replaced when the process exits (temp file
// and rename, private), as are entries V8 rejects. Nothing else is written
// but an entry that grew. Trouble with the cache costs speed only: never a
// message or an exit code.
const fs = require('node:fs');
const path = require('node:path');

const Module = module.constructor;
const MAGIC = 'kube-learn code cache 1\n';
// Far above any entry (the largest, the lesson schema's, is ~0.35 MB twice); a larger file is not read.
const MAX_BYTES = 64 * 1024 * 1024;
// File times come from a coarse clock (one kernel tick, at most 10 ms): a
// file changed within a tick of when it was read could change again with
// the same times. Such a file is compiled, not cached, this run.
const RACY_MS = 20;
// Sent by main.cjs when it first waits for the learner (src/terminal/waiting.ts).
const WAITING = 'kube-learn:waiting';
// An entry is rewritten when a start's data outgrows it by this much. V8's
// data for the same code differs between runs by up to ~130 bytes of 115 kB
// (six day4 starts); a resumed start's code adds ~10%.
const GROWN = 1.01;
// How long after the first wait a start's data is taken to see whether its
// entry grew: a learner reads for longer.
const GROWTH_CHECK_MS = 100;
const { O_RDONLY, O_NONBLOCK = 0, O_NOFOLLOW = 0 } = fs.constants;

/** Compiles the .cjs files of `dist` and `dist/lazy` through the cache. */
function keepCodeCache(dist) {
  const folder = cacheFolder();
  if (folder === undefined) return;
  const ours = new Set([dist, path.join(dist, 'lazy')]);
  const extensions = Module._extensions;
  // The handler require() gives a .cjs file: its own, or the .js one (Node 20).
  const key = Object.hasOwn(extensions, '.cjs') ? '.cjs' : '.js';
  const loadOther = extensions[key];
  const files = [];
  let trusted;
  process.once(WAITING, () => atFirstWait(files));
  extensions[key] = function load(mod, filename) {
    if (!filename.endsWith('.cjs') || !ours.has(path.dirname(filename))) return loadOther.call(this, mod, filename);
    trusted ??= trustedFolder(folder);
    const file = compile(filename, folder, trusted);
    if (!file.racy) {
      if (files.length === 0) process.once('exit', () => writeEntries(folder, files));
      files.push(file);
    }
    const dirname = path.dirname(filename);
    file.script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, dirname);
  };
}

/** `filename` compiled as require() would wrap it, from its cache entry if there is a valid one. */
function compile(filename, folder, trusted) {
  const fd = fs.openSync(filename, 'r');
  let info;
  let source;
  try {
    info = fs.fstatSync(fd, { bigint: true });
    source = readWrapped(fd, Number(info.size));
  } finally {
    fs.closeSync(fd);
  }
  const racy = Date.now() - Number(info.ctimeMs) < RACY_MS;
  const identity = [filename, info.size, info.mtimeNs, info.ctimeNs, info.ino, info.dev].map(String);
  const header = Buffer.from(`${MAGIC}${JSON.stringify([...identity, process.version, process.arch])}\n`);
  const entry = path.join(folder, `code-${path.basename(filename)}-${hash(filename)}.v8`);
  const cachedData = trusted && !racy ? readEntry(entry, header) : undefined;
  // node:vm here, not above: --version and --help need none of this.
  const script = new (require('node:vm').Script)(source, { filename, lineOffset: -1, cachedData });
  // The size of the payload V8 took, if it took one: a later one hardly larger holds nothing more.
  const used = cachedData === undefined || script.cachedDataRejected === true ? 0 : cachedData.length;
  return { script, header, entry, racy, used, data: undefined };
}

// The wrapper require() puts around a file, on a line of its own: with
// lineOffset -1, stack traces' lines and columns are those of the file.
const WRAP_HEAD = Buffer.from('(function (exports, require, module, __filename, __dirname) {\n');
const WRAP_TAIL = Buffer.from('\n})');

/**
 * A file's text in the wrapper, decoded once from one buffer. Strings joined
 * in JS are copied again, flat, when V8 compiles them: a second main.cjs in
 * the young generation (~80 kB of its 1 MB), which a start with a learner's
 * history then filled before its first prompt, paying for a collection there.
 * Read with the calls readEntry makes anyway: readFileSync to a buffer and
 * Buffer.concat ran JS of Node's that a start then compiled (1.5M
 * instructions). `size` is the file's as fstat saw it.
 */
function readWrapped(fd, size) {
  const head = WRAP_HEAD.length;
  // A byte more than fstat saw, to notice a file that grew since.
  let all = Buffer.allocUnsafe(head + size + 1 + WRAP_TAIL.length);
  let got = 0;
  for (let n = 1; n > 0 && got <= size; got += n) n = fs.readSync(fd, all, head + got, size + 1 - got, got);
  if (got > size) {
    // Being written as we read (a build): all of it, the long way.
    const bytes = fs.readFileSync(fd);
    all = Buffer.allocUnsafe(head + bytes.length + WRAP_TAIL.length);
    bytes.copy(all, head);
    got = bytes.length;
  }
  all.set(WRAP_HEAD, 0);
  // A #! line becomes a comment of the same length.
  if (all[head] === 0x23 && all[head + 1] === 0x21) all[head + 1] = all[head] = 0x2f;
  all.set(WRAP_TAIL, head + got);
  // Buffer's own decoder, which toString calls after JS that a start would compile (0.5M instructions).
  return all.utf8Slice(0, head + got + WRAP_TAIL.length);
}

/** The payload of the entry at `file`, if it is trustworthy and made for `header`'s file; otherwise undefined. */
function readEntry(file, header) {
  let fd;
  try {
    fd = fs.openSync(file, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
    const info = fs.fstatSync(fd);
    const payload = info.size - header.length;
    if (!info.isFile() || !ownedByUs(info) || info.size > MAX_BYTES || payload <= 0 || payload % 2 !== 0) return undefined;
    const bytes = Buffer.allocUnsafe(info.size);
    // A short read (the file shrank meanwhile) fails the checks below.
    const got = fs.readSync(fd, bytes, 0, bytes.length, 0);
    const half = header.length + payload / 2;
    if (got !== bytes.length || !header.equals(bytes.subarray(0, header.length))) return undefined;
    const data = bytes.subarray(header.length, half);
    return data.equals(bytes.subarray(half)) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * V8's cache of each file loaded so far, as it is now: what this run has
 * compiled of it. A file without an entry gives it at once: input already
 * waiting (a pipe) is not read yet, where deferred, even by setImmediate, a
 * piped session could run to its end first. A file with an entry is asked
 * later, to see whether this start ran code the entry lacks.
 */
function atFirstWait(files) {
  const later = [];
  for (const file of files) {
    if (file.used === 0) file.data = file.script.createCachedData();
    else later.push(file);
  }
  if (later.length > 0) setTimeout(() => later.forEach(takeData), GROWTH_CHECK_MS).unref();
}

function takeData(file) {
  file.data = file.script.createCachedData();
}

/**
 * Writes the entries of files that had none, taking their data now if it was
 * not taken at the first wait (a file loaded later, a run that never waited),
 * and of files whose data, taken after the first wait, outgrew their entry.
 */
function writeEntries(folder, files) {
  for (const file of files) {
    const data = file.data ?? (file.used === 0 ? file.script.createCachedData() : undefined);
    if (data !== undefined && data.length > file.used * GROWN) writeEntry(folder, file, data);
  }
}

/** Writes a file's entry, holding `data` twice. */
function writeEntry(folder, { header, entry }, data) {
  const temp = `${entry}.${process.pid}-${Date.now().toString(36)}.tmp`;
  let made = false;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!trustedFolder(folder)) return;
    // wx: O_EXCL, so nothing planted at the temp path (a link, a FIFO) is followed or opened.
    fs.writeFileSync(temp, Buffer.concat([header, data, data]), { flag: 'wx', mode: 0o600 });
    made = true;
    fs.renameSync(temp, entry);
  } catch {
    try {
      if (made) fs.unlinkSync(temp);
    } catch {
      // Gone already.
    }
  }
}

/** `$XDG_CACHE_HOME/kube-learn`, else `~/.cache/kube-learn`, as src/lesson/lesson-cache.ts finds it. */
function cacheFolder() {
  const env = process.env;
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'kube-learn');
  // node:os only without HOME, as os.homedir() reads HOME first.
  const home = env.HOME || require('node:os').homedir();
  return home ? path.join(home, '.cache', 'kube-learn') : undefined;
}

/** Ours, and only ours to write. */
function ownedByUs(info) {
  return (process.getuid === undefined || info.uid === process.getuid()) && (info.mode & 0o022) === 0;
}

function trustedFolder(folder) {
  try {
    const info = fs.lstatSync(folder);
    return info.isDirectory() && ownedByUs(info);
  } catch {
    return false;
  }
}

/** FNV-1a of the path: an entry's name per installed file, so two installs keep an entry each. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

// The command. Last in the file: start() uses the constants above.
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
  if (process.env.NODE_DISABLE_COMPILE_CACHE === undefined) keepCodeCache(__dirname);
  // As require('./main.cjs') would, but for the resolving: the file is ours,
  // beside this one (whose folder Node has already resolved), and lazy files
  // find it in require.cache under the same name.
  const main = path.join(__dirname, 'main.cjs');
  const mod = new Module(main, module);
  Module._cache[main] = mod;
  mod.load(main);
}
