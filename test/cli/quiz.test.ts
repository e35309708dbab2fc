/**
 * Questions that test understanding, on the built CLI: options in an order
 * of the learner's own (the same on resume), a wrong try that survives a
 * kill, and the resume line as the learner ran the program.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLessonFile } from '../../src/lesson/load.js';
import type { ChoiceStep, Lesson, MultiStep } from '../../src/lesson/schema.js';
import { optionOrder } from '../../src/tutor/option-order.js';
import { KEYS, PtySession } from '../helpers/pty.js';
import { CliProcess, ROOT, runCli } from '../helpers/spawn.js';
import { tempStateHome, type StateHome } from '../helpers/state.js';

const TINY = ['tiny', '--plain', '--lessons', 'test/fixtures/lessons-tutor'];
const LEARNER = '0123456789abcdef';

let state: StateHome | undefined;
afterEach(() => state?.cleanup());

/** A state folder whose progress file already holds a learner id, so the order is known. */
function stateWithLearner(): StateHome {
  state = tempStateHome();
  mkdirSync(state.dir, { recursive: true });
  writeFileSync(state.file, `${JSON.stringify({ version: 2, learner: LEARNER, lessons: {} })}\n`);
  return state;
}

/** Output settled: nothing new for a while, the process waiting for a line. */
async function quiet(cli: CliProcess): Promise<void> {
  let seen = -1;
  while (seen !== cli.stdout.length) {
    seen = cli.stdout.length;
    await new Promise((r) => setTimeout(r, 250));
    if (cli.child.exitCode !== null) return;
  }
}

/**
 * Walks a lesson in plain mode: Enter at every pause, `1` at every choice or
 * multi question, `s` at anything typed; stops after `stopAfter` answers to
 * option questions when given. Returns the options shown at each question.
 */
async function answerOne(cli: CliProcess, lesson: Lesson, stopAfter = Infinity): Promise<Map<string, string[]>> {
  // What a complete prompt looks like, so a pause in the output under load is not taken for one.
  const optionCount = new Map(
    lesson.steps.flatMap((s) => (s.type === 'choice' || s.type === 'multi' ? [[flat(s.question), s.choices.length] as const] : [])),
  );
  const typed = new Set(lesson.steps.flatMap((s) => (s.type === 'text' || s.type === 'command' ? [flat(s.question)] : [])));
  const seen = new Map<string, string[]>();
  let answered = 0;
  for (;;) {
    await quiet(cli);
    if (cli.child.exitCode !== null) return seen;
    const out = cli.stdout;
    if (out.endsWith('[Enter] to continue\n')) {
      cli.write('\n');
      continue;
    }
    const { question, options } = readQuestion(out.slice(out.lastIndexOf('\n? ') + 1));
    // A manifest prompt ends with its instructions, or the manifest to start from (an indented block).
    const manifest = question === 'Your manifest' && (out.endsWith('reads a file.\n') || /\n {4}.*\S.*\n$/.test(out));
    if (manifest || (typed.has(question) && options.length === 0)) {
      cli.write('s\n');
      continue;
    }
    if (options.length === 0 || options.length !== optionCount.get(question)) continue;
    if (answered === stopAfter) return seen;
    seen.set(question, options);
    answered++;
    cli.write('1\n');
  }
}

/** Wrapped lines joined, Markdown's backticks and spacing left out: text as the file and the screen both have it. */
const flat = (t: string) => t.replace(/`/g, '').replace(/\s+/g, ' ').trim();

/** The question at the end of the output and its options, each joined from its wrapped lines. */
function readQuestion(tail: string): { question: string; options: string[] } {
  const [head = '', ...rest] = tail.replace(/^\? /, '').split('\n');
  const question = [head];
  const options: string[] = [];
  for (const line of rest) {
    const option = /^ {2}\d+\) (.*)$/.exec(line);
    if (option) options.push(option[1]!);
    else if (/^ +\S/.test(line)) {
      if (options.length > 0) options[options.length - 1] += ` ${line.trim()}`;
      else question.push(line.trim());
    } else break;
  }
  return { question: flat(question.join(' ').replace(/ \(one or more\)$/, '')), options: options.map(flat) };
}

describe("options in the learner's order", () => {
  it('day 4 answered "1" everywhere scores what chance gives, in an order not the file\'s, the same on resume', async () => {
    const home = stateWithLearner();
    const env = { XDG_STATE_HOME: home.home };
    const lesson = (await loadLessonFile(join(ROOT, 'lessons', 'day4.yaml'))).lesson!;
    const asked = lesson.steps.filter((s): s is ChoiceStep | MultiStep => s.type === 'choice' || s.type === 'multi');
    const shownOrder = (s: ChoiceStep | MultiStep) => optionOrder(s, `${LEARNER}:day4`).map((i) => flat(s.choices[i]!.text));

    // First run: three option questions, then killed.
    const first = new CliProcess(['day4', '--plain'], { env });
    let before: Map<string, string[]>;
    try {
      before = await answerOne(first, lesson, 3);
    } finally {
      first.kill();
    }
    const second = new CliProcess(['day4', '--plain'], { env });
    let after: Map<string, string[]>;
    try {
      after = await answerOne(second, lesson);
      expect((await second.closed).code).toBe(0);
    } finally {
      second.kill();
    }
    // Every question shows the learner's order; at least one differs from the file's.
    const all = new Map([...before, ...after]);
    for (const step of asked) expect(all.get(flat(step.question)), step.id).toEqual(shownOrder(step));
    expect(asked.some((s) => shownOrder(s).join('\n') !== s.choices.map((c) => flat(c.text)).join('\n'))).toBe(true);
    // The question asked again after the kill (its try was saved, it is asked once more) shows the same order.
    const again = [...before.keys()].filter((q) => after.has(q));
    for (const q of again) expect(after.get(q)).toEqual(before.get(q));
    // "1" is right exactly where the learner's first option is the one right answer: chance, not the author's habit.
    const firstRight = asked.filter(
      (s) => s.choices.filter((c) => c.correct).length === 1 && s.choices[optionOrder(s, `${LEARNER}:day4`)[0]!]!.correct,
    ).length;
    expect(firstRight).toBeLessThan(asked.length / 2);
    const score = /^Score: (\d+)\/(\d+)$/m.exec(second.stdout);
    expect(score?.[1]).toBe(String(firstRight));
  }, 120_000);
});

describe('a wrong try survives quitting', () => {
  it('killed after a wrong try, resumed, right: not right at the first try', async () => {
    const home = tempStateHome();
    state = home;
    const env = { XDG_STATE_HOME: home.home };
    const cli = new CliProcess(TINY, { env });
    try {
      await cli.waitForOutput('[Enter] to continue\n');
      cli.write('\n');
      await cli.waitForOutput('  3) A virtual machine\n');
      cli.write('1\n');
      await cli.waitForOutput('"A running process": That is a container.');
      cli.kill('SIGKILL');
      await cli.closed;
    } finally {
      cli.kill();
    }
    const saved = JSON.parse(readFileSync(home.file, 'utf8'));
    expect(saved.lessons.tiny.tries['what-is-image']).toMatchObject({ attempts: 1, picks: ['A running process'] });
    const r = await runCli(TINY, { env, input: '2\n1,3\nkubectl\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Resuming tiny');
    expect(r.stdout.split('\n')).toContain('Score: 2/3');
    // Settled: the whys of both picks, the one before the kill too.
    expect(r.stdout).toContain(
      '- "A running process" is wrong: That is a container.\n- "A read-only template" is right: Containers start from it.',
    );
    const after = JSON.parse(readFileSync(home.file, 'utf8'));
    expect(after.lessons.tiny.steps['what-is-image']).toMatchObject({ status: 'right', attempts: 2, firstTry: false });
    expect(after.lessons.tiny.tries).toEqual({});
  }, 60_000);

  it('q after a wrong try, then a second wrong try: the answer is shown, no third try', async () => {
    state = tempStateHome();
    const env = { XDG_STATE_HOME: state.home };
    const q = await runCli(TINY, { env, input: '\n1\nq\n' });
    expect(q.code).toBe(0);
    const r = await runCli(TINY, { env, input: '3\n1,3\nkubectl\n' });
    expect(r.stdout).toContain('Not quite. The answer: A read-only template');
    expect(r.stdout.split('\n')).toContain('Score: 2/3');
  }, 60_000);
});

describe('the resume line', () => {
  it('says npx kube-learn when started through npx or npm exec', async () => {
    const r = await runCli(TINY, { input: '\nq\n', env: { npm_command: 'exec', npm_lifecycle_event: 'npx' } });
    expect(r.stdout.trimEnd().split('\n').slice(-1)).toEqual(['    npx kube-learn tiny --lessons test/fixtures/lessons-tutor']);
    const plain = await runCli(TINY, { input: '\nq\n' });
    expect(plain.stdout.trimEnd().split('\n').slice(-1)).toEqual(['    kube-learn tiny --lessons test/fixtures/lessons-tutor']);
  });
});

describe('a mistyped command', () => {
  it('gets "did you mean", exit 2, before any lesson is looked up', async () => {
    for (const [typed, meant] of [
      ['lsit', 'list'],
      ['progres', 'progress'],
      ['rest', 'reset'],
    ]) {
      // A lessons folder that does not exist: the lookup would fail differently.
      const r = await runCli([typed!, '--plain', '--lessons', 'test/fixtures/no-such-folder'], { input: '' });
      expect(r.code, typed).toBe(2);
      expect(r.stderr).toBe(`kube-learn: unknown command "${typed}"; did you mean \`${meant}\`? (kube-learn --help lists the commands)\n`);
    }
    const lesson = await runCli(['day9'], { input: '' });
    expect(lesson.stderr).toMatch(/^kube-learn: unknown lesson "day9"/);
  });
});

describe('one key vocabulary', () => {
  it('plain mode: b re-reads the last explanation, then the same question, no attempt spent; __proto__ is no key', async () => {
    const r = await runCli(TINY, { input: '\nb\n__proto__\n2\n1,3\nkubectl\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('At any question: h for a hint, s to skip, q to save and quit, b to re-read.');
    expect(r.stdout.match(/An image is a read-only template; a container is a process/g)).toHaveLength(2);
    expect(r.stdout).toContain('"__proto__" is not one of the options');
    expect(r.stdout.split('\n')).toContain('Score: 3/3');
  });

  it('ACCESSIBLE=1 selects the plain front end in a terminal too', async () => {
    const s = new PtySession(['tiny', '--lessons', 'test/fixtures/lessons-tutor'], { env: { ACCESSIBLE: '1' } });
    try {
      await s.waitFor('[Enter] to continue');
      s.press(KEYS.enter);
      // Plain mode's numbered options, not the interactive list's cursor.
      await s.waitFor('  3) A virtual machine');
      expect(s.screen()).not.toContain('❯');
    } finally {
      s.kill();
    }
  }, 30_000);
});
