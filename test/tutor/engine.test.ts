import { describe, expect, it } from 'vitest';
import { Cancelled } from '../../src/errors.js';
import { resumeIndex, runLesson } from '../../src/tutor/engine.js';
import type { ManifestProblem } from '../../src/tutor/manifest-step.js';
import type { StepOutcome } from '../../src/lesson/outcome.js';
import { hint, next, quit, reread, ScriptedPrompter, skip, type Action } from '../helpers/scripted-prompter.js';
import { RIGHT, tutorLesson } from './lesson-fixture.js';

/**
 * A stand-in for src/manifest/check.ts (built elsewhere): an error unless the
 * text names the Pod `web`, and a warning when it mentions `latest`.
 */
async function fakeCheck(text: string): Promise<ManifestProblem[]> {
  const problems: ManifestProblem[] = [];
  if (!/name: web\b/.test(text))
    problems.push({ line: 3, col: 1, path: 'metadata.name', message: 'required', hint: 'Name it web.', severity: 'error' });
  if (text.includes('latest'))
    problems.push({ line: 1, col: 1, path: 'spec.containers[0].image', message: 'avoid latest', severity: 'warning' });
  return problems;
}

async function run(script: Action[], previous?: Map<string, StepOutcome>) {
  const prompter = new ScriptedPrompter(script);
  const settled: StepOutcome[] = [];
  const result = await runLesson(tutorLesson(), prompter, { previous, onSettled: (o) => void settled.push(o), checkManifest: fakeCheck });
  expect(prompter.remaining).toBe(0);
  return { prompter, settled, result };
}

const allRight: Action[] = [next, RIGHT['q-image'], [...RIGHT['q-pod']], RIGHT['q-cli'], RIGHT['first-pod']];

describe('runLesson', () => {
  it('scores every question right at the first try and reports each settled step in order', async () => {
    const { prompter, settled, result } = await run(allRight);
    expect(settled.map((o) => [o.stepId, o.status, o.attempts, o.firstTry, o.revealed])).toEqual([
      ['intro', 'seen', 0, false, false],
      ['q-image', 'right', 1, true, false],
      ['q-pod', 'right', 1, true, false],
      ['q-cli', 'right', 1, true, false],
      ['first-pod', 'right', 1, true, false],
    ]);
    expect(settled[1]!.answer).toBe('A read-only template');
    expect(settled[2]!.answer).toEqual(['It can hold several containers', 'Its containers share an IP']);
    expect(settled[4]!.answer).toBe(RIGHT['first-pod']);
    expect(result.score).toEqual({ right: 4, questions: 4 });
    expect(result.missed).toEqual([]);
    expect(result.misconceptions).toEqual([]);
    expect(result.next).toBe('Go on with `kube-learn day5`.');
    expect(prompter.shown.filter((t) => t === 'Right!')).toHaveLength(4);
    expect(prompter.shown.some((t) => t.startsWith('Not quite'))).toBe(false);
  });

  it('shows the position of each step, the explanation title as a heading, and the body', async () => {
    const { prompter } = await run(allRight);
    const positions = prompter.events.flatMap((e) => (e.kind === 'position' ? [e.position] : []));
    expect(positions).toEqual([
      { number: 1, total: 5, title: undefined },
      { number: 2, total: 5, title: 'Images' },
      { number: 3, total: 5, title: undefined },
      { number: 4, total: 5, title: undefined },
      { number: 5, total: 5, title: undefined },
    ]);
    expect(prompter.events.slice(0, 5)).toEqual([
      { kind: 'show', text: 'A tiny lesson', tone: 'heading' },
      { kind: 'position', position: { number: 1, total: 5, title: undefined } },
      { kind: 'show', text: 'Images', tone: 'heading' },
      { kind: 'show', text: 'An **image** is a template.\n\n- one\n- two', tone: 'plain' },
      { kind: 'pause' },
    ]);
  });

  it('asks with the options in the lesson order and says whether a hint exists', async () => {
    const { prompter } = await run(allRight);
    const [one, some, text, lines] = prompter.asked;
    expect(one).toMatchObject({ type: 'one', options: ['A running process', 'A read-only template', 'A virtual machine'] });
    expect(one!.question).toEqual({ stepId: 'q-image', text: 'What is an image?', hasHint: true, attempt: 1, canReread: true });
    expect(some!.options).toHaveLength(4);
    expect(text!.question.hasHint).toBe(false);
    expect(lines).toMatchObject({ type: 'lines', initial: 'apiVersion: v1\nkind: Pod\n' });
  });

  it('once settled, shows the why of the chosen option and the explanation', async () => {
    const { prompter } = await run(allRight);
    const shown = prompter.shown;
    const why = shown.indexOf('- "A read-only template" is right: Containers start from it.');
    expect(why).toBeGreaterThan(shown.indexOf('Right!'));
    expect(shown[why + 1]).toBe('Images are read-only templates.');
    expect(shown.join('\n')).not.toContain('That is a container.');
  });

  it('wrong then right: "not quite", the why of the wrong pick, the hint, one more try; right but not at the first try', async () => {
    const { prompter, settled, result } = await run([next, 0, 1, [...RIGHT['q-pod']], RIGHT['q-cli'], RIGHT['first-pod']]);
    const shown = prompter.shown;
    const nq = shown.indexOf('Not quite. Try once more.');
    expect(nq).toBeGreaterThan(-1);
    expect(shown[nq + 1]).toBe('"A running process": That is a container.');
    expect(shown[nq + 2]).toBe('Hint: Think of a template.');
    // Settled: the why of every option picked along the way, then the explanation.
    expect(shown).toContain(
      '- "A running process" is wrong: That is a container.\n- "A read-only template" is right: Containers start from it.',
    );
    expect(prompter.asked[1]!.question.attempt).toBe(2);
    expect(settled[1]).toEqual({
      stepId: 'q-image',
      type: 'choice',
      status: 'right',
      attempts: 2,
      firstTry: false,
      revealed: false,
      answer: 'A read-only template',
    });
    expect(result.score).toEqual({ right: 3, questions: 4 });
    expect(result.missed.map((m) => m.stepId)).toEqual(['q-image']);
    expect(result.missed[0]).toEqual({
      stepId: 'q-image',
      question: 'What is an image?',
      rightAnswers: ['A read-only template'],
      explanation: 'Images are read-only templates.',
      how: 'right-after-retry',
    });
    expect(result.misconceptions.map((m) => m.number)).toEqual([1]);
  });

  it('two wrong answers: the right answer is shown, with the why of the chosen and the right option', async () => {
    const { prompter, settled } = await run([next, 0, 2, [...RIGHT['q-pod']], RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(settled[1]).toEqual({
      stepId: 'q-image',
      type: 'choice',
      status: 'wrong',
      attempts: 2,
      firstTry: false,
      revealed: true,
      answer: 'A virtual machine',
    });
    const shown = prompter.shown;
    expect(shown).toContain('Not quite. The answer: A read-only template');
    // Both picks are explained (the last one has no why), and the right one since it was revealed.
    expect(shown).toContain(
      '- "A running process" is wrong: That is a container.\n- "A read-only template" is right: Containers start from it.',
    );
    expect(prompter.asked.filter((a) => a.question.stepId === 'q-image')).toHaveLength(2);
  });

  it('b re-reads the last explanation: reading only, not an attempt, the same question again', async () => {
    const { prompter, settled } = await run([next, reread, 1, [...RIGHT['q-pod']], RIGHT['q-cli'], RIGHT['first-pod']]);
    const bodies = prompter.shown.filter((t) => t === 'An **image** is a template.\n\n- one\n- two');
    expect(bodies).toHaveLength(2);
    expect(prompter.asked[0]!.question.canReread).toBe(true);
    expect(prompter.asked[1]!.question).toMatchObject({ stepId: 'q-image', attempt: 1 });
    expect(settled[1]).toMatchObject({ status: 'right', attempts: 1, firstTry: true });
  });

  it('a hint asked for is not printed again after the next wrong answer', async () => {
    const { prompter } = await run([next, hint, 0, 1, [...RIGHT['q-pod']], RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(prompter.shown.filter((t) => t === 'Hint: Think of a template.')).toHaveLength(1);
  });

  it('multi: after a wrong try, the whys of the wrong picks and how many right ones are missing, not which', async () => {
    const { prompter } = await run([next, RIGHT['q-image'], [0, 1], [...RIGHT['q-pod']], RIGHT['q-cli'], RIGHT['first-pod']]);
    const nq = prompter.shown.indexOf('Not quite. Try once more.');
    expect(prompter.shown[nq + 1]).toBe('- "It is a container": It holds containers.\n- 1 right option not chosen.');
    expect(prompter.shown[nq + 1]).not.toContain('share an IP');
  });

  it("shows the options in the learner's order and maps the answer back: the stored answer is the text", async () => {
    const lesson = tutorLesson();
    const prompter = new ScriptedPrompter([next]);
    // Find the learner order first by asking once and quitting.
    await runLesson(lesson, prompter, { learner: 'feedc0de', checkManifest: fakeCheck }).catch(() => undefined);
    const shown = prompter.asked[0]!.options!;
    const right = shown.indexOf('A read-only template');
    const settled: StepOutcome[] = [];
    const again = new ScriptedPrompter([next, right, quit]);
    await expect(
      runLesson(lesson, again, { learner: 'feedc0de', onSettled: (o) => void settled.push(o), checkManifest: fakeCheck }),
    ).rejects.toThrow(Cancelled);
    expect(again.asked[0]!.options).toEqual(shown);
    expect(settled[1]).toMatchObject({ stepId: 'q-image', status: 'right', firstTry: true, answer: 'A read-only template' });
  });

  it('earlier wrong tries count: one more wrong try reveals, and each try is saved before the next prompt', async () => {
    const saved: unknown[] = [];
    const prompter = new ScriptedPrompter([next, 2, 0, [...RIGHT['q-pod']], RIGHT['q-cli'], RIGHT['first-pod']]);
    const settled: StepOutcome[] = [];
    await runLesson(tutorLesson(), prompter, {
      checkManifest: fakeCheck,
      tries: new Map([['q-pod', { attempts: 1, picks: [['It is a node']] }]]),
      onTry: (stepId, t) => void saved.push([stepId, t.attempts, [...t.picks]]),
      onSettled: (o) => void settled.push(o),
    });
    expect(saved).toEqual([['q-image', 1, ['A virtual machine']]]);
    // q-image: wrong, then wrong again: revealed. q-pod had one try from before: right now is not the first try.
    expect(settled[1]).toMatchObject({ status: 'wrong', attempts: 2 });
    expect(settled[2]).toMatchObject({ status: 'right', attempts: 2, firstTry: false });
  });

  it('a hint on request is not an attempt: right afterwards still scores', async () => {
    const { prompter, settled, result } = await run([next, hint, 1, [...RIGHT['q-pod']], hint, RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(prompter.shown).toContain('Hint: Think of a template.');
    expect(prompter.shown).toContain('No hint for this one.');
    expect(settled[1]).toMatchObject({ status: 'right', attempts: 1, firstTry: true });
    expect(result.score.right).toBe(4);
    // Right at the first try after the hint: its review card rates it Hard (src/progress/cards.ts); no hint shown, no mark.
    expect(settled[1]!.hinted).toBe(true);
    expect(settled[3]).toMatchObject({ stepId: 'q-cli', status: 'right', firstTry: true });
    expect(settled[3]!.hinted).toBeUndefined();
    expect(settled[2]!.hinted).toBeUndefined();
  });

  it('skip counts as missed, reveals the answer, and is not an attempt', async () => {
    const { prompter, settled, result } = await run([next, RIGHT['q-image'], skip, RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(settled[2]).toEqual({ stepId: 'q-pod', type: 'multi', status: 'skipped', attempts: 0, firstTry: false, revealed: true });
    expect(prompter.shown).toContain('Skipped. The answers:\n\n- It can hold several containers\n- Its containers share an IP');
    expect(result.score).toEqual({ right: 3, questions: 4 });
    expect(result.missed.map((m) => m.stepId)).toEqual(['q-pod']);
    expect(result.misconceptions).toEqual([
      { number: 2, claim: 'A Pod is a container.', correction: 'A Pod is a group of containers that share a network namespace.' },
    ]);
  });

  it('skip after a wrong answer keeps the attempt and the last answer', async () => {
    const { settled } = await run([next, 0, skip, [...RIGHT['q-pod']], RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(settled[1]).toEqual({
      stepId: 'q-image',
      type: 'choice',
      status: 'skipped',
      attempts: 1,
      firstTry: false,
      revealed: true,
      answer: 'A running process',
    });
  });

  it('quit at a question throws Cancelled(quit) after the settled steps were reported', async () => {
    const prompter = new ScriptedPrompter([next, RIGHT['q-image'], quit]);
    const settled: string[] = [];
    const error = await runLesson(tutorLesson(), prompter, { onSettled: (o) => void settled.push(o.stepId) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cancelled);
    expect((error as Cancelled).reason).toBe('quit');
    expect(settled).toEqual(['intro', 'q-image']);
  });

  it('quit at an explanation does not settle it', async () => {
    const prompter = new ScriptedPrompter([quit]);
    const settled: string[] = [];
    await expect(runLesson(tutorLesson(), prompter, { onSettled: (o) => void settled.push(o.stepId) })).rejects.toMatchObject({
      reason: 'quit',
    });
    expect(settled).toEqual([]);
  });

  it('a Cancelled from the front end (end of input, signal) passes through unchanged', async () => {
    const prompter = new ScriptedPrompter([next]);
    await expect(runLesson(tutorLesson(), prompter)).rejects.toMatchObject({ name: 'Cancelled', reason: 'eof' });
  });

  it('waits for an async listener before going on', async () => {
    const order: string[] = [];
    const prompter = new ScriptedPrompter(allRight);
    const original = prompter.position.bind(prompter);
    prompter.position = async (p) => {
      order.push(`position ${p.number}`);
      return original(p);
    };
    await runLesson(tutorLesson(), prompter, {
      checkManifest: fakeCheck,
      onSettled: async (o) => {
        await new Promise((r) => setTimeout(r, 1));
        order.push(`saved ${o.stepId}`);
      },
    });
    expect(order).toEqual([
      'position 1',
      'saved intro',
      'position 2',
      'saved q-image',
      'position 3',
      'saved q-pod',
      'position 4',
      'saved q-cli',
      'position 5',
      'saved first-pod',
    ]);
  });

  it('a listener that fails stops the lesson with its error', async () => {
    const prompter = new ScriptedPrompter(allRight);
    const error = new Error('disk full');
    await expect(runLesson(tutorLesson(), prompter, { onSettled: () => Promise.reject(error) })).rejects.toBe(error);
    expect(prompter.asked).toHaveLength(0);
  });
});

describe('questions', () => {
  it('multi: order and repeats do not matter; a partly right answer is wrong', async () => {
    const { settled } = await run([next, 1, [2, 0, 2], RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(settled[2]).toMatchObject({
      status: 'right',
      firstTry: true,
      answer: ['It can hold several containers', 'Its containers share an IP'],
    });
    const partly = await run([next, 1, [0], [0, 1, 2], RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(partly.settled[2]).toMatchObject({
      status: 'wrong',
      attempts: 2,
      revealed: true,
      answer: ['It can hold several containers', 'It is a container', 'Its containers share an IP'],
    });
    expect(partly.prompter.shown.join('\n')).toContain(
      '- "It can hold several containers" is right: Sidecars, for one.\n- "It is a container" is wrong: It holds containers.',
    );
  });

  it('multi: choosing nothing, or an option that does not exist, is not an attempt', async () => {
    const { prompter, settled } = await run([next, 1, [], [0, 9], [0, 2], RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(settled[2]).toMatchObject({ status: 'right', attempts: 1, firstTry: true });
    expect(prompter.shown).toContain('Choose at least one option.');
    expect(prompter.shown).toContain('There is no such option.');
  });

  it('choice: an index out of range is not an attempt', async () => {
    const { settled } = await run([next, 7, 1, [0, 2], RIGHT['q-cli'], RIGHT['first-pod']]);
    expect(settled[1]).toMatchObject({ status: 'right', attempts: 1, firstTry: true });
  });

  it('text: compared trimmed, with spaces collapsed and case ignored; any accepted answer counts', async () => {
    const a = await run([next, 1, [0, 2], '  KubeCTL ', RIGHT['first-pod']]);
    expect(a.settled[3]).toMatchObject({ status: 'right', firstTry: true, answer: 'KubeCTL' });
    const b = await run([next, 1, [0, 2], 'Kube    Ctl', RIGHT['first-pod']]);
    expect(b.settled[3]).toMatchObject({ status: 'right', firstTry: true });
    const c = await run([next, 1, [0, 2], 'kubelet', '   ', 'docker', RIGHT['first-pod']]);
    expect(c.settled[3]).toMatchObject({ status: 'wrong', attempts: 2, revealed: true, answer: 'docker' });
    expect(c.prompter.shown).toContain('Type an answer.');
    expect(c.prompter.shown).toContain('Not quite. The answer: kubectl');
  });
});

describe('the manifest step', () => {
  const before: Action[] = [next, 1, [0, 2], 'kubectl'];
  const wrong = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n';

  it('shows the task, starts from the starter, then from the previous attempt, and lists every problem', async () => {
    const { prompter, settled } = await run([...before, wrong, RIGHT['first-pod']]);
    expect(prompter.shown).toContain('Write a Pod named `web`.');
    const asks = prompter.asked.filter((a) => a.type === 'lines');
    expect(asks.map((a) => a.initial)).toEqual(['apiVersion: v1\nkind: Pod\n', wrong]);
    expect(prompter.shown).toContain('Problems found:\n\n- 3:1 metadata.name: required\n  - Hint: Name it web.');
    expect(prompter.shown).toContain('Hint: metadata.name');
    expect(settled[4]).toMatchObject({
      stepId: 'first-pod',
      type: 'manifest',
      status: 'right',
      attempts: 2,
      firstTry: false,
      answer: RIGHT['first-pod'],
    });
  });

  it('warnings alone settle it right, and are shown', async () => {
    const text = `${RIGHT['first-pod']}# image: nginx:latest\n`;
    const { prompter, settled } = await run([...before, text]);
    expect(settled[4]).toMatchObject({ status: 'right', firstTry: true });
    expect(prompter.shown).toContain('It works, with warnings:\n\n- 1:1 warning: spec.containers[0].image: avoid latest');
  });

  it('after two wrong attempts offers the solution; declining gives another try', async () => {
    const { prompter, settled } = await run([...before, wrong, wrong, false, wrong, true]);
    expect(prompter.events.filter((e) => e.kind === 'confirm')).toEqual([
      { kind: 'confirm', message: 'Show the solution?', defaultYes: true },
      { kind: 'confirm', message: 'Show the solution?', defaultYes: true },
    ]);
    expect(prompter.shown).toContain('Then try once more.');
    expect(prompter.shown).toContain('```\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n```');
    expect(settled[4]).toMatchObject({ status: 'wrong', attempts: 3, revealed: true, answer: wrong });
  });

  it('skip reveals the solution; an empty manifest is not an attempt', async () => {
    const { prompter, settled, result } = await run([...before, '  \n', skip]);
    expect(prompter.shown).toContain('The manifest is empty: nothing to check.');
    expect(prompter.shown).toContain('Skipped. A solution:');
    expect(settled[4]).toEqual({ stepId: 'first-pod', type: 'manifest', status: 'skipped', attempts: 0, firstTry: false, revealed: true });
    expect(result.missed.at(-1)).toMatchObject({
      stepId: 'first-pod',
      question: 'Write a Pod named `web`.',
      explanation: 'That is a Pod.',
    });
    expect(result.missed.at(-1)!.rightAnswers).toEqual([]);
  });

  it('starts from a draft kept from an earlier run, and hands each checked manifest to onDraft', async () => {
    const prompter = new ScriptedPrompter([...before, '   ', wrong, RIGHT['first-pod']]);
    const drafts: [string, string][] = [];
    await runLesson(tutorLesson(), prompter, {
      checkManifest: fakeCheck,
      drafts: new Map([['first-pod', 'kind: Pod # from last time\n']]),
      onDraft: (stepId, text) => void drafts.push([stepId, text]),
    });
    expect(prompter.asked.filter((a) => a.type === 'lines').map((a) => a.initial)).toEqual([
      'kind: Pod # from last time\n',
      'kind: Pod # from last time\n',
      wrong,
    ]);
    expect(drafts).toEqual([
      ['first-pod', wrong],
      ['first-pod', RIGHT['first-pod']],
    ]);
  });

  it('passes the lesson checks to the checker', async () => {
    const seen: unknown[] = [];
    const prompter = new ScriptedPrompter([...before, RIGHT['first-pod']]);
    await runLesson(tutorLesson(), prompter, {
      checkManifest: async (text, opts) => {
        seen.push(opts.checks);
        return fakeCheck(text);
      },
    });
    expect(seen).toEqual([[{ path: 'metadata.name', equals: 'web' }]]);
  });
});

describe('resuming', () => {
  const outcome = (
    stepId: string,
    type: StepOutcome['type'],
    status: StepOutcome['status'],
    firstTry = status === 'right',
  ): StepOutcome => ({
    stepId,
    type,
    status,
    attempts: status === 'seen' ? 0 : 1,
    firstTry,
    revealed: false,
  });

  it('starts at the first unsettled step and counts the earlier answers', async () => {
    const previous = new Map([
      ['intro', outcome('intro', 'explain', 'seen')],
      ['q-image', outcome('q-image', 'choice', 'right')],
      ['q-pod', outcome('q-pod', 'multi', 'wrong', false)],
    ]);
    expect(resumeIndex(tutorLesson(), previous)).toBe(3);
    const { prompter, settled, result } = await run([RIGHT['q-cli'], RIGHT['first-pod']], previous);
    expect(prompter.events[0]).toEqual({ kind: 'position', position: { number: 4, total: 5, title: undefined } });
    expect(settled.map((o) => o.stepId)).toEqual(['q-cli', 'first-pod']);
    expect(result.score).toEqual({ right: 3, questions: 4 });
    expect(result.missed.map((m) => m.stepId)).toEqual(['q-pod']);
    expect(result.outcomes.map((o) => o.stepId)).toEqual(['intro', 'q-image', 'q-pod', 'q-cli', 'first-pod']);
  });

  it('walks a step again whose type changed, and ignores outcomes of steps that are gone', async () => {
    const previous = new Map([
      ['intro', outcome('intro', 'explain', 'seen')],
      ['q-image', outcome('q-image', 'text', 'right')],
      ['gone', outcome('gone', 'choice', 'right')],
    ]);
    expect(resumeIndex(tutorLesson(), previous)).toBe(1);
    const { result } = await run([1, [0, 2], 'kubectl', RIGHT['first-pod']], previous);
    expect(result.score).toEqual({ right: 4, questions: 4 });
    expect(result.outcomes.map((o) => o.stepId)).toEqual(['intro', 'q-image', 'q-pod', 'q-cli', 'first-pod']);
  });

  it('a finished lesson asks nothing and returns its result', async () => {
    const first = await run(allRight);
    const previous = new Map(first.settled.map((o) => [o.stepId, o]));
    expect(resumeIndex(tutorLesson(), previous)).toBe(5);
    const again = await run([], previous);
    expect(again.prompter.events).toEqual([]);
    expect(again.result).toEqual(first.result);
  });
});
