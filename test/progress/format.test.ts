import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonLacksCards } from '../../src/progress/cards.js';
import { decode, encode } from '../../src/progress/format.js';
import { migrate, type Migration } from '../../src/progress/migrate.js';
import { FORMAT_VERSION, type Progress } from '../../src/progress/types.js';
import { progress } from '../helpers/progress-arbitraries.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'progress');

function fixture(version: number): string {
  return readFileSync(join(fixtures, `v${version}.json`), 'utf8');
}

function ok(text: string): Progress {
  const d = decode(text);
  if (d.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(d)}`);
  return d.progress;
}

function problem(doc: unknown): string {
  const d = decode(typeof doc === 'string' ? doc : JSON.stringify(doc));
  if (d.kind !== 'corrupt') throw new Error(`expected corrupt, got ${d.kind}`);
  return d.reason;
}

describe('the progress format', () => {
  it('reads back whatever it writes', () => {
    fc.assert(
      fc.property(progress, (p) => {
        expect(ok(encode(p))).toEqual(p);
      }),
    );
  });

  it('writes the document a line per lesson, after a head line with the due time of every card of every lesson', () => {
    fc.assert(
      fc.property(progress, (p) => {
        const text = encode(p);
        const { lessons, ...head } = JSON.parse(text);
        const ids = Object.keys(lessons);
        const lines = ids.map((id) => `\n${JSON.stringify(id)}:${JSON.stringify(lessons[id])}`);
        expect(text).toBe(`${JSON.stringify(head).slice(0, -1)},"lessons":{${lines.join(',')}\n}}\n`);
        const complete = ids.filter((id) => !lessonLacksCards(p.lessons.get(id)!));
        expect(Object.keys(head.due)).toEqual(complete);
        for (const id of complete) expect(head.due[id]).toEqual([...p.lessons.get(id)!.cards.values()].map((c) => Date.parse(c.due)));
      }),
    );
  });

  it('orders lessons as JSON reads them back: array-index ids first, ascending, then the others as added', () => {
    const p = ok(fixture(FORMAT_VERSION));
    const lesson = p.lessons.get('day4')!;
    for (const id of ['day9', '10', '__proto__', '2', '02']) p.lessons.set(id, lesson);
    const written = ['2', '10', 'day4', 'day5', 'day9', '__proto__', '02'];
    const inText = [...encode(p).matchAll(/^"(.*?)":\{/gm)].map((m) => m[1]);
    expect(inText).toEqual(written);
    expect([...ok(encode(p)).lessons.keys()]).toEqual(written);
  });

  it('keeps ids that look like object internals as plain ids', () => {
    const text =
      '{"version":2,"lessons":{"__proto__":{"started":"2025-01-01T00:00:00Z","updated":"2025-01-01T00:00:00Z","tries":{},"steps":{"constructor":{"type":"explain","status":"seen","attempts":0,"firstTry":false,"revealed":false,"settledAt":"2025-01-01T00:00:00Z","spentMs":0}}}}}';
    const p = ok(text);
    expect([...p.lessons.keys()]).toEqual(['__proto__']);
    expect([...p.lessons.get('__proto__')!.steps.keys()]).toEqual(['constructor']);
    expect(ok(encode(p))).toEqual(p);
    const written = JSON.parse(encode(p)).lessons;
    expect(Object.keys(written)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(written, '__proto__')?.value.steps.constructor.status).toBe('seen');
  });

  it('has a fixture for every version ever released, and each one loads', () => {
    const versions = readdirSync(fixtures)
      .map((f) => /^v(\d+)\.json$/.exec(f)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: FORMAT_VERSION }, (_, i) => i + 1));
    for (const v of versions) {
      const d = decode(fixture(v));
      expect(d.kind, `v${v}.json`).toBe('ok');
      if (d.kind === 'ok') expect(d.migratedFrom).toBe(v === FORMAT_VERSION ? undefined : v);
    }
  });

  it('writes the current version exactly as its fixture (a format change needs a new version)', () => {
    const text = fixture(FORMAT_VERSION);
    expect(encode(ok(text))).toBe(text);
  });

  it('reads every field of the v1 fixture', () => {
    const p = ok(fixture(1));
    const day4 = p.lessons.get('day4')!;
    expect(day4.finished).toBeUndefined();
    expect([...day4.steps.keys()]).toEqual(['images-and-containers', 'pod-smallest-unit', 'pod-shares', 'image-field', 'first-pod']);
    expect(day4.steps.get('pod-shares')).toEqual({
      type: 'multi',
      status: 'wrong',
      attempts: 2,
      firstTry: false,
      revealed: true,
      answer: ['The network namespace', 'The container image'],
      settledAt: '2025-03-01T09:05:00.000Z',
      spentMs: 110000,
    });
    expect(day4.steps.get('first-pod')!.answer).toContain('kind: Pod\n');
    expect(p.lessons.get('day5')!.finished).toBe('2025-03-02T18:20:00.000Z');
    expect(day4.drafts.get('pod-with-port')!.answer).toContain('containerPort: eighty');
    expect(p.lessons.get('day5')!.drafts.size).toBe(0);
  });

  it('migrates the v1 fixture: every step and draft kept, no tries or cards yet, no learner id made up', () => {
    const d = decode(fixture(1));
    expect(d.kind === 'ok' && d.migratedFrom).toBe(1);
    const p = ok(fixture(1));
    expect(p.learner).toBeUndefined();
    for (const lesson of p.lessons.values()) expect(lesson.tries.size).toBe(0);
    for (const lesson of p.lessons.values()) expect(lesson.cards.size).toBe(0);
    const written = JSON.parse(encode(p));
    expect(written.version).toBe(FORMAT_VERSION);
    expect(written.lessons.day4.steps).toEqual(JSON.parse(fixture(1)).lessons.day4.steps);
    expect(written.lessons.day4.drafts).toEqual(JSON.parse(fixture(1)).lessons.day4.drafts);
    expect(written.lessons.day5.tries).toEqual({});
    // A second read of the same v1 text gives the same result (a migration must be deterministic).
    expect(ok(fixture(1))).toEqual(p);
  });

  it('reads the learner id and the tries of the v2 fixture', () => {
    const p = ok(fixture(2));
    expect(p.learner).toBe('5f0c2a9e7b3d4e61');
    expect(p.lessons.get('day4')!.tries.get('pod-restart')).toEqual({
      attempts: 1,
      picks: ['The kubelet'],
      savedAt: '2025-03-01T09:21:00.000Z',
    });
    expect(problem({ version: 2, learner: 'not hex!', lessons: {} })).toBe('learner should be a hex id');
    expect(
      problem({ version: 2, lessons: { day4: { started: '2025-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z', steps: {} } } }),
    ).toBe('lessons.day4.tries should be an object');
  });

  it('migrates the v2 fixture: learner, steps and tries kept, cards left to be derived on first use', () => {
    const d = decode(fixture(2));
    expect(d.kind === 'ok' && d.migratedFrom).toBe(2);
    const p = ok(fixture(2));
    const v2 = JSON.parse(fixture(2));
    const written = JSON.parse(encode(p));
    expect(written.version).toBe(FORMAT_VERSION);
    expect(written.learner).toBe(v2.learner);
    for (const id of ['day4', 'day5']) {
      expect(written.lessons[id].steps).toEqual(v2.lessons[id].steps);
      expect(written.lessons[id].tries).toEqual(v2.lessons[id].tries);
      expect(written.lessons[id].cards).toEqual({});
    }
    expect(ok(fixture(2))).toEqual(p);
  });

  it('reads the cards of the v3 fixture, and names a bad card field', () => {
    const p = ok(fixture(3));
    const day4 = p.lessons.get('day4')!;
    expect([...day4.cards.keys()]).toEqual(['pod-smallest-unit', 'pod-shares', 'image-field', 'first-pod']);
    expect(day4.cards.get('pod-shares')).toMatchObject({ type: 'multi', due: '2025-03-02T09:05:00.000Z', reps: 1, state: 'review' });
    const base = JSON.parse(fixture(3));
    const broken = (edit: (d: any) => void) => {
      const d = structuredClone(base);
      edit(d);
      return problem(d);
    };
    expect(broken((d) => (d.lessons.day4.cards['pod-shares'].due = 'soon'))).toBe(
      'lessons.day4.cards.pod-shares.due should be a date and time',
    );
    expect(broken((d) => (d.lessons.day4.cards['pod-shares'].stability = -1))).toBe(
      'lessons.day4.cards.pod-shares.stability should be a number >= 0',
    );
    expect(broken((d) => (d.lessons.day4.cards['pod-shares'].state = 'forgotten'))).toBe(
      'lessons.day4.cards.pod-shares.state should be one of new, learning, review, relearning',
    );
    expect(broken((d) => delete d.lessons.day5.cards)).toBe('lessons.day5.cards should be an object');
  });

  it('refuses a newer version without reading further', () => {
    expect(decode(JSON.stringify({ version: FORMAT_VERSION + 1, lessons: 'anything' }))).toEqual({
      kind: 'newer',
      version: FORMAT_VERSION + 1,
    });
  });

  it('says what is wrong with a corrupt file, naming the field', () => {
    expect(problem('{"version": 1, "lessons": {')).toMatch(/^not JSON \(/);
    expect(problem('')).toMatch(/^not JSON/);
    expect(problem([1])).toBe('not a JSON object');
    expect(problem(null)).toBe('not a JSON object');
    expect(problem({ lessons: {} })).toBe('no integer "version" field');
    expect(problem({ version: '1', lessons: {} })).toBe('no integer "version" field');
    expect(problem({ version: 1.5, lessons: {} })).toBe('no integer "version" field');
    expect(problem({ version: 0, lessons: {} })).toBe('no integer "version" field');
    expect(problem({ version: 1 })).toBe('lessons should be an object');
    const base = JSON.parse(fixture(1));
    const broken = (edit: (d: any) => void) => {
      const d = structuredClone(base);
      edit(d);
      return problem(d);
    };
    expect(broken((d) => (d.lessons.day4.steps['pod-shares'].attempts = -1))).toBe(
      'lessons.day4.steps.pod-shares.attempts should be a whole number >= 0',
    );
    expect(broken((d) => (d.lessons.day4.steps['pod-shares'].status = 'maybe'))).toBe(
      'lessons.day4.steps.pod-shares.status should be one of right, wrong, skipped, seen',
    );
    expect(broken((d) => (d.lessons.day4.steps['pod-shares'].answer = [1]))).toBe(
      'lessons.day4.steps.pod-shares.answer should be a text or a list of texts',
    );
    expect(broken((d) => (d.lessons.day4.steps['pod-shares'].firstTry = 'yes'))).toBe(
      'lessons.day4.steps.pod-shares.firstTry should be true or false',
    );
    expect(broken((d) => (d.lessons.day4.started = 'yesterday'))).toBe('lessons.day4.started should be a date and time');
    expect(broken((d) => (d.lessons.day4.steps = []))).toBe('lessons.day4.steps should be an object');
    expect(broken((d) => (d.lessons.day4.drafts['pod-with-port'].answer = ['a']))).toBe(
      'lessons.day4.drafts.pod-with-port.answer should be a text',
    );
    expect(broken((d) => delete d.lessons.day5.steps.replicas.spentMs)).toBe(
      'lessons.day5.steps.replicas.spentMs should be a whole number >= 0',
    );
  });

  it('never puts control characters from a file into its one-line report', () => {
    const reason = problem({ version: 1, lessons: { '\u001b]0;pwned\u0007\u009b2J': 5 } });
    expect(reason).toMatch(/^lessons\."\\u\{1b\}\]0;pwned\\u\{7\}\\u\{9b\}2J" should be an object$/);
    expect(reason).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('the migration chain', () => {
  it('is complete up to the current version', () => {
    const doc = { version: FORMAT_VERSION, lessons: {} };
    expect(migrate(doc, FORMAT_VERSION)).toBe(doc);
  });

  it('runs each step in order and stamps each version', () => {
    const chain: Record<number, Migration> = {
      1: (d) => ({ ...d, lessons: { ...(d.lessons as object), renamed: (d as any).lessons.old }, seen: [d.version] }),
      2: (d) => ({ ...d, seen: [...((d.seen as number[] | undefined) ?? []), d.version] }),
    };
    expect(migrate({ version: 1, lessons: { old: 1 } }, 1, 3, chain)).toEqual({
      version: 3,
      lessons: { old: 1, renamed: 1 },
      seen: [1, 2],
    });
    expect(migrate({ version: 2, lessons: {} }, 2, 3, chain)).toEqual({ version: 3, lessons: {}, seen: [2] });
  });

  it('fails loudly on a gap in the chain', () => {
    expect(() => migrate({ version: 1 }, 1, 3, { 1: (d) => d })).toThrow('no migration from progress format 2 to 3');
  });
});
