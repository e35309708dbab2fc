#!/usr/bin/env node
/**
 * The command line: commander wired to command functions, each imported only
 * when its command runs. Start-up is a product figure (see bench/): the
 * launcher the build puts in front of this file (dist/cli.js) answers
 * --version and --help, and a lesson or the course map starts here
 * without commander.
 */
import type { Command } from 'commander';
import type { StartOptions } from './commands/start.js';
import { lessonStart } from './lesson-start.js';
import { KUBERNETES_VERSION } from './manifest/kubernetes-version.js';

// Everything of errors.ts: a lazy file of the build that imports it gets these (run.ts maps the classes to exit codes with instanceof); see scripts/build.mjs.
export * from './errors.js';

/**
 * Replaced by scripts/build.mjs: package.json's version, and the command
 * names (RESERVED_IDS of src/lesson/rules.ts) separated by spaces.
 */
declare const __KUBE_LEARN_VERSION__: string | undefined;
declare const __KUBE_LEARN_COMMANDS__: string | undefined;

async function version(): Promise<string> {
  if (typeof __KUBE_LEARN_VERSION__ === 'string') return __KUBE_LEARN_VERSION__;
  return (await import('./package-root.js')).packageVersion();
}

async function program(): Promise<Command> {
  const [{ Command, Option }, { neutralize }] = await Promise.all([import('commander'), import('./text/sanitize.js')]);
  const lessonsOption = () => new Option('--lessons <dir>', 'also read the lesson files in this folder (*.yaml, *.yml)');
  const cli = new Command('kube-learn')
    .description('An interactive terminal tutor that teaches Kubernetes one day at a time.')
    .version(await version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    // Program options only before a command, so `list --lessons x` is list's own option.
    .enablePositionalOptions()
    .helpCommand(true)
    .exitOverride()
    // Its errors quote what was typed: an option name can hold ESC ] 0 ; (a window title), made visible here.
    .configureOutput({ outputError: (text, write) => write(neutralize(text.replace(/^error: /, 'kube-learn: '))) })
    .addHelpText(
      'after',
      '\nWithout a lesson: the course map, to pick a day (printed with --plain or in a pipe).\nLesson format: docs/lesson-format.md',
    )
    .argument('[lesson]', 'the lesson to start or resume, e.g. day4 (none: the course map)')
    .option('--plain', 'line-based prompts: no colours or cursor movement (automatic without a terminal)')
    .option('--restart', 'start the lesson over, forgetting its progress')
    .addOption(lessonsOption())
    .action(async (lesson: string | undefined, opts: { plain?: boolean; restart?: boolean; lessons?: string }) => {
      if (!lesson) {
        if (opts.restart) throw new (await import('./errors.js')).UsageError('--restart needs a lesson, e.g. kube-learn day4 --restart');
        exitCode = await (await import('./commands/course.js')).courseMap(opts);
        return;
      }
      exitCode = await (await import('./commands/start.js')).start(lesson, opts);
    });

  cli
    .command('continue')
    .description('resume the unfinished lesson you used last, or start the first one not started')
    .option('--plain', 'line-based prompts (automatic without a terminal)')
    .addOption(lessonsOption())
    .action(async (opts: { plain?: boolean; lessons?: string }) => {
      exitCode = await (await import('./commands/continue.js')).continueCourse(opts);
    });

  cli
    .command('list')
    .description('list the lessons')
    .option('--json', 'print JSON for scripts')
    .addOption(lessonsOption())
    .action(async (opts: { json?: boolean; lessons?: string }) => {
      exitCode = await (await import('./commands/list.js')).list(opts);
    });

  cli
    .command('review')
    .description('ask again the questions due for review, across the lessons (spaced repetition)')
    .option('--limit <n>', `ask at most this many questions (default ${DEFAULT_LIMIT})`)
    .option('--dry-run', 'say what is due, without asking or saving')
    .option('--json', 'with --dry-run: print JSON for scripts')
    .option('--plain', 'line-based prompts (automatic without a terminal)')
    .addOption(lessonsOption())
    .addHelpText(
      'after',
      '\nA question you settle in a lesson comes back when you are about to forget it (FSRS):\na miss the next day, a sure answer days or weeks later. KUBE_LEARN_NOW=<ISO 8601 time>\nacts as if it were that time (for tests, and instructors trying a schedule).',
    )
    .action(async (opts: { limit?: string; dryRun?: boolean; json?: boolean; plain?: boolean; lessons?: string }) => {
      exitCode = await (await import('./commands/review.js')).review(opts);
    });

  cli
    .command('lint')
    .description('check lesson files or folders (default: the built-in lessons)')
    .argument('[paths...]', 'lesson files or folders')
    .action(async (paths: string[]) => {
      exitCode = await (await import('./commands/lint.js')).lint(paths);
    });

  cli
    .command('check')
    .description('check Kubernetes manifests the way a cluster would ("-" reads stdin)')
    .argument('<files...>', 'manifest files, or - for standard input')
    .option('-q, --quiet', 'print only the problems, no summary')
    .addHelpText(
      'after',
      `\nManifests are checked against Kubernetes ${KUBERNETES_VERSION}, the oldest release still supported, so\nwhat passes works on every supported cluster. apiVersions and fields that only\nnewer releases have are warnings that name the release.`,
    )
    .action(async (files: string[], opts: { quiet?: boolean }) => {
      exitCode = await (await import('./commands/check.js')).check(files, opts);
    });

  cli
    .command('progress')
    .description("show a learner's progress: score, missed questions, time spent")
    .argument('[lesson]', 'one lesson (default: all)')
    .option('--json', 'print JSON for scripts')
    .addOption(lessonsOption())
    .action(async (lesson: string | undefined, opts: { json?: boolean; lessons?: string }) => {
      exitCode = await (await import('./commands/progress.js')).progress(lesson, opts);
    });

  cli
    .command('reset')
    .description("forget one lesson's progress")
    .argument('<lesson>', 'the lesson to reset')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (lesson: string, opts: { yes?: boolean }) => {
      exitCode = await (await import('./commands/reset.js')).reset(lesson, opts);
    });

  cli
    .command('schema')
    .description('print the JSON Schema of lesson files')
    .action(async () => {
      exitCode = await (await import('./commands/schema.js')).schema();
    });

  for (const command of cli.commands) command.exitOverride().configureOutput(cli.configureOutput());
  return cli;
}

/** The cap of a review session (DEFAULT_REVIEW_LIMIT of src/tutor/review-plan.ts, which the help must not load). */
const DEFAULT_LIMIT = 20;

let exitCode: number | void = 0;

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
  if (course === 'map') {
    const [{ run }, { courseMap }] = await Promise.all([import('./run.js'), import('./commands/course.js')]);
    await run(() => courseMap({ plain: args.includes('--plain') }));
    return;
  }
  if (course === 'continue') {
    const [{ run }, { continueCourse }] = await Promise.all([import('./run.js'), import('./commands/continue.js')]);
    await run(() => continueCourse({ plain: args.includes('--plain') }));
    return;
  }
  const shortcut = lessonShortcut(args);
  if (shortcut) {
    const [{ run }, { start }] = await Promise.all([import('./run.js'), import('./commands/start.js')]);
    // start.ts writes stderr through writeStderr only: stderr is made when something is written there.
    await run(() => start(shortcut.lesson, shortcut.opts), { stderr: 'when-written' });
    return;
  }
  const [{ run }, { UsageError }] = await Promise.all([import('./run.js'), import('./errors.js')]);
  await run(async () => {
    try {
      await (await program()).parseAsync(process.argv);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'commander.excessArguments') {
        throw new UsageError('too many arguments; see kube-learn --help');
      }
      throw error;
    }
    return exitCode;
  });
}

// Not awaited: the build is CommonJS, which has no top-level await; run()
// turns every error into a message and an exit code.
void main(process.argv.slice(2));
