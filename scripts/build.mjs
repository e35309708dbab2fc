#!/usr/bin/env node
// Builds dist/: the CLI as one CommonJS bundle (main.cjs) with the heavy
// parts in files of their own under lazy/ (so start-up loads only what it
// runs), a small launcher in front of it (cli.js), and the built-in lessons
// as validated JSON. `--schema-only` rewrites schema/lesson.schema.json instead;
// `--analyze` also writes dist/meta.json and prints what each file holds.
import { analyzeMetafile, build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve as resolvePath, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaOnly = process.argv.includes('--schema-only');
const analyze = process.argv.includes('--analyze');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/**
 * The modules start-up must not pay for, each bundled into a file of its own
 * under dist/lazy/ and required only when the code that needs it runs:
 * commander (any command but a lesson), inquirer (the first interactive
 * prompt), the YAML parser, the lesson loader and the lesson schema (zod),
 * the manifest checker with its Kubernetes schema, the kubectl reader
 * with its flag tables, the pattern engine, and the review scheduler.
 */
const LAZY = {
  commander: 'commander',
  // Both the lesson loader and the manifest checker parse YAML: one copy.
  yaml: 'yaml',
  // lint's fast path for clean lesson files (src/lesson/fast-yaml.ts): ~10x quicker
  // to load YAML where no positions are needed; lint only.
  'js-yaml': 'js-yaml',
  // The linear-time pattern engine (src/text/pattern.ts): ~30 ms to load,
  // paid only by a lesson with patterns, when it first uses one.
  re2js: 're2js',
  // The review scheduler (FSRS): when a card is made or moved, after a lesson's
  // first answer or in `review`; due counts read stored due times without it.
  'ts-fsrs': 'fsrs',
  'src/terminal/inquirer-prompts.ts': 'inquirer',
  'src/lesson/load.ts': 'lesson-loader',
  'src/lesson/schema.ts': 'lesson-schema',
  'src/manifest/check.ts': 'manifest-checker',
  // The kubectl reader: when a command answer is judged or a lesson is loaded from YAML.
  'src/kubectl/index.ts': 'kubectl',
  // A worker thread's entry, not imported: a lesson start loads a large lesson file there, so Ctrl-C is handled at once.
  'src/lesson/load-worker.ts': 'lesson-worker',
  // The commands that start no lesson. V8 pre-parses every byte of main.cjs
  // before the first prompt (~4 ms for 100 KB on a slow machine), so what
  // a lesson start never runs is not in it.
  'src/commands/lint.ts': 'command-lint',
  'src/commands/check.ts': 'command-check',
  'src/commands/progress.ts': 'command-progress',
  'src/commands/reset.ts': 'command-reset',
  'src/commands/list.ts': 'command-list',
  'src/commands/schema.ts': 'command-schema',
  'src/commands/review.ts': 'command-review',
  // A --lessons folder: listing, hashing and the lesson cache (a start from the built-in lessons needs none of it).
  'src/lesson/folder.ts': 'lesson-folder',
  // The learner's editor, for a manifest exercise in a terminal.
  'src/terminal/editor.ts': 'editor',
  // Commander's wiring of every command (src/program.ts): a lesson start or the course map never runs it.
  'src/program.ts': 'program',
};

/**
 * Modules whose identity matters (run.ts maps errors to exit codes with
 * instanceof): they live in main.cjs only, which exports them (src/cli.ts);
 * a lazy file that imports one gets main's (the build fails if a lazy file
 * would hold a copy). A lazy file that does so can only be loaded by main.cjs.
 */
const MAIN_ONLY = ['src/errors.ts'];

/** The MAIN_ONLY file an import resolves to, if any. */
function mainOnly(args) {
  if (!args.path.startsWith('.')) return undefined;
  const file = relative(root, resolvePath(args.resolveDir, args.path)).split(sep).join('/').replace(/\.js$/, '.ts');
  return MAIN_ONLY.includes(file) ? file : undefined;
}

/** The LAZY key an import resolves to, if any: a package name, or a path relative to the root. */
function lazyKey(args) {
  if (Object.hasOwn(LAZY, args.path) && !args.path.startsWith('.')) return args.path;
  if (!args.path.startsWith('.')) return undefined;
  const file = relative(root, resolvePath(args.resolveDir, args.path)).split(sep).join('/').replace(/\.js$/, '.ts');
  return Object.hasOwn(LAZY, file) ? file : undefined;
}

/**
 * Turns an import of a LAZY module into `require('<its file>')`, wrapped in
 * a stub module so esbuild defers it like any lazily imported module: a
 * dynamic import() requires it when it runs (Node's ES module loader is
 * never started, which alone costs milliseconds), a static import when the
 * importing module is first initialised. `self` is the bundle being built.
 */
function lazyModules(outDir, self) {
  return {
    name: 'lazy-modules',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.namespace === 'lazy-stub' || args.namespace === 'main-stub') return { path: args.path, external: true };
        // In a lazy file, errors.ts (MAIN_ONLY) is main.cjs's, which exports it.
        if (self !== undefined && mainOnly(args)) {
          const main = `./${relative(outDir, join(root, 'dist', 'main.cjs'))
            .split(sep)
            .join('/')}`;
          return { path: main, namespace: 'main-stub' };
        }
        // import('node:fs/promises') must become a require() too: an import()
        // left in the bundle needs the ES module loader (and fails in the
        // launcher's vm.Script on Node 20).
        if (args.kind === 'dynamic-import' && isBuiltin(args.path)) return { path: args.path, namespace: 'lazy-stub' };
        const key = lazyKey(args);
        if (key === undefined || key === self) return undefined;
        const target = `./${relative(outDir, join(root, 'dist', 'lazy', `${LAZY[key]}.cjs`))
          .split(sep)
          .join('/')}`;
        return { path: target, namespace: 'lazy-stub' };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-stub' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      // Never require main.cjs itself here: that would start the CLI. It is loaded (it loaded this file) or this is a misuse.
      b.onLoad({ filter: /.*/, namespace: 'main-stub' }, (args) => ({
        contents: `const main = require.cache[require.resolve(${JSON.stringify(args.path)})];
if (!main) throw new Error('kube-learn: ' + __filename + ' is loaded by main.cjs only');
module.exports = main.exports;`,
        loader: 'js',
      }));
    },
  };
}

/**
 * CommonJS has no import.meta; the few modules that locate files from their
 * own folder (src/package-root.ts) get the bundle's. Not import.meta.url:
 * making a file URL loads node:url before the first prompt.
 */
const importMetaDirname = { 'import.meta.dirname': '__dirname' };

/** Options every bundle shares. */
function bundleOptions(outfile, self, define = {}) {
  return {
    outfile,
    bundle: true,
    platform: 'node',
    // CommonJS, not ES modules: Node loads a CommonJS file without starting
    // its ES module loader, and a require() costs a fraction of an import.
    format: 'cjs',
    target: 'node20.17',
    // src/package-root.ts: where the package is, from this bundle's folder.
    define: { ...importMetaDirname, __KUBE_LEARN_ROOT__: JSON.stringify(relative(dirname(outfile), root)), ...define },
    // Node reads, decodes and compiles every byte before the first prompt:
    // smaller files start sooner. (KUBE_LEARN_DEBUG stack traces then show
    // minified names and positions in the bundle.)
    minify: true,
    legalComments: 'linked',
    plugins: [lazyModules(dirname(outfile), self)],
    metafile: true,
    logLevel: 'warning',
  };
}

/**
 * Packages start-up must never load: main.cjs holding any of their code means
 * an import slipped past LAZY (the bench would notice, a build should).
 */
const HEAVY = ['zod', 'yaml', 'js-yaml', 'commander', '@inquirer', 'ts-fsrs'];

function checkLight(name, metafile) {
  const heavy = Object.keys(metafile.inputs).filter((input) => HEAVY.some((pkg) => input.includes(`node_modules/${pkg}/`)));
  const packages = [...new Set(heavy.map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)[1]))];
  if (packages.length > 0)
    throw new Error(`dist/${name} would hold code of ${packages.join(', ')}; import it through LAZY in scripts/build.mjs`);
}

/** A bundle must load everything with require(): see lazyModules. */
function checkNoImportCalls(name, metafile) {
  const calls = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
  if (calls.length > 0) throw new Error(`dist/${name} would keep import() of ${calls.join(', ')}`);
}

/** The CLI and its lazy files; returns esbuild's metafile of each, by output name. */
async function bundle(define) {
  const metas = {};
  const main = await build({
    entryPoints: [join(root, 'src', 'cli.ts')],
    ...bundleOptions(join(root, 'dist', 'main.cjs'), undefined, define),
  });
  metas['main.cjs'] = main.metafile;
  checkNoImportCalls('main.cjs', main.metafile);
  checkLight('main.cjs', main.metafile);
  for (const [key, name] of Object.entries(LAZY)) {
    const outfile = join(root, 'dist', 'lazy', `${name}.cjs`);
    const entry = key.startsWith('src/')
      ? { entryPoints: [join(root, key)] }
      : { stdin: { contents: `export * from ${JSON.stringify(key)};`, resolveDir: root, loader: 'js' } };
    const result = await build({ ...entry, ...bundleOptions(outfile, key, define) });
    metas[`lazy/${name}.cjs`] = result.metafile;
    checkNoImportCalls(`lazy/${name}.cjs`, result.metafile);
    const copied = MAIN_ONLY.filter((m) => Object.hasOwn(result.metafile.inputs, m));
    if (copied.length > 0)
      throw new Error(`dist/lazy/${name}.cjs would hold its own copy of ${copied.join(', ')}; import it from main only`);
  }
  return metas;
}

/**
 * What validates lessons, as one id: the sources, the locked dependencies and
 * the version. The lesson cache (src/lesson/lesson-cache.ts) keeps the
 * validated lessons of a folder under it, so another build validates them
 * again rather than trust what older rules let through.
 */
function buildId() {
  const hash = createHash('sha256').update(version);
  const files = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  for (const file of [...files(join(root, 'src')).sort(), join(root, 'package-lock.json')]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

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
  await build({
    entryPoints: [join(root, 'src', 'lesson', 'rules.ts')],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
  });
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
  // No compile cache: the build leaves nothing in the builder's cache folder.
  const env = { ...process.env, NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: '1' };
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
  // Not []: `kube-learn` alone is the course map.
  const args = [['-h'], ['--help']].filter((a) => renderHelp(a) === narrow).map((a) => JSON.stringify(a));
  const texts =
    narrow === wide
      ? [{ min: 80, max: null, text: wide }]
      : [
          { min: 80, max: 80, text: narrow },
          { min: Math.max(widest, 81), max: null, text: wide },
        ];
  return { args, texts };
}

/**
 * dist/cli.js, the `kube-learn` command: scripts/launcher.cjs with the
 * version and the pre-rendered help filled in. A CommonJS
 * file starts about 3 ms sooner than an ES module, a sixth of Node's own
 * start-up.
 */
async function launcher(help) {
  const values = {
    KUBE_LEARN_VERSION: JSON.stringify(`${version}\n`),
    KUBE_LEARN_HELP: JSON.stringify(help ?? { args: [], texts: [] }),
  };
  const template = await readFile(join(root, 'scripts', 'launcher.cjs'), 'utf8');
  return template.replace(/^const (\w+) = (KUBE_LEARN_\w+);$/gm, (_line, name, key) => {
    if (!Object.hasOwn(values, key)) throw new Error(`scripts/launcher.cjs: no value for ${key}`);
    return `const ${name} = ${values[key]};`;
  });
}

async function writeLauncher(help) {
  const file = join(root, 'dist', 'cli.js');
  await writeFile(file, await launcher(help));
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
    const metas = await bundle({
      __KUBE_LEARN_VERSION__: JSON.stringify(version),
      __KUBE_LEARN_COMMANDS__: JSON.stringify(commands.join(' ')),
      __KUBE_LEARN_BUILD__: JSON.stringify(buildId()),
    });
    if (analyze) {
      await writeFile(join(root, 'dist', 'meta.json'), JSON.stringify(metas));
      for (const meta of Object.values(metas)) console.log(await analyzeMetafile(meta));
    }
    await writeFile(join(root, 'dist', 'package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
    await writeLauncher(undefined); // without help yet, so commander renders it
    const help = prerenderHelp(commands);
    await writeLauncher(help);
    if (renderHelp(['--help']) !== help.texts[0].text) throw new Error("the launcher's --help differs from commander's");
    if (!(await data.buildLessons())) {
      console.error('build: the built-in lessons have problems (listed above)');
      process.exitCode = 1;
    }
  }
} catch (error) {
  console.error(`build failed: ${error.message}`);
  process.exitCode = 1;
}
