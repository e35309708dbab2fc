#!/usr/bin/env node
// What each way into kube-learn loads: for the entry and every lazily
// imported module, the chunks Node must read and compile before its code
// runs (its static import closure), their size, and the packages in them.
// Reads the esbuild metafile: `node scripts/build.mjs --analyze` writes it.
//
//   node bench/analyze.mjs [dist/meta.json] [--path src/a.ts,src/b.ts ...]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const metaFile = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : join(root, 'dist', 'meta.json');
if (!existsSync(metaFile)) {
  console.error(`analyze: ${metaFile} is missing; run: node scripts/build.mjs --analyze`);
  process.exit(1);
}
const { outputs } = JSON.parse(readFileSync(metaFile, 'utf8'));
const files = Object.keys(outputs).filter((f) => /\.m?js$/.test(f));

/** Chunks loaded (statically) before `file` runs, itself included. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of outputs[file].imports) if (i.kind === 'import-statement' && !i.external) closure(i.path, seen);
  return seen;
}

/** A metafile path relative to the project, whatever folder the build ran in. */
const norm = (path) => path.replace(/^(\.\.\/)+/, '').replace(/^.*?node_modules\//, '');

/** The package an input belongs to (`yaml`, `@inquirer/core`), or `src` for our own code. */
function owner(input) {
  return /^((?:@[^/]+\/)?[^/]+)/.exec(norm(input))[1];
}

function describe(chunks) {
  const byOwner = new Map();
  let bytes = 0;
  for (const c of chunks) {
    bytes += outputs[c].bytes;
    for (const [input, { bytesInOutput }] of Object.entries(outputs[c].inputs)) {
      byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + bytesInOutput);
    }
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  const parts = [...byOwner].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${kb(n)}`);
  return `${chunks.size} file(s), ${kb(bytes)}: ${parts.join(', ')}`;
}

const entry = files.find((f) => /(^|\/)main\.m?js$/.test(f));
const bySource = new Map(files.filter((f) => outputs[f].entryPoint).map((f) => [norm(outputs[f].entryPoint), f]));

console.log('Each entry, with the chunks it statically needs:\n');
for (const [source, file] of [...bySource].sort()) {
  console.log(`${source}\n  ${describe(closure(file))}`);
}

// The ways a learner starts: every lazy step on the way, loaded in turn.
const shell = ['src/cli.ts', 'commander/esm.mjs', 'src/run.ts', 'src/errors.ts'];
// src/cli.ts starts a lesson without commander.
const lesson = ['src/cli.ts', 'src/run.ts', 'src/commands/start.ts', 'src/lesson/catalog.ts', 'src/tutor/engine.ts', 'src/tutor/summary.ts', 'src/progress/lesson-session.ts'];
const PATHS = {
  'any other command (commander)': shell,
  'day4 --plain to first prompt': [...lesson, 'src/tutor/plain.ts'],
  'day4 (terminal) to first prompt': [...lesson, 'src/tutor/interactive.ts'],
};
// The interactive front end starts importing its prompt library as it is
// made, so what it imports lazily is on the way to the first prompt too.
const EAGER = ['src/tutor/interactive.ts'];
const custom = process.argv.indexOf('--path');
if (custom > 0) PATHS.custom = process.argv[custom + 1].split(',');

console.log('\nWays in (the union of the chunks each lazy step needs):\n');
console.log('--version, --help, -h, no arguments\n  dist/cli.js only (the CommonJS launcher; no bundle file)');
for (const [name, sources] of Object.entries(PATHS)) {
  const missing = sources.filter((s) => !bySource.has(s));
  const chunks = new Set();
  for (const s of sources) if (bySource.has(s)) closure(bySource.get(s), chunks);
  for (const s of sources.filter((x) => EAGER.includes(x) && bySource.has(x))) {
    for (const file of closure(bySource.get(s))) {
      for (const i of outputs[file].imports) if (i.kind === 'dynamic-import' && !i.external) closure(i.path, chunks);
    }
  }
  console.log(`${name}\n  ${describe(chunks)}${missing.length ? `\n  (not lazily imported in this build: ${missing.join(', ')})` : ''}`);
}
if (!entry) console.log('\n(no dist/main.mjs entry found in the metafile)');
