#!/usr/bin/env node
/**
 * The command line. Start-up is a product figure (see bench/): the launcher
 * the build puts in front of this file (dist/cli.js) answers --version and
 * --help, a lesson or the course map starts here without commander, and
 * every other command goes through commander (./program.ts).
 */
// Static imports, not import(): esbuild scope-hoists a module imported only
// statically, but wraps one imported with import() (and every module it
// imports) in an init function that V8 parses again when it first runs.
// That cost a lesson's first prompt about 1.5 ms (see bench/README.md).
// Everything here is main.cjs's anyway; commander is program.ts's file.
import { continueCourse } from './commands/continue.js';
import { courseMap } from './commands/course.js';
import { start, type StartOptions } from './commands/start.js';
import { run } from './run.js';
import { lessonStart } from './lesson-start.js';
import type { LessonCommands } from './program.js';

// Everything of errors.ts: a lazy file of the build that imports it gets these (run.ts maps the classes to exit codes with instanceof); see scripts/build.mjs.
export * from './errors.js';

/**
 * Replaced by scripts/build.mjs: the command names (RESERVED_IDS of
 * src/lesson/rules.ts) separated by spaces.
 */
declare const __KUBE_LEARN_COMMANDS__: string | undefined;

/**
 * A lesson start (./lesson-start.ts) skips commander. The command names come
 * from the build, which checks them against commander's; without them (run
 * from source) everything goes through commander.
 */
function lessonShortcut(args: readonly string[]): { lesson: string; opts: StartOptions } | undefined {
  if (typeof __KUBE_LEARN_COMMANDS__ === 'undefined') return undefined;
  const start = lessonStart(args, __KUBE_LEARN_COMMANDS__.split(' '));
  if (!start) return undefined;
  const opts: StartOptions = {};
  if (start.plain) opts.plain = true;
  if (start.restart) opts.restart = true;
  if (start.lessons !== undefined) opts.lessons = start.lessons;
  return { lesson: start.lesson, opts };
}

/**
 * `kube-learn [--plain]` (the course map) and `kube-learn continue
 * [--plain]`: lesson starts too, so they don't wait for commander either.
 */
function courseShortcut(args: readonly string[]): 'map' | 'continue' | undefined {
  const plainOnly = (a: readonly string[]) => a.length === 0 || (a.length === 1 && a[0] === '--plain');
  if (plainOnly(args)) return 'map';
  return args[0] === 'continue' && plainOnly(args.slice(1)) ? 'continue' : undefined;
}

async function main(args: readonly string[]): Promise<void> {
  const course = courseShortcut(args);
  // These write stdout and stderr as a lesson start does (see below): neither stream is made before the first screen.
  if (course === 'map') {
    await run(() => courseMap({ plain: args.includes('--plain') }), { streams: 'when-written' });
    return;
  }
  if (course === 'continue') {
    await run(() => continueCourse({ plain: args.includes('--plain') }), { streams: 'when-written' });
    return;
  }
  const shortcut = lessonShortcut(args);
  if (shortcut) {
    // start.ts writes stderr through writeStderr only, and stdout through ./terminal/stdout.ts:
    // neither stream is made before the first screen is out.
    await run(() => start(shortcut.lesson, shortcut.opts), { streams: 'when-written' });
    return;
  }
  // Any other command goes through commander, which only ./program.ts loads.
  const { runProgram } = await import('./program.js');
  await run(() => runProgram(process.argv, lessonCommands));
}

/** The lesson commands, for ./program.ts, which has none of its own (see LessonCommands). */
async function lessonCommands(): Promise<LessonCommands> {
  return { start, courseMap, continueCourse };
}

// Not awaited: the build is CommonJS, which has no top-level await; run()
// turns every error into a message and an exit code.
void main(process.argv.slice(2));
