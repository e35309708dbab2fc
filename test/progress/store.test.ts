import { chmodSync, chownSync, existsSync, mkdirSync, symlinkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckFailed } from '../../src/errors.js';
import { decode } from '../../src/progress/format.js';
import { draftAnswers, previousOutcomes } from '../../src/progress/records.js';
import { ProgressStore } from '../../src/progress/store.js';
import { tempStateHome } from '../helpers/state.js';
import { makeReadOnly, tinyTmpfs } from './helpers/fs.js';
import { answered, seen } from './helpers/outcomes.js';

let state: ReturnType<typeof tempStateHome>;
let store: ProgressStore;
const undo: (() => void)[] = [];

beforeEach(() => {
  state = tempStateHome();
  store = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
});

afterEach(() => {
  while (undo.length) undo.pop()!();
  state.cleanup();
});

function siblings(): string[] {
  return readdirSync(state.dir).sort();
}

async function rejection(p: Promise<unknown>): Promise<CheckFailed> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CheckFailed);
  const message = (err as CheckFailed).message;
  expect(message).not.toContain('\n');
  return err as CheckFailed;
}

describe('the progress store', () => {
  it('lives under XDG_STATE_HOME', () => {
    expect(store.path).toBe(join(state.home, 'kube-learn', 'progress.json'));
  });

  it('gives back exactly the outcomes it was given (round trip)', async () => {
    const outcomes = [
      seen('intro'),
      answered('q1', 'A Pod'),
      answered('q2', ['net', 'storage'], false),
      { stepId: 'q3', type: 'text' as const, status: 'skipped' as const, attempts: 0, firstTry: false, revealed: false },
      {
        stepId: 'm1',
        type: 'manifest' as const,
        status: 'right' as const,
        attempts: 3,
        firstTry: false,
        revealed: true,
        answer: 'kind: Pod\n',
      },
    ];
    for (const o of outcomes) await store.record('day4', o, 1000);
    const { progress, notice } = await new ProgressStore(store.path).load();
    expect(notice).toBeUndefined();
    const previous = previousOutcomes(progress, 'day4');
    expect([...previous.values()]).toEqual(outcomes);
    const day4 = progress.lessons.get('day4')!;
    expect(Date.parse(day4.started)).toBeLessThanOrEqual(Date.parse(day4.updated));
    expect(day4.finished).toBeUndefined();
    expect(day4.steps.get('q1')!.spentMs).toBe(1000);
    await store.finish('day4');
    expect((await store.load()).progress.lessons.get('day4')!.finished).toBeDefined();
  });

  it('a step settled again replaces its record, keyed by id', async () => {
    await store.record('day4', answered('q1', 'wrong one', false));
    await store.record('day4', answered('q1', 'A Pod'));
    const steps = (await store.load()).progress.lessons.get('day4')!.steps;
    expect([...steps.keys()]).toEqual(['q1']);
    expect(steps.get('q1')!.answer).toBe('A Pod');
  });

  it('keeps the answer to an unsettled step until the step settles', async () => {
    await store.record('day4', seen('intro'));
    await store.saveDraft('day4', 'pod', 'kind: Pod\n# first try\n');
    await store.saveDraft('day4', 'pod', 'kind: Pod\n# second try\n');
    await store.saveDraft('day4', 'gone', 'kind: Service\n');
    const lesson = {
      id: 'day4',
      steps: [
        { id: 'intro', type: 'explain' },
        { id: 'pod', type: 'manifest' },
      ],
    };
    let { progress } = await store.load();
    expect([...draftAnswers(progress, 'day4', lesson)]).toEqual([['pod', 'kind: Pod\n# second try\n']]);
    expect([...previousOutcomes(progress, 'day4', lesson).keys()]).toEqual(['intro']);
    await store.record('day4', {
      stepId: 'pod',
      type: 'manifest',
      status: 'right',
      attempts: 3,
      firstTry: false,
      revealed: false,
      answer: 'kind: Pod\n',
    });
    ({ progress } = await store.load());
    expect(draftAnswers(progress, 'day4', lesson).size).toBe(0);
    expect(progress.lessons.get('day4')!.drafts.has('pod')).toBe(false);
  });

  it('starts empty when there is no file, and does not create one by reading', async () => {
    const { progress, notice } = await store.load();
    expect(progress.lessons.size).toBe(0);
    expect(notice).toBeUndefined();
    expect(existsSync(state.dir)).toBe(false);
  });

  it('moves a file that is not JSON aside, reports it in one line, and starts fresh', async () => {
    mkdirSync(state.dir, { recursive: true });
    writeFileSync(state.file, '{"version": 1, "lessons": {"day4": ');
    const { progress, notice } = await store.load();
    expect(progress.lessons.size).toBe(0);
    const [aside] = siblings().filter((f) => f.startsWith('progress.json.corrupt-'));
    expect(aside).toMatch(/^progress\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    expect(readFileSync(join(state.dir, aside!), 'utf8')).toBe('{"version": 1, "lessons": {"day4": ');
    expect(notice).toBe(
      `progress file ${state.file} could not be read (not JSON (${notice!.match(/not JSON \((.*)\)\); moved/)![1]})); moved it to ${join(state.dir, aside!)} and started fresh`,
    );
    expect(notice).not.toContain('\n');
    expect(existsSync(state.file)).toBe(false);
    await store.record('day4', seen('intro'));
    expect((await store.load()).progress.lessons.get('day4')!.steps.has('intro')).toBe(true);
  });

  it('moves a file of the wrong shape aside, naming the field', async () => {
    mkdirSync(state.dir, { recursive: true });
    writeFileSync(state.file, JSON.stringify({ version: 1, lessons: { day4: { steps: {} } } }));
    const { notice } = await store.load();
    expect(notice).toMatch(
      /could not be read \(lessons\.day4\.started should be a date and time\); moved it to .*progress\.json\.corrupt-/,
    );
  });

  it('never overwrites an earlier corrupt copy', async () => {
    const fixed = new ProgressStore(store.path, { now: () => new Date('2025-05-05T05:05:05.000Z') });
    mkdirSync(state.dir, { recursive: true });
    writeFileSync(state.file, 'first');
    await fixed.load();
    writeFileSync(state.file, 'second');
    await fixed.load();
    const asides = siblings().filter((f) => f.includes('corrupt'));
    expect(asides).toEqual(['progress.json.corrupt-2025-05-05T05-05-05-000Z', 'progress.json.corrupt-2025-05-05T05-05-05-000Z-1']);
    expect(asides.map((f) => readFileSync(join(state.dir, f), 'utf8'))).toEqual(['first', 'second']);
  });

  it('a corrupt file found while saving is moved aside too, and the save goes through', async () => {
    mkdirSync(state.dir, { recursive: true });
    writeFileSync(state.file, 'garbage');
    const { notice } = await store.record('day4', seen('intro'));
    expect(notice).toMatch(/could not be read \(not JSON/);
    expect(siblings().filter((f) => f.includes('corrupt'))).toHaveLength(1);
    expect(decode(readFileSync(state.file, 'utf8')).kind).toBe('ok');
  });

  it('treats a pipe in place of the file as corrupt instead of hanging on it', async (ctx) => {
    mkdirSync(state.dir, { recursive: true });
    try {
      execFileSync('mkfifo', [state.file]);
    } catch {
      ctx.skip();
    }
    const { notice } = await store.load();
    expect(notice).toMatch(/could not be read \(not a regular file\)/);
  });

  it('does not touch a file of a newer format, and says to upgrade', async () => {
    mkdirSync(state.dir, { recursive: true });
    const newer = JSON.stringify({ version: 99, lessons: { day4: 'whatever the future holds' } });
    writeFileSync(state.file, newer);
    const before = statSync(state.file);
    const loadError = await rejection(store.load());
    expect(loadError.message).toBe(
      `progress file ${state.file} was written by a newer kube-learn (format 99; this one reads up to 4): upgrade kube-learn to continue`,
    );
    const saveError = await rejection(store.record('day4', seen('intro')));
    expect(saveError.message).toBe(loadError.message);
    await rejection(store.reset('day4'));
    expect(readFileSync(state.file, 'utf8')).toBe(newer);
    expect(statSync(state.file).mtimeMs).toBe(before.mtimeMs);
    expect(siblings()).toEqual(['progress.json']);
  });

  it('writes the file with mode 0600 and the folder with 0700, whatever the umask', async () => {
    const old = process.umask(0);
    try {
      await store.record('day4', seen('intro'));
    } finally {
      process.umask(old);
    }
    expect(statSync(state.file).mode & 0o777).toBe(0o600);
    expect(statSync(state.dir).mode & 0o777).toBe(0o700);
  });

  it('leaves nothing behind but the file: no temp file, no lock', async () => {
    for (let i = 0; i < 5; i++) await store.record('day4', seen(`s${i}`));
    expect(siblings()).toEqual(['progress.json']);
  });

  it('reset clears one lesson and keeps the others', async () => {
    await store.record('day4', seen('intro'));
    await store.record('day5', seen('intro'));
    expect(await store.reset('day4')).toBe(true);
    expect([...(await store.load()).progress.lessons.keys()]).toEqual(['day5']);
    expect(await store.reset('day4')).toBe(false);
  });

  it('reset of a lesson with no progress writes nothing', async () => {
    expect(await store.reset('day4')).toBe(false);
    expect(existsSync(state.file)).toBe(false);
  });
});

describe('saving into a folder that cannot be written', () => {
  it('a read-only folder: one line naming the path, the file intact, ensureWritable fails first', async (ctx) => {
    await store.record('day4', seen('intro'));
    const before = readFileSync(state.file);
    const restore = makeReadOnly(state.dir);
    if (!restore) return ctx.skip();
    undo.push(restore);
    const early = await rejection(store.ensureWritable());
    expect(early.message).toContain(state.file);
    const err = await rejection(store.record('day4', seen('next')));
    expect(err.message).toMatch(
      new RegExp(`^could not save progress to ${state.file}: .*(read-only|no permission).*; your earlier progress is unchanged$`),
    );
    expect(readFileSync(state.file)).toEqual(before);
    expect((await store.load()).progress.lessons.get('day4')!.steps.size).toBe(1);
    restore();
    undo.pop();
    expect(siblings()).toEqual(['progress.json']);
  });

  it('a file where the folder should be: one line naming the path', async () => {
    writeFileSync(state.dir, 'not a folder');
    const err = await rejection(store.ensureWritable());
    expect(err.message).toBe(
      `could not save progress to ${state.file}: a file is in the way of the folder ${state.dir}; your earlier progress is unchanged`,
    );
    await rejection(store.record('day4', seen('intro')));
    expect((await store.load()).progress.lessons.size).toBe(0);
    expect(readFileSync(state.dir, 'utf8')).toBe('not a folder');
  });

  it('a file where a parent folder should be', async () => {
    writeFileSync(join(state.home, 'blocker'), '');
    const deep = ProgressStore.fromEnv({ XDG_STATE_HOME: join(state.home, 'blocker', 'state') });
    const err = await rejection(deep.record('day4', seen('intro')));
    expect(err.message).toContain('a file is in the way of the folder');
  });

  it('a full disk: one line, the file intact, no temp file left', async (ctx) => {
    const unmount = tinyTmpfs(state.home, 64 * 1024);
    if (!unmount) return ctx.skip();
    undo.push(unmount);
    await store.record('day4', seen('intro'));
    const before = readFileSync(state.file);
    // Fill the disk, leaving room for the lock file but not for a big answer.
    let filler = 0;
    for (;;) {
      try {
        writeFileSync(join(state.home, `filler-${filler++}`), Buffer.alloc(4096));
      } catch {
        break;
      }
    }
    const err = await rejection(store.record('day4', answered('q1', 'x'.repeat(64 * 1024))));
    expect(err.message).toBe(`could not save progress to ${state.file}: the disk is full; your earlier progress is unchanged`);
    expect(readFileSync(state.file)).toEqual(before);
    expect(siblings()).toEqual(['progress.json']);
  });
});

describe.runIf(process.getuid !== undefined)('a state folder someone else could write', () => {
  const refused = (why: string) =>
    `progress folder ${state.dir} ${why}; kube-learn keeps progress only in a folder that only you can write`;

  it('writable by others: refused in one line, for reading and saving, and left as it is', async () => {
    mkdirSync(state.dir);
    chmodSync(state.dir, 0o777);
    expect((await rejection(store.load())).message).toBe(refused('can be written by other users (mode 777; chmod 700 it if it is yours)'));
    expect((await rejection(store.record('day4', seen('intro')))).message).toBe(
      refused('can be written by other users (mode 777; chmod 700 it if it is yours)'),
    );
    chmodSync(state.dir, 0o770);
    expect((await rejection(store.ensureWritable())).message).toBe(
      refused('can be written by its group (mode 770; chmod 700 it if it is yours)'),
    );
    expect(readdirSync(state.dir)).toEqual([]);
  });

  it('a symbolic link: refused, and nothing is written where it points', async () => {
    const elsewhere = join(state.home, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    symlinkSync(elsewhere, state.dir);
    expect((await rejection(store.record('day4', seen('intro')))).message).toBe(refused('is a symbolic link'));
    expect((await rejection(store.load())).message).toBe(refused('is a symbolic link'));
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it.runIf(process.getuid?.() === 0)("another user's folder: refused", async () => {
    mkdirSync(state.dir, { mode: 0o700 });
    chownSync(state.dir, 12345, 12345);
    expect((await rejection(store.record('day4', seen('intro')))).message).toBe(refused('belongs to another user (uid 12345)'));
  });
});
