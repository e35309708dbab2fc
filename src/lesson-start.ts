/**
 * "Is this a lesson start?", decided once: `kube-learn <lesson> [--plain]
 * [--restart]`, parsed exactly as commander would, so the first prompt
 * waits for neither commander nor anything else. src/cli.ts starts the
 * lesson without commander when it says yes; the launcher (dist/cli.js)
 * keeps Node 20's code cache for those starts only. Anything else (another
 * option, a command) goes to commander.
 *
 * scripts/build.mjs compiles this file into the launcher as well, so it
 * imports nothing.
 */

export interface LessonStart {
  lesson: string;
  plain: boolean;
  restart: boolean;
}

/** `commands`: the command names, which no lesson may take (RESERVED_IDS of src/lesson/rules.ts). */
export function lessonStart(args: readonly string[], commands: readonly string[]): LessonStart | undefined {
  const [lesson, ...flags] = args;
  if (lesson === undefined || lesson.startsWith('-') || commands.includes(lesson)) return undefined;
  if (!flags.every((f) => f === '--plain' || f === '--restart')) return undefined;
  return { lesson, plain: flags.includes('--plain'), restart: flags.includes('--restart') };
}
