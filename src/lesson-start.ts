/**
 * "Is this a lesson start?", decided once: `kube-learn <lesson> [--plain]
 * [--restart] [--lessons DIR]`, parsed exactly as commander would, so the
 * first prompt waits for neither commander nor anything else. src/cli.ts
 * starts the lesson without commander when it says yes. Anything else
 * (another option, options before the lesson, a command) goes to commander.
 *
 * scripts/build.mjs compiles this file into the launcher as well, so it
 * imports nothing.
 */

export interface LessonStart {
  lesson: string;
  plain: boolean;
  restart: boolean;
  /** The --lessons folder; given more than once, the last one, as commander keeps it. */
  lessons?: string;
}

/** `commands`: the command names, which no lesson may take (RESERVED_IDS of src/lesson/rules.ts). */
export function lessonStart(args: readonly string[], commands: readonly string[]): LessonStart | undefined {
  const [lesson, ...flags] = args;
  if (lesson === undefined || lesson.startsWith('-') || commands.includes(lesson)) return undefined;
  const start: LessonStart = { lesson, plain: false, restart: false };
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i]!;
    if (flag === '--plain') start.plain = true;
    else if (flag === '--restart') start.restart = true;
    else {
      // `--lessons DIR` or `--lessons=DIR`. A folder that is empty or looks
      // like an option is left to commander, whose handling of it is its own.
      const dir = flag === '--lessons' ? flags[++i] : flag.startsWith('--lessons=') ? flag.slice('--lessons='.length) : undefined;
      if (dir === undefined || dir === '' || dir.startsWith('-')) return undefined;
      start.lessons = dir;
    }
  }
  return start;
}
