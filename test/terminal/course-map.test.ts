import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { courseView } from '../../src/progress/course.js';
import type { LessonRecord, Progress } from '../../src/progress/types.js';
import { noColor } from '../../src/terminal/colors.js';
import { mapHeading, mapKeys, mapLines, pickFromMap } from '../../src/terminal/course-map.js';

const lesson = (id: string, title: string, day?: number) => ({
  id,
  title,
  ...(day !== undefined && { day }),
  steps: [
    { id: 'intro', type: 'explain' },
    { id: 'q1', type: 'text' },
    { id: 'q2', type: 'text' },
  ],
});
const LESSONS = [lesson('day1', 'What Kubernetes is', 1), lesson('day2', 'The control plane', 2), lesson('extra', 'An extra lesson')];

const settled = (type: string, firstTry: boolean) => ({
  type,
  status: type === 'explain' ? ('seen' as const) : firstTry ? ('right' as const) : ('wrong' as const),
  attempts: 1,
  firstTry,
  revealed: false,
  settledAt: '2026-01-01T00:00:00.000Z',
  spentMs: 0,
});

function progress(): Progress {
  const at = '2026-01-02T00:00:00.000Z';
  const day1: LessonRecord = {
    started: at,
    updated: at,
    finished: at,
    steps: new Map([
      ['intro', settled('explain', false)],
      ['q1', settled('text', true)],
      ['q2', settled('text', false)],
    ]),
    drafts: new Map(),
    tries: new Map(),
    cards: new Map(),
  };
  const day2: LessonRecord = {
    started: at,
    updated: at,
    steps: new Map([['intro', settled('explain', false)]]),
    drafts: new Map(),
    tries: new Map(),
    cards: new Map(),
  };
  return {
    lessons: new Map([
      ['day1', day1],
      ['day2', day2],
    ]),
  };
}

describe('the course map text', () => {
  it('two lines a lesson: label and title, then bar and status; the current one marked', () => {
    const view = courseView(LESSONS, progress());
    expect(mapHeading(view)).toBe('The course: 1 of 3 lessons done');
    expect(mapLines(view, view.current, { colors: noColor, marker: '> ' })).toEqual([
      '  Day 1  What Kubernetes is',
      '         ██████ done · 1 of 2 right at the first try',
      '> Day 2  The control plane',
      '         ██░░░░ 1 of 3 steps',
      '  extra  An extra lesson',
      '         ░░░░░░ not started · 3 steps',
    ]);
  });

  it('"days" when every lesson has a day', () => {
    expect(mapHeading(courseView(LESSONS.slice(0, 2), progress()))).toBe('The course: 1 of 2 days done');
  });

  it('cuts lines to the width, so that a terminal never wraps them', () => {
    const view = courseView(LESSONS, progress());
    const lines = mapLines(view, 0, { colors: noColor, marker: '❯ ', width: 24 });
    expect(lines[0]).toBe('❯ Day 1  What Kubernet…');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(23);
  });
});

describe('mapKeys', () => {
  it('arrows (both encodings) and k/j move, Enter starts, q, Q, Esc and Ctrl-D quit, Ctrl-C interrupts', () => {
    expect(mapKeys('\u001b[A')).toEqual(['up']);
    expect(mapKeys('\u001bOB')).toEqual(['down']);
    expect(mapKeys('kj')).toEqual(['up', 'down']);
    expect(mapKeys('\r')).toEqual(['start']);
    expect(mapKeys('\n')).toEqual(['start']);
    for (const key of ['q', 'Q', '\u001b', '\u0004']) expect(mapKeys(key)).toEqual(['quit']);
    expect(mapKeys('\u0003')).toEqual(['interrupt']);
  });

  it('reads a chunk of several keys in order, ignoring other escape sequences and keys', () => {
    expect(mapKeys('\u001b[B\u001b[Bx\u001b[1;5C\r')).toEqual(['down', 'down', 'start']);
    // Alt+q is not q.
    expect(mapKeys('\u001bq')).toEqual([]);
  });
});

/** A terminal's two ends, as far as the map uses them. */
function terminal(rows = 24) {
  const input = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.ReadStream & PassThrough;
  const output = Object.assign(new PassThrough(), { columns: 60, rows }) as unknown as NodeJS.WriteStream & PassThrough;
  let written = '';
  output.on('data', (d: Buffer) => (written += String(d)));
  return { input, output, written: () => written };
}

/** What the last draw wrote: everything after the last erase. */
const lastDraw = (written: string) => written.slice(written.lastIndexOf('\u001b[J') + 3);

describe('pickFromMap', () => {
  it('starts at the lesson to continue at, moves within the list, and picks with Enter', async () => {
    const view = courseView(LESSONS, progress());
    const t = terminal();
    const picked = pickFromMap(view, { input: t.input, output: t.output, colors: noColor });
    expect(t.written()).toContain('❯ Day 2  The control plane');
    t.input.write('\u001b[B\u001b[B\u001b[B');
    t.input.write('\r');
    await expect(picked).resolves.toBe(2);
    expect(t.written()).toContain('❯ extra  An extra lesson');
    expect(t.input.listenerCount('data')).toBe(0);
  });

  it('q leaves without a pick; the end of input too', async () => {
    const view = courseView(LESSONS, progress());
    const t = terminal();
    const quit = pickFromMap(view, { input: t.input, output: t.output, colors: noColor });
    t.input.write('\u001b[Aq');
    await expect(quit).resolves.toBeUndefined();
    const ended = pickFromMap(view, { input: t.input, output: t.output, colors: noColor });
    t.input.end();
    await expect(ended).resolves.toBeUndefined();
  });

  it('a course longer than the screen is shown a window at a time, following the highlight', async () => {
    const many = Array.from({ length: 6 }, (_, i) => lesson(`day${i + 1}`, `Title ${i + 1}`, i + 1));
    const view = courseView(many, { lessons: new Map() });
    const t = terminal(12);
    const picked = pickFromMap(view, { input: t.input, output: t.output, colors: noColor });
    const first = t.written().split('\n');
    // 12 rows: heading, blank, two lessons between the "more" lines, blank, help; never more than 11 lines.
    expect(first).toHaveLength(10);
    expect(first.slice(2, 8)).toEqual(['', '❯ Day 1  Title 1', expect.any(String), '  Day 2  Title 2', expect.any(String), '  ↓ 4 more']);
    t.input.write('\u001b[B\u001b[B\u001b[B');
    await new Promise((r) => setImmediate(r));
    const after = lastDraw(t.written()).split('\n');
    expect(after.slice(2, 8)).toEqual([
      '  ↑ 2 more',
      '  Day 3  Title 3',
      expect.any(String),
      '❯ Day 4  Title 4',
      expect.any(String),
      '  ↓ 2 more',
    ]);
    t.input.write('\r');
    await expect(picked).resolves.toBe(3);
  });

  it('Ctrl-C and the signal are Cancelled', async () => {
    const view = courseView(LESSONS, progress());
    const t = terminal();
    const interrupted = pickFromMap(view, { input: t.input, output: t.output, colors: noColor });
    t.input.write('\u0003');
    await expect(interrupted).rejects.toMatchObject({ name: 'Cancelled', reason: 'signal' });
    const stop = new AbortController();
    const aborted = pickFromMap(view, { input: t.input, output: t.output, colors: noColor, signal: stop.signal });
    stop.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'Cancelled', reason: 'signal' });
  });
});
