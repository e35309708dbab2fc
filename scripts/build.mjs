#!/usr/bin/env node
// Builds dist/: the CLI as one ESM bundle (main.mjs) with a chunk per lazily
// imported command (so start-up loads only what it runs), a small CommonJS
// launcher in front of it (cli.js), and the built-in lessons as validated
// JSON. `--schema-only` rewrites schema/lesson.schema.json instead;
// `--analyze` also writes dist/meta.json and prints what each chunk holds.
import { analyzeMetafile, build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaOnly = process.argv.includes('--schema-only');
const analyze = process.argv.includes('--analyze');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

// commander and others still call require(); an ESM bundle has none of its own.
const banner = "import { createRequire as __klCreateRequire } from 'node:module'; const require = __klCreateRequire(import.meta.url);";

/**
 * esbuild puts the banner in every file, but only the few that call require()
 * need it (2 of 38 today); the rest load without making a require function.
 */
async function dropUnneededBanners(dir) {
  for (const entry of await readdir(dir, { recursive: true })) {
    if (!entry.endsWith('.mjs')) continue;
    const file = join(dir, entry);
    const text = await readFile(file, 'utf8');
    const at = text.indexOf(banner);
    if (at !== -1 && !/\brequire\b/.test(text.slice(at + banner.length))) await writeFile(file, text.slice(0, at) + text.slice(at + banner.length + 1));
  }
}

/**
 * `import process from 'node:process'` (chalk, inquirer) makes Node build a
 * module facade that reads every property of process, which creates stdin,
 * stdout and stderr and lists every allowed flag before any prompt. The
 * global is the same object. (A named import would fail the build here.)
 */
const processGlobal = {
  name: 'process-global',
  setup(b) {
    b.onResolve({ filter: /^(node:)?process$/ }, (args) => (args.kind === 'import-statement' ? { path: 'process', namespace: 'process-global' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'process-global' }, () => ({ contents: 'export default process;', loader: 'js' }));
  },
};

async function dataTools() {
  const out = join(root, 'node_modules', '.cache', 'kube-learn', 'build-data.mjs');
  await build({
    entryPoints: [join(root, 'scripts', 'build-data.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(out).href);
}

/**
 * The command names, which no lesson may take: src/cli.ts starts a lesson
 * without commander when its first word is none of them.
 */
async function commandNames() {
  const out = join(root, 'node_modules', '.cache', 'kube-learn', 'rules.mjs');
  await build({ entryPoints: [join(root, 'src', 'lesson', 'rules.ts')], outfile: out, bundle: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'warning' });
  return (await import(pathToFileURL(out).href)).RESERVED_IDS;
}

/** Every command in the help must be a reserved name, or a lesson could shadow it. */
function checkCommandNames(help, names) {
  const section = /\nCommands:\n([\s\S]*?)(?:\n\n|$)/.exec(help)?.[1] ?? '';
  const commands = section.split('\n').flatMap((line) => /^ {2}([a-z][\w-]*)/.exec(line)?.[1] ?? []);
  const missing = commands.filter((c) => !names.includes(c));
  if (commands.length === 0 || missing.length > 0) {
    throw new Error(`commands ${missing.join(', ') || '(none found in the help)'} missing from RESERVED_IDS in src/lesson/rules.ts`);
  }
}

/** The built CLI's help as commander renders it for a terminal `width` columns wide (none: a pipe). */
function renderHelp(args, width) {
  // Commander asks stdout for its width only when it is a terminal; tell it one.
  const asTerminal = `Object.defineProperty(process.stdout,'isTTY',{value:true});Object.defineProperty(process.stdout,'columns',{value:${width}});`;
  const flags = width === undefined ? [] : ['--import', `data:text/javascript,${encodeURIComponent(asTerminal)}`];
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [...flags, join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env });
  if (result.status !== 0 || result.stderr) throw new Error(`rendering help: exit ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/**
 * The top-level help, rendered by commander now so that `kube-learn --help`
 * needs no commander at run time: the text for a pipe or an 80-column
 * terminal, and for any terminal wide enough that nothing wraps. Other
 * widths still go through commander.
 */
function prerenderHelp(commands) {
  const narrow = renderHelp(['--help']);
  checkCommandNames(narrow, commands);
  const wide = renderHelp(['--help'], 1000);
  const widest = Math.max(...wide.split('\n').map((line) => line.length));
  if (renderHelp(['--help'], widest) !== wide) throw new Error(`help at ${widest} columns differs from help at 1000`);
  const args = [[], ['-h'], ['--help']].filter((a) => renderHelp(a) === narrow).map((a) => JSON.stringify(a));
  const texts = narrow === wide ? [{ min: 80, max: null, text: wide }] : [{ min: 80, max: 80, text: narrow }, { min: Math.max(widest, 81), max: null, text: wide }];
  return { args, texts };
}

/**
 * dist/cli.js, the `kube-learn` command. Node starts a CommonJS file about
 * 3 ms sooner than an ES module, which is a sixth of its own start-up, so
 * --version and --help are answered here and everything else goes on to
 * the bundle of src/cli.ts. It also turns on Node's compile cache (22.1+)
 * before the bundle loads, so the bundle itself is cached.
 */
function launcher(help) {
  return `#!/usr/bin/env node
'use strict';
// Written by scripts/build.mjs; the CLI itself is src/cli.ts (main.mjs here).
try {
  require('node:module').enableCompileCache?.();
} catch {
  // A cache that can't be written costs only speed.
}
const args = JSON.stringify(process.argv.slice(2));
const help = ${JSON.stringify(help ?? { args: [], texts: [] })};
// The width commander would wrap to.
const width = help.args.includes(args) && ((process.stdout.isTTY ? process.stdout.columns : undefined) ?? 80);
const text = width && help.texts.find((t) => width >= t.min && (t.max === null || width <= t.max));
if (args === '["--version"]' || args === '["-V"]') process.stdout.write(${JSON.stringify(`${version}\n`)});
else if (text) process.stdout.write(text.text);
else import('./main.mjs');
`;
}

async function writeLauncher(help) {
  const file = join(root, 'dist', 'cli.js');
  await writeFile(file, launcher(help));
  await chmod(file, 0o755);
}

try {
  const data = await dataTools();
  if (schemaOnly) {
    await data.writeSchema();
    console.log('wrote schema/lesson.schema.json');
  } else {
    await rm(join(root, 'dist'), { recursive: true, force: true });
    const commands = await commandNames();
    const result = await build({
      entryPoints: { main: join(root, 'src', 'cli.ts') },
      outdir: join(root, 'dist'),
      // dist/package.json makes the launcher's .js CommonJS; the bundle is .mjs.
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      platform: 'node',
      format: 'esm',
      target: 'node20.17',
      banner: { js: banner },
      // Node reads, decodes and compiles every byte before the first prompt:
      // smaller files start sooner. (KUBE_LEARN_DEBUG stack traces then show
      // minified names and positions in the bundle.)
      minify: true,
      define: { __KUBE_LEARN_VERSION__: JSON.stringify(version), __KUBE_LEARN_COMMANDS__: JSON.stringify(commands.join(' ')) },
      legalComments: 'linked',
      plugins: [processGlobal],
      metafile: analyze,
      logLevel: 'warning',
    });
    await dropUnneededBanners(join(root, 'dist'));
    if (analyze) {
      await writeFile(join(root, 'dist', 'meta.json'), JSON.stringify(result.metafile));
      console.log(await analyzeMetafile(result.metafile));
    }
    await writeFile(join(root, 'dist', 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
    await writeLauncher(); // without help yet, so commander renders it
    const help = prerenderHelp(commands);
    await writeLauncher(help);
    if (renderHelp(['--help']) !== help.texts[0].text) throw new Error('the launcher\'s --help differs from commander\'s');
    if (!(await data.buildLessons())) {
      console.error('build: the built-in lessons have problems (listed above)');
      process.exitCode = 1;
    }
  }
} catch (error) {
  console.error(`build failed: ${error.message}`);
  process.exitCode = 1;
}
