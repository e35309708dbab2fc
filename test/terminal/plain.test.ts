import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Cancelled } from '../../src/errors.js';
import { noColor, palette } from '../../src/terminal/colors.js';
import { runLesson } from '../../src/tutor/engine.js';
import type { ManifestProblem } from '../../src/tutor/manifest-step.js';
import type { StepOutcome } from '../../src/lesson/outcome.js';
import { PlainPrompter } from '../../src/terminal/plain.js';
import { tutorLesson } from '../tutor/lesson-fixture.js';

async function fakeCheck(text: string): Promise<ManifestProblem[]> {
  return /name: web\b/.test(text) ? [] : [{ line: 3, col: 1, path: 'metadata.name', message: 'required', severity: 'error' }];
}

/** Runs the tiny lesson in plain mode with all the input there at once, as a pipe delivers it. */
async function plainRun(input: string, opts: { colors?: typeof noColor; signal?: AbortSignal; end?: boolean; cwd?: string } = {}) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stdin.write(input);
  if (opts.end !== false) stdin.end();
  const prompter = new PlainPrompter({
    input: stdin,
    output: stdout,
    width: () => 60,
    colors: opts.colors ?? noColor,
    signal: opts.signal,
    cwd: opts.cwd,
  });
  const settled: StepOutcome[] = [];
  try {
    const result = await runLesson(tutorLesson(), prompter, { onSettled: (o) => void settled.push(o), checkManifest: fakeCheck });
    return { out, settled, result, error: undefined };
  } catch (error) {
    return { out, settled, result: undefined, error };
  } finally {
    prompter.close();
  }
}

const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nEOF\n';

describe('the plain front end', () => {
  it('prints questions as "? " lines with "  1) " options and reads one line per answer', async () => {
    const { out, result } = await plainRun(`\n2\n1,3\nkubectl\n${manifest}`);
    expect(result?.score).toEqual({ right: 4, questions: 4 });
    const lines = out.split('\n');
    expect(lines).toContain('[Enter] to continue');
    expect(lines).toContain('Step 2 of 5: Images');
    expect(lines).toContain('? What is an image?');
    expect(lines.slice(lines.indexOf('? What is an image?') + 1, lines.indexOf('? What is an image?') + 4)).toEqual([
      '  1) A running process',
      '  2) A read-only template',
      '  3) A virtual machine',
    ]);
    expect(lines).toContain('? Which are true of a Pod? (one or more)');
    expect(lines).toContain('? Which command-line tool talks to the API server?');
    expect(out).not.toMatch(/\u001b/);
  });

  it('invalid input gets one line and the same question again, and is not an attempt', async () => {
    const { out, settled } = await plainRun(`\n7\nabc\n2\n1,9\n1,3\nkubectl\n${manifest}`);
    expect(out).toContain('There is no option 7: answer with a number from 1 to 3.\n? What is an image?\n  1) A running process');
    expect(out).toContain('"abc" is not one of the options');
    expect(out).toContain(
      'There is no option 9: answer with numbers from 1 to 4, separated by commas or spaces.\n? Which are true of a Pod? (one or more)',
    );
    expect(settled[1]).toMatchObject({ status: 'right', attempts: 1, firstTry: true });
    expect(settled[2]).toMatchObject({ status: 'right', attempts: 1, firstTry: true });
  });

  it('h prints the hint and asks again; s skips; the manifest can be given line by line', async () => {
    const { out, settled } = await plainRun(`\nh\n2\ns\nkubectl\n${manifest}`);
    expect(out).toContain('Hint: Think of a template.\n\n? What is an image?');
    expect(settled.map((o) => o.status)).toEqual(['seen', 'right', 'skipped', 'right', 'right']);
    expect(settled[4]!.answer).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n');
  });

  it('q quits: Cancelled(quit), after the settled steps', async () => {
    const { error, settled } = await plainRun('\n2\nq\n');
    expect(error).toBeInstanceOf(Cancelled);
    expect((error as Cancelled).reason).toBe('quit');
    expect(settled.map((o) => o.stepId)).toEqual(['intro', 'q-image']);
  });

  it('end of input: Cancelled(eof)', async () => {
    const { error, settled } = await plainRun('\n2\n');
    expect(error).toMatchObject({ name: 'Cancelled', reason: 'eof' });
    expect(settled).toHaveLength(2);
  });

  it('end of input in the middle of a manifest: Cancelled(eof), nothing checked', async () => {
    const { error, settled } = await plainRun('\n2\n1,3\nkubectl\napiVersion: v1\n');
    expect(error).toMatchObject({ reason: 'eof' });
    expect(settled).toHaveLength(4);
  });

  it('a signal while waiting for a line: Cancelled(signal)', async () => {
    const controller = new AbortController();
    const running = plainRun('\n', { signal: controller.signal, end: false });
    setTimeout(() => controller.abort(), 20);
    const { error } = await running;
    expect(error).toMatchObject({ name: 'Cancelled', reason: 'signal' });
  });

  it('reads a manifest from @file, reports a missing file without counting it, and shows the starter once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-learn-plain-'));
    writeFileSync(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n');
    const { out, settled } = await plainRun('\n2\n1,3\nkubectl\n@missing.yaml\n@pod.yaml\n', { cwd: dir });
    expect(out).toContain('missing.yaml: no such file.');
    expect(settled[4]).toMatchObject({ status: 'right', attempts: 1, answer: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n' });
    expect(out).toContain('Start from:\n\n    apiVersion: v1\n    kind: Pod\n');
  });

  it('a wrong manifest lists the problems; after two, y shows the solution', async () => {
    const wrong = 'apiVersion: v1\nkind: Pod\nEOF\n';
    const { out, settled } = await plainRun(`\n2\n1,3\nkubectl\n${wrong}${wrong}maybe\ny\n`);
    expect(out).toContain('- 3:1 metadata.name: required');
    expect(out).toContain('? Show the solution? (Y/n)\nAnswer y or n.\n? Show the solution? (Y/n)');
    expect(out).toContain('Not quite. A solution:');
    expect(settled[4]).toMatchObject({ status: 'wrong', attempts: 2, revealed: true });
  });

  it('q at the yes/no question quits', async () => {
    const wrong = 'apiVersion: v1\nkind: Pod\nEOF\n';
    const { error } = await plainRun(`\n2\n1,3\nkubectl\n${wrong}${wrong}q\n`);
    expect(error).toMatchObject({ reason: 'quit' });
  });

  it('wraps long text at the width with a hanging indent for options', async () => {
    const { out } = await plainRun('');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('colours only when given a colour palette', async () => {
    const { out } = await plainRun('\n2\nq\n', { colors: await palette(1) });
    expect(out).toMatch(/\u001b\[/);
  });
});

describe('the plain front end when its output goes away', () => {
  it('ends the session like the end of input, without an unhandled error', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const prompter = new PlainPrompter({ input: stdin, output: stdout, width: () => 80, colors: noColor });
    const running = runLesson(tutorLesson(), prompter, { checkManifest: fakeCheck });
    stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await expect(running).rejects.toMatchObject({ name: 'Cancelled', reason: 'eof' });
    prompter.close();
  });
});

describe('the plain front end writes', () => {
  it('what each call shows in one piece, before it waits for the learner', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const writes: string[] = [];
    stdout.on('data', (d: Buffer) => writes.push(d.toString()));
    const prompter = new PlainPrompter({ input: stdin, output: stdout, width: () => 60, colors: noColor });
    await prompter.show('A title', 'heading');
    await prompter.show('First paragraph.\n\nSecond paragraph.');
    await prompter.position({ number: 1, total: 2 });
    const paused = prompter.pause();
    // Written before the read waits: the learner sees the prompt they answer.
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['A title\n', '\nFirst paragraph.\n\nSecond paragraph.\n', '\nStep 1 of 2\n', '[Enter] to continue\n']);
    stdin.end('\n');
    await expect(paused).resolves.toBe('continue');
    prompter.close();
  });
});
