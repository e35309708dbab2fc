/**
 * `kube-learn <lesson>`: find the lesson, pick the front end
 * (../terminal/mode.ts), walk the lesson, show the summary, and offer the
 * next lesson (started in the same run on yes). SIGINT, SIGTERM and SIGHUP
 * end the prompt in front of the learner as Cancelled('signal'), so
 * whatever was settled is kept and run.ts exits 130.
 */
// Everything the plain path needs is imported here, in one round with this
// module: chained dynamic imports cost a few milliseconds each before the
// first prompt. Only inquirer and the YAML loader wait until they're needed.
import { Cancelled, UsageError } from '../errors.js';
import { findLesson, lessonToStart } from '../lesson/catalog.js';
import type { CourseLesson } from '../lesson/course.js';
import { formatFileProblem } from '../lesson/file-problem.js';
import { RESERVED_IDS } from '../lesson/reserved-ids.js';
import { suggest } from '../text/suggest.js';
import type { Lesson } from '../lesson/schema.js';
import { openLessonSession } from '../progress/lesson-session.js';
import { colorLevel, palette } from '../terminal/colors.js';
import { runLesson, type RunOptions } from '../tutor/engine.js';
import type { LessonResult } from '../lesson/outcome.js';
import { wantsPlain } from '../terminal/mode.js';
import { PlainPrompter } from '../terminal/plain.js';
import { InteractivePrompter } from '../terminal/interactive.js';
import { offerNext } from '../tutor/next-lesson.js';
import type { Prompter } from '../tutor/prompter.js';
import { showSummary } from '../tutor/result.js';
import { neutralize } from '../text/sanitize.js';
import { shellQuote } from '../text/shell-quote.js';
// The lesson shortcut runs with stderr made when written (src/cli.ts): every write here goes through writeStderr.
import { writeStderr } from '../run.js';
import { Stop, type StopSignal } from '../stop.js';
import { stdout } from '../terminal/stdout.js';

export interface StartOptions {
  plain?: boolean;
  restart?: boolean;
  lessons?: string;
  /** A line shown before the lesson (how `continue` says what it starts). */
  note?: string;
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
async function openSession(
  lesson: Lesson,
  course: readonly CourseLesson[],
  opts: StartOptions,
  prompter: Prompter,
  plain: boolean,
): Promise<Session> {
  return openLessonSession(
    lesson,
    {
      say: (text) => prompter.show(text, 'note'),
      warn: (line) => writeStderr(`kube-learn: ${neutralize(line)}\n`),
      confirm: (message) => prompter.confirm(message, false),
    },
    {
      restart: opts.restart === true,
      interactive: !plain,
      restartCommand: `${resumeCommand(lesson.id, opts)} --restart`,
      review: { lessons: course.map((l) => l.id), command: reviewCommand(opts) },
    },
  );
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The first signal asks the prompt to stop; a second one, if the first did
 * not end things, falls back to the default (the process dies by the signal).
 */
export function onTerminationSignals(stop: () => void): () => void {
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
 * `work`, unless a signal comes first: loading a folder of lessons, or
 * waiting for another session's lock, can take seconds, and Ctrl-C must end
 * it at once (run.ts then exits 130) rather than when it is done.
 */
function untilAborted<T>(work: Promise<T>, signal: StopSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Cancelled('signal'));
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new Cancelled('signal'));
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/**
 * The command that starts or resumes this lesson, as the learner ran the
 * program: npx and `npm exec` (npm 7 and later) set npm_command=exec for the
 * program they start, so a learner who followed the README's `npx kube-learn
 * day4` is told `npx kube-learn day4`, not a command their shell does not have.
 */
export function resumeCommand(lessonId: string, opts: StartOptions, env: NodeJS.ProcessEnv = process.env): string {
  const program = env.npm_command === 'exec' ? ['npx', 'kube-learn'] : ['kube-learn'];
  return [...program, lessonId, ...(opts.lessons ? ['--lessons', shellQuote(opts.lessons)] : [])].join(' ');
}

async function frontEnd(plain: boolean, signal: StopSignal): Promise<Prompter> {
  const { env } = process;
  const terminal = stdout.isTerminal ? stdout.stream() : undefined;
  const colors = await palette(colorLevel(env, { plain, colorDepth: terminal?.getColorDepth() }));
  if (plain) {
    return new PlainPrompter({
      // Made at the first read, after the first screen.
      input: () => process.stdin,
      output: stdout,
      colors,
      signal,
      // Wrap at the terminal's width when there is one, else 80 columns.
      width: () => terminal?.columns || 80,
      terminal: terminal !== undefined,
    });
  }
  return new InteractivePrompter({ input: () => process.stdin, output: stdout.stream(), colors, signal, env });
}

/**
 * The lesson asked for. A broken file in the folder does not stop its good
 * neighbours: each is reported on stderr with its file:line:col, as `list`
 * does, and the lesson asked for is served if it loaded.
 */
async function lessonFor(
  lessonId: string,
  opts: StartOptions,
  report: boolean,
): Promise<{ lesson: Lesson; lessons: readonly CourseLesson[] }> {
  const { lesson, course, problems } = await lessonToStart(lessonId, { lessonsDir: opts.lessons });
  if (report) {
    for (const problem of problems) writeStderr(`kube-learn: skipped ${formatFileProblem(problem)}\n`);
  }
  // Not found: findLesson says so, with a did-you-mean and the known ids.
  return { lesson: lesson ?? (await findLesson(lessonId, { lessonsDir: opts.lessons })), lessons: course };
}

/**
 * One lesson, from where the learner left it to the summary. Returns the
 * id of the lesson to start next, when the learner took up the offer;
 * `over` is called once the summary is shown.
 */
async function takeLesson(
  lessonId: string,
  opts: StartOptions,
  prompter: Prompter,
  plain: boolean,
  first: boolean,
  over: () => void,
  signal: StopSignal,
): Promise<string | undefined> {
  const { lesson, lessons } = await untilAborted(lessonFor(lessonId, opts, first), signal);
  const session = await untilAborted(openSession(lesson, lessons, opts, prompter, plain), signal);
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
  over();
  // Plain mode only names the command: a script must not wait on a question.
  const next = await offerNext(prompter, result.next, { lessons, ask: !plain, command: (id) => resumeCommand(id, opts) });
  return next?.id;
}

/**
 * A first word that is no command but close to one (`lsit`) is a mistyped
 * command, said so before any lesson is looked up. Lesson ids of letters
 * only are rare (the course's are dayN), so a word with a digit is left to
 * the lesson lookup.
 */
export function mistypedCommand(word: string): string | undefined {
  // Not /i: the first case-insensitive regex of a process sets up V8's case
  // folding (~0.25 ms), and this one ran before every lesson's first prompt.
  if (!/^[A-Za-z]{3,}$/.test(word)) return undefined;
  // Swapped letters (`lsit`) count as one typo, which suggest()'s edit distance counts as two.
  const letters = (w: string) => [...w.toLowerCase()].sort().join('');
  const near = suggest(word, RESERVED_IDS) ?? RESERVED_IDS.find((c) => letters(c) === letters(word));
  return near !== undefined && near !== word ? near : undefined;
}

export async function start(lessonId: string, opts: StartOptions = {}): Promise<number> {
  const near = mistypedCommand(lessonId);
  if (near)
    throw new UsageError(`unknown command "${neutralize(lessonId)}"; did you mean \`${near}\`? (kube-learn --help lists the commands)`);
  const stop = new Stop();
  const release = onTerminationSignals(() => stop.abort());
  try {
    const plain = wantsPlain(opts);
    const prompter = await frontEnd(plain, stop.signal);
    let current = lessonId;
    // Past the summary, nothing is left to pick up: stopping at the offer of the next lesson says nothing of it.
    let over = false;
    try {
      if (opts.note) await prompter.show(opts.note, 'note');
      // --restart is for the lesson asked for, not the ones taken up after it.
      for (let first = true; ; first = false) {
        over = false;
        const next = await takeLesson(
          current,
          first ? opts : { ...opts, restart: false },
          prompter,
          plain,
          first,
          () => (over = true),
          stop.signal,
        );
        if (next === undefined) return 0;
        current = next;
      }
    } catch (error) {
      if (!(error instanceof Cancelled)) throw error;
      if (over) {
        if (error.reason === 'signal') throw new Cancelled('signal');
        return 0;
      }
      const resume = resumeCommand(current, opts);
      if (error.reason === 'quit') {
        await prompter.show(`Stopped. To pick up where you left off, run:\n\n\`\`\`\n${resume}\n\`\`\``, 'note');
        return 0;
      }
      if (error.reason === 'eof') {
        writeStderr(`kube-learn: end of input; to pick up where you left off, run: ${resume}\n`);
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

/** The command that starts a review, as the learner ran the program (see resumeCommand), with their --lessons folder. */
export function reviewCommand(opts: Pick<StartOptions, 'lessons'>, env: NodeJS.ProcessEnv = process.env): string {
  const program = env.npm_command === 'exec' ? ['npx', 'kube-learn'] : ['kube-learn'];
  return [...program, 'review', ...(opts.lessons ? ['--lessons', shellQuote(opts.lessons)] : [])].join(' ');
}

// `kube-learn review` asks in the same front end, and stops on the same signals.
export { frontEnd };
