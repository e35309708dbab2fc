#!/usr/bin/env node
// What each file of the built CLI holds: its size, the packages in it, and
// our modules that more than one file carries a copy of. Which files each
// way into the CLI loads is tested, not printed: test/cli/lazy-loading.test.ts.
// Reads the esbuild metafiles that `node scripts/build.mjs --analyze` writes.
//
//   node bench/analyze.mjs [dist/meta.json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const metaFile = process.argv[2] ?? join(root, 'dist', 'meta.json');
if (!existsSync(metaFile)) {
  console.error(`analyze: ${metaFile} is missing; run: node scripts/build.mjs --analyze`);
  process.exit(1);
}
/** Output file (relative to dist/) → esbuild metafile of the build that wrote it. */
const metas = JSON.parse(readFileSync(metaFile, 'utf8'));

/** A metafile path relative to the project, whatever folder the build ran in. */
const norm = (path) => path.replace(/^(\.\.\/)+/, '').replace(/^.*?node_modules\//, '');

/** The package an input belongs to (`yaml`, `@inquirer/core`), or `src` for our own code. */
const owner = (input) => /^((?:@[^/]+\/)?[^/]+)/.exec(norm(input))[1];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const copies = new Map();
for (const [file, meta] of Object.entries(metas)) {
  const output = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined || o.inputs);
  const byOwner = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    byOwner.set(owner(input), (byOwner.get(owner(input)) ?? 0) + bytesInOutput);
    if (norm(input).startsWith('src/') && bytesInOutput > 0) copies.set(norm(input), [...(copies.get(norm(input)) ?? []), file]);
  }
  const parts = [...byOwner].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => `${name} ${kb(bytes)}`);
  console.log(`dist/${file}: ${kb(output.bytes)}\n  ${parts.join(', ')}`);
}

const shared = [...copies].filter(([, files]) => files.length > 1);
console.log(`\nOur modules copied into more than one file (pure helpers only; src/errors.ts never):`);
for (const [module, files] of shared) console.log(`  ${module}: ${files.join(', ')}`);
if (shared.length === 0) console.log('  none');
