/**
 * `kube-learn <lesson>`: find the lesson, pick the front end (plain with
 * --plain, without a terminal on both ends, or on TERM=dumb), walk the lesson, show the
 * summary. SIGINT, SIGTERM and SIGHUP end the prompt in front of the learner
 * as Cancelled('signal'), so whatever was settled is kept and run.ts exits 130.
 */
// Everything the plain path needs is imported here, in one round with this
// module: chained dynamic imports cost a few milliseconds each before the
// first prompt. Only inquirer and the YAML loader wait until they're needed.
import { Cancelled, UsageError } from '../errors.js';
import { findLesson, loadCatalog } from '../lesson/catalog.js';
import { formatFileProblem } from '../lesson/file-problem.js';
import { RESERVED_IDS } from '../lesson/reserved-ids.js';
import { suggest } from '../text/suggest.js';
import type { Lesson } from '../lesson/schema.js';
import { openLessonSession } from '../progress/lesson-session.js';
import { colorLevel, palette } from '../terminal/colors.js';
import { runLesson, type RunOptions } from '../tutor/engine.js';
import type { LessonResult } from '../lesson/outcome.js';
import { PlainPrompter } from '../terminal/plain.js';
import type { Prompter } from '../tutor/prompter.js';
import { showSummary } from '../tutor/result.js';
import { neutralize } from '../text/sanitize.js';

export interface StartOptions {
  plain?: boolean;
  restart?: boolean;
  lessons?: string;
}

/** What the progress store adds to a run: earlier outcomes, a listener that saves, and the end. */
interface Session extends Pick<RunOptions, 'previous' | 'onSettled' | 'drafts' | 'onDraft' | 'learner' | 'tries' | 'onTry'> {
  finished?: (result: LessonResult) => Promise<void>;
}

/**
 * The progress store (src/progress/lesson-session.ts): load `previous`
 * (forgetting it on --restart, after asking in interactive mode), say where
 * the learner resumes, save in `onSettled`, mark the lesson finished.
 */
async function openSession(lesson: Lesson, opts: StartOptions, prompter: Prompter, plain: boolean): Promise<Session> {
  return openLessonSession(
    lesson,
    {
      say: (text) => prompter.show(text, 'note'),
      warn: (line) => void process.stderr.write(`kube-learn: ${neutralize(line)}\n`),
      confirm: (message) => prompter.confirm(message, false),
    },
    { restart: opts.restart === true, interactive: !plain, restartCommand: `${resumeCommand(lesson.id, opts)} --restart` },
  );
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The first signal asks the prompt to stop; a second one, if the first did
 * not end things, falls back to the default (the process dies by the signal).
 */
function onTerminationSignals(stop: () => void): () => void {
  let seen = false;
  const handler = (signal: NodeJS.Signals) => {
    if (seen) {
      release();
      process.kill(process.pid, signal);
      return;
    }
    seen = true;
    stop();
  };
  const release = () => {
    for (const s of SIGNALS) process.off(s, handler);
  };
  for (const s of SIGNALS) process.on(s, handler);
  return release;
}

/**
 * The command that resumes this lesson, as the learner ran the program:
 * npx and `npm exec` (npm 7 and later) set npm_command=exec for the program
 * they start, so a learner who followed the README's `npx kube-learn day4`
 * is told `npx kube-learn day4`, not a command their shell does not have.
 */
export function resumeCommand(lessonId: string, opts: StartOptions, env: NodeJS.ProcessEnv = process.env): string {
  const quote = (s: string) => (/^[\w./@:=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const program = env.npm_command === 'exec' ? ['npx', 'kube-learn'] : ['kube-learn'];
  return [...program, lessonId, ...(opts.lessons ? ['--lessons', quote(opts.lessons)] : [])].join(' ');
}

async function frontEnd(plain: boolean, signal: AbortSignal): Promise<Prompter> {
  const { stdin, stdout, env } = process;
  const colors = await palette(colorLevel(env, { plain, colorDepth: stdout.isTTY ? stdout.getColorDepth() : undefined }));
  if (plain) {
    // Wrap at the terminal's width when there is one, else 80 columns.
    return new PlainPrompter({ input: stdin, output: stdout, colors, signal, width: () => (stdout.isTTY && stdout.columns) || 80, terminal: stdout.isTTY });
  }
  const { InteractivePrompter } = await import('../terminal/interactive.js');
  return new InteractivePrompter({ input: stdin, output: stdout, colors, signal, env });
}

/**
 * The lesson asked for. A broken file in the folder does not stop its good
 * neighbours: each is reported on stderr with its file:line:col, as `list`
 * does, and the lesson asked for is served if it loaded.
 */
async function lessonFor(lessonId: string, opts: StartOptions): Promise<Lesson> {
  const catalog = await loadCatalog({ lessonsDir: opts.lessons });
  if (catalog.problems.length > 0) {
    for (const problem of catalog.problems) process.stderr.write(`kube-learn: skipped ${formatFileProblem(problem)}\n`);
  }
  // Not found: findLesson says so, with a did-you-mean and the known ids.
  return catalog.lessons.find((l) => l.id === lessonId) ?? findLesson(lessonId, { lessonsDir: opts.lessons });
}

/**
 * A first word that is no command but close to one (`lsit`) is a mistyped
 * command, said so before any lesson is looked up. Lesson ids of letters
 * only are rare (the course's are dayN), so a word with a digit is left to
 * the lesson lookup.
 */
export function mistypedCommand(word: string): string | undefined {
  if (!/^[a-z]{3,}$/i.test(word)) return undefined;
  // Swapped letters (`lsit`) count as one typo, which suggest()'s edit distance counts as two.
  const letters = (w: string) => [...w.toLowerCase()].sort().join('');
  const near = suggest(word, RESERVED_IDS) ?? RESERVED_IDS.find((c) => letters(c) === letters(word));
  return near !== undefined && near !== word ? near : undefined;
}

export async function start(lessonId: string, opts: StartOptions = {}): Promise<number> {
  const near = mistypedCommand(lessonId);
  if (near) throw new UsageError(`unknown command "${neutralize(lessonId)}"; did you mean \`${near}\`? (kube-learn --help lists the commands)`);
  const stop = new AbortController();
  const release = onTerminationSignals(() => stop.abort());
  try {
    // A dumb terminal cannot move the cursor that the interactive prompts need.
    // ACCESSIBLE=1 (the convention of clack and GitHub CLI) asks for the plain front end, which a screen reader follows.
    const env = process.env;
    const plain = opts.plain === true || !process.stdin.isTTY || !process.stdout.isTTY || env.TERM === 'dumb' || (env.ACCESSIBLE !== undefined && env.ACCESSIBLE !== '' && env.ACCESSIBLE !== '0');
    const prompter = await frontEnd(plain, stop.signal);
    try {
      const lesson = await lessonFor(lessonId, opts);
      const session = await openSession(lesson, opts, prompter, plain);
      const result = await runLesson(lesson, prompter, {
        previous: session.previous,
        onSettled: session.onSettled,
        drafts: session.drafts,
        onDraft: session.onDraft,
        learner: session.learner,
        tries: session.tries,
        onTry: session.onTry,
      });
      await session.finished?.(result);
      await showSummary(prompter, result);
      return 0;
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
      const resume = resumeCommand(lessonId, opts);
      if (error.reason === 'quit') {
        await prompter.show(`Stopped. To pick up where you left off, run:\n\n\`\`\`\n${resume}\n\`\`\``, 'note');
        return 0;
      }
      if (error.reason === 'eof') {
        process.stderr.write(`kube-learn: end of input; to pick up where you left off, run: ${resume}\n`);
        return 0;
      }
      throw new Cancelled('signal', `Interrupted. To pick up where you left off, run: ${resume}`);
    } finally {
      prompter.close();
    }
  } finally {
    release();
  }
}
