/**
 * Process-level tests of the store: real processes, real SIGKILLs, real
 * contention for the lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decode } from '../../src/progress/format.js';
import type { Progress } from '../../src/progress/types.js';
import { bundle } from './helpers/bundle.js';
import { tempStateHome } from '../helpers/state.js';

const KILLS = 50;
const WRITERS = 3;
const SAVES_PER_WRITER = 100;

let saver: string;
let state: ReturnType<typeof tempStateHome>;

beforeAll(async () => {
  saver = await bundle(join(import.meta.dirname, 'helpers', 'saver.ts'));
});

afterAll(() => rmSync(dirname(saver), { recursive: true, force: true }));

beforeEach(() => {
  state = tempStateHome();
});

afterEach(() => state.cleanup());

function start(args: string[]): { child: ChildProcess; acked: () => number; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [saver, ...args], {
    env: { ...process.env, XDG_STATE_HOME: state.home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('ready')) onReady();
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve, reject) =>
    child.on('exit', (code) => (code !== null && code !== 0 ? reject(new Error(`saver failed: ${err}`)) : resolve(code))),
  );
  const acked = () => Math.max(0, ...[...out.matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1])));
  return { child, acked, ready, exited };
}

/** The step numbers saved under `prefix`, checking the file is whole, they run 1..n without a gap, and each has its review card. */
function savedPrefix(lessonId: string, prefix: string): number {
  if (!existsSync(state.file)) return 0;
  const decoded = decode(readFileSync(state.file, 'utf8'));
  expect(decoded.kind).toBe('ok');
  if (decoded.kind !== 'ok') return -1;
  const ids = [...(decoded.progress.lessons.get(lessonId)?.steps.keys() ?? [])].filter((k) => k.startsWith(prefix));
  const cards = [...(decoded.progress.lessons.get(lessonId)?.cards.keys() ?? [])].filter((k) => k.startsWith(prefix));
  expect(cards.sort()).toEqual([...ids].sort());
  const numbers = ids.map((k) => Number(k.slice(prefix.length))).sort((a, b) => a - b);
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  return numbers.length;
}

describe('a writer killed at random moments', () => {
  it(`leaves a whole file holding a prefix of its saves, ${KILLS} kills in a row`, { timeout: 120_000 }, async () => {
    // A learner's file with cards (format 3) to start from: the kills must not cost it any of them.
    mkdirSync(state.dir, { recursive: true, mode: 0o700 });
    const fixture = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'progress', 'v3.json'), 'utf8');
    writeFileSync(state.file, fixture);
    const cardsBefore = (decode(fixture) as { progress: Progress }).progress.lessons.get('day5')!.cards;
    let before = 0;
    for (let i = 0; i < KILLS; i++) {
      const run = start(['day4', 's', 'forever']);
      await run.ready;
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe(null);
      const acked = run.acked();
      const inFile = savedPrefix('day4', 's');
      // Every save the writer saw return is in the file; at most the one in flight beyond it.
      expect(inFile).toBeGreaterThanOrEqual(Math.max(acked, before));
      expect(inFile).toBeLessThanOrEqual(Math.max(acked, before) + 1);
      before = inFile;
    }
    expect(before).toBeGreaterThan(0);
    expect(readdirSync(state.dir).filter((f) => f.includes('corrupt'))).toEqual([]);
    const after = decode(readFileSync(state.file, 'utf8'));
    expect(after.kind === 'ok' && after.progress.lessons.get('day5')!.cards).toEqual(cardsBefore);
    // Whatever the kills left (a lock, temp files) does not stop the next writer.
    const last = start(['day4', 's', '3']);
    await last.exited;
    expect(savedPrefix('day4', 's')).toBe(before + 3);
  });
});

describe('writers at the same time', () => {
  it(`lose nothing: ${WRITERS} processes, ${SAVES_PER_WRITER} saves each, one lesson`, { timeout: 120_000 }, async () => {
    const runs = Array.from({ length: WRITERS }, (_, w) => start(['day4', `w${w}-`, String(SAVES_PER_WRITER)]));
    expect(await Promise.all(runs.map((r) => r.exited))).toEqual(runs.map(() => 0));
    for (let w = 0; w < WRITERS; w++) expect(savedPrefix('day4', `w${w}-`)).toBe(SAVES_PER_WRITER);
    const decoded = decode(readFileSync(state.file, 'utf8'));
    expect(decoded.kind === 'ok' && decoded.progress.lessons.get('day4')!.steps.size).toBe(WRITERS * SAVES_PER_WRITER);
    expect(decoded.kind === 'ok' && decoded.progress.lessons.get('day4')!.cards.size).toBe(WRITERS * SAVES_PER_WRITER);
    expect(readdirSync(state.dir)).toEqual(['progress.json']);
  });

  it('lose nothing across lessons either', { timeout: 60_000 }, async () => {
    const runs = ['day4', 'day5'].map((lesson) => start([lesson, 'x', '60']));
    await Promise.all(runs.map((r) => r.exited));
    expect(savedPrefix('day4', 'x')).toBe(60);
    expect(savedPrefix('day5', 'x')).toBe(60);
  });
});
