/**
 * Every command but a lesson start: commander wired to command functions,
 * each imported only when its command runs. src/cli.ts starts a lesson or
 * the course map without this file (the build makes it dist/lazy/program.cjs),
 * so a lesson's first prompt pays for neither commander nor this wiring.
 */
import type { Command } from 'commander';
import { UsageError } from './errors.js';
import { KUBERNETES_VERSION } from './manifest/kubernetes-version.js';

/** Replaced by scripts/build.mjs: package.json's version. */
declare const __KUBE_LEARN_VERSION__: string | undefined;

/** The cap of a review session (DEFAULT_REVIEW_LIMIT of src/tutor/review-plan.ts, which the help must not load). */
const DEFAULT_LIMIT = 20;

/**
 * The commands that take lessons, from main.cjs (src/cli.ts): the build
 * makes this file a lazy one of its own, which would otherwise hold a second
 * copy of the whole tutor.
 */
export interface LessonCommands {
  start: typeof import('./commands/start.js').start;
  courseMap: typeof import('./commands/course.js').courseMap;
  continueCourse: typeof import('./commands/continue.js').continueCourse;
}

/** What the command that ran returned; set by its action. */
let exitCode: number | void = 0;

async function version(): Promise<string> {
  if (typeof __KUBE_LEARN_VERSION__ === 'string') return __KUBE_LEARN_VERSION__;
  return (await import('./package-root.js')).packageVersion();
}

async function program(lessons: () => Promise<LessonCommands>): Promise<Command> {
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
        if (opts.restart) throw new UsageError('--restart needs a lesson, e.g. kube-learn day4 --restart');
        exitCode = await (await lessons()).courseMap(opts);
        return;
      }
      exitCode = await (await lessons()).start(lesson, opts);
    });

  cli
    .command('continue')
    .description('resume the unfinished lesson you used last, or start the first one not started')
    .option('--plain', 'line-based prompts (automatic without a terminal)')
    .addOption(lessonsOption())
    .action(async (opts: { plain?: boolean; lessons?: string }) => {
      exitCode = await (await lessons()).continueCourse(opts);
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

/** Parses `argv` (process.argv: node, script, arguments) and runs its command; the command's exit code. */
export async function runProgram(argv: readonly string[], lessons: () => Promise<LessonCommands>): Promise<number | void> {
  try {
    await (await program(lessons)).parseAsync([...argv]);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'commander.excessArguments') {
      throw new UsageError('too many arguments; see kube-learn --help');
    }
    throw error;
  }
  return exitCode;
}
