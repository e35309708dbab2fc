/**
 * What each way into the built CLI loads. Start-up is a product figure
 * (bench/): a lesson must start from dist/main.cjs alone, and each heavy part
 * (commander, the YAML loader, the lesson schema, the manifest checker)
 * comes from its own file under dist/lazy/ only on the paths that use it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { tempStateHome } from '../helpers/state.js';
import { describe, expect, it } from 'vitest';
import { CLI, type Env, ROOT, runCli } from '../helpers/spawn.js';

const PRELOAD = join(ROOT, 'test', 'fixtures', 'preload', 'report-loaded.cjs');
const dist = join(CLI, '..');

/** What a run of the CLI loaded: Node's own internal modules, and the files of its own. */
async function report(args: string[], input = '', env: Env = {}): Promise<{ files: string[]; internals: string[] }> {
  const file = join(mkdtempSync(join(tmpdir(), 'kube-learn-loaded-')), 'loaded.json');
  const result = await runCli(args, { input, env: { ...env, NODE_OPTIONS: `--require ${PRELOAD}`, KUBE_LEARN_LOADED_REPORT: file } });
  expect(result.stderr).not.toMatch(/unexpected error/);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The files under dist/ that a run of the CLI loaded, relative to dist/, sorted. */
async function loaded(args: string[], input = '', env: Env = {}): Promise<string[]> {
  return (await report(args, input, env)).files.map((f) => relative(dist, f)).sort();
}

describe('what the built CLI loads', () => {
  it('--version: the launcher only', async () => {
    expect(await loaded(['--version'])).toEqual(['cli.js']);
  });

  it('a lesson in plain mode: the launcher and main.cjs, nothing lazy', async () => {
    expect(await loaded(['day4', '--plain'], 'q\n')).toEqual(['cli.js', 'main.cjs']);
  });

  // Node 22+ starts its ES module loader at boot anyway; on Node 20 it costs milliseconds.
  it.runIf(Number(process.versions.node.split('.')[0]) === 20)(
    'a lesson on Node 20 loads no ES module loader, readline, fs/promises, tty or os',
    async () => {
      const { internals } = await report(['day4', '--plain'], 'q\n');
      for (const name of [
        'NativeModule internal/modules/esm/loader',
        'NativeModule readline',
        'NativeModule fs/promises',
        'NativeModule tty',
        'NativeModule os',
      ])
        expect(internals).not.toContain(name);
    },
  );

  it('a lesson from a --lessons folder: the loader at the first start; from the lesson cache, the folder code only', async () => {
    const folder = join(ROOT, 'test', 'fixtures', 'lessons', 'good');
    const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'kube-learn-cache-')) };
    const args = ['intro', '--plain', '--lessons', folder];
    const first = await loaded(args, 'q\n', env);
    expect(first).toContain('lazy/lesson-loader.cjs');
    // lint's fast YAML loader is lint's alone.
    expect(first).not.toContain('lazy/js-yaml.cjs');
    expect(await loaded(args, 'q\n', env)).toEqual(['cli.js', 'lazy/lesson-folder.cjs', 'main.cjs']);
  });

  it('a second --lessons start loads no node:crypto and no node:fs/promises (a built-in start loads neither)', async () => {
    const folder = join(ROOT, 'test', 'fixtures', 'lessons', 'good');
    const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'kube-learn-cache-')) };
    const args = ['intro', '--plain', '--lessons', folder];
    await report(args, 'q\n', env);
    const { internals } = await report(args, 'q\n', env);
    expect(internals).not.toContain('NativeModule crypto');
    expect(internals).not.toContain('NativeModule fs/promises');
  });

  it('the course map (kube-learn alone, in a pipe): the launcher and main.cjs, nothing lazy', async () => {
    expect(await loaded([])).toEqual(['cli.js', 'main.cjs']);
    expect(await loaded(['--plain'])).toEqual(['cli.js', 'main.cjs']);
  });

  it('continue in plain mode: the launcher and main.cjs, nothing lazy', async () => {
    expect(await loaded(['continue', '--plain'], 'q\n')).toEqual(['cli.js', 'main.cjs']);
  });

  it('list: commander, its wiring, its own file, and no YAML loader (the built-in lessons are JSON)', async () => {
    expect(await loaded(['list'])).toEqual(['cli.js', 'lazy/command-list.cjs', 'lazy/commander.cjs', 'lazy/program.cjs', 'main.cjs']);
  });

  it("a lesson through commander (an option before it): commander and its wiring, which use main's lesson commands", async () => {
    expect(await loaded(['--plain', 'day4'], 'q\n')).toEqual(['cli.js', 'lazy/commander.cjs', 'lazy/program.cjs', 'main.cjs']);
  });

  it("a command's own file throws main's errors: a usage error exits 2 with its one line", async () => {
    const result = await runCli(['reset', 'day99', '--yes']);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 2,
      stderr: expect.stringMatching(/^kube-learn: unknown lesson "day99"/),
    });
  });

  it('a command file loaded on its own says so, and starts no CLI', () => {
    const file = join(dist, 'lazy', 'command-reset.cjs');
    const result = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`kube-learn: ${file} is loaded by main.cjs only`);
    expect(result.stdout).toBe('');
  });

  it('check: commander, the manifest checker and the YAML parser', async () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
    expect(await loaded(['check', '-'], manifest)).toEqual([
      'cli.js',
      'lazy/command-check.cjs',
      'lazy/commander.cjs',
      'lazy/manifest-checker.cjs',
      'lazy/program.cjs',
      'lazy/yaml.cjs',
      'main.cjs',
    ]);
  });

  it('lint: commander, the lesson loader, both YAML parsers (the fast one for clean files), the lesson schema, the kubectl reader, the checker (for manifest exercises) and the pattern engine (for their `matches`)', async () => {
    expect(await loaded(['lint'])).toEqual([
      'cli.js',
      'lazy/command-lint.cjs',
      'lazy/commander.cjs',
      'lazy/js-yaml.cjs',
      'lazy/kubectl.cjs',
      'lazy/lesson-loader.cjs',
      'lazy/lesson-schema.cjs',
      'lazy/manifest-checker.cjs',
      'lazy/program.cjs',
      'lazy/re2js.cjs',
      'lazy/yaml.cjs',
      'main.cjs',
    ]);
  });

  it('lint of unchanged files, from the lint cache: commander and the command, no parser, schema or checker', async () => {
    const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'kube-learn-cache-')) };
    const folder = join(ROOT, 'test', 'fixtures', 'lessons', 'lint');
    expect(await loaded(['lint', folder], '', env)).toContain('lazy/yaml.cjs');
    expect(await loaded(['lint', folder], '', env)).toEqual([
      'cli.js',
      'lazy/command-lint.cjs',
      'lazy/commander.cjs',
      'lazy/program.cjs',
      'main.cjs',
    ]);
  });
});

/**
 * A state folder holding a progress file with review cards, some of them due
 * at `KUBE_LEARN_NOW`: this version's (a lesson start reads one lesson's
 * line of it), or version 3's (read whole).
 */
function stateWithCards(fixture = 'v4.json'): Env {
  const { home, dir, file } = tempStateHome();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  copyFileSync(join(ROOT, 'test', 'fixtures', 'progress', fixture), file);
  return { XDG_STATE_HOME: home, KUBE_LEARN_NOW: '2025-03-03T10:00:00Z' };
}

describe('what the built CLI loads with review cards saved', () => {
  it('a lesson with review cards saved, some due: still nothing lazy before the first prompt (the scheduler waits for an answer)', async () => {
    for (const fixture of ['v4.json', 'v3.json']) {
      const env = stateWithCards(fixture);
      expect(await loaded(['day4', '--plain'], 'q\n', env), fixture).toEqual(['cli.js', 'main.cjs']);
      expect(await loaded([], '', env), fixture).toEqual(['cli.js', 'main.cjs']);
    }
  });

  it('review: its command, commander and the scheduler (ts-fsrs)', async () => {
    expect(await loaded(['review', '--dry-run'], '', stateWithCards())).toEqual([
      'cli.js',
      'lazy/command-review.cjs',
      'lazy/commander.cjs',
      'lazy/fsrs.cjs',
      'lazy/program.cjs',
      'main.cjs',
    ]);
  });
});
