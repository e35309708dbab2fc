import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempName, writeFileAtomic } from '../../src/progress/atomic.js';
import { ProgressStore } from '../../src/progress/store.js';
import { tempStateHome } from '../helpers/state.js';
import { seen } from './helpers/outcomes.js';

let state: ReturnType<typeof tempStateHome>;
let store: ProgressStore;

beforeEach(() => {
  state = tempStateHome();
  store = ProgressStore.fromEnv({ XDG_STATE_HOME: state.home });
});

afterEach(() => state.cleanup());

describe('the atomic write', () => {
  it('writes text, or bytes in parts, in order', () => {
    mkdirSync(state.dir, { recursive: true });
    const target = state.file;
    writeFileAtomic(target, 'é, then more');
    expect(readFileSync(target, 'utf8')).toBe('é, then more');
    const parts = ['{', '', '"a": ', 'x'.repeat(100_000), '}\n'].map((p) => Buffer.from(p));
    writeFileAtomic(target, parts);
    expect(readFileSync(target).equals(Buffer.concat(parts))).toBe(true);
  });

  it('never follows a symlink planted at the temp path', () => {
    mkdirSync(state.dir, { recursive: true });
    const victim = join(state.home, 'victim');
    writeFileSync(victim, 'precious');
    const names = ['planted', 'fresh'];
    symlinkSync(victim, tempName(state.file, 'planted'));
    writeFileAtomic(state.file, 'data', { random: () => names.shift()! });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(state.file, 'utf8')).toBe('data');
    expect(lstatSync(tempName(state.file, 'planted')).isSymbolicLink()).toBe(true);
    expect(names).toEqual([]);
  });

  it('never follows a symlink planted at a guessable name, in a real save', async () => {
    mkdirSync(state.dir, { recursive: true });
    const victim = join(state.home, 'victim');
    writeFileSync(victim, 'precious');
    for (const guess of ['progress.json.tmp', '.progress.json.tmp', `progress.json.${process.pid}`, `.progress.json.${process.pid}.tmp`]) {
      symlinkSync(victim, join(state.dir, guess));
    }
    await store.record('day4', seen('intro'));
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(state.file).isFile()).toBe(true);
  });

  it('gives up rather than write through something it did not create', () => {
    mkdirSync(state.dir, { recursive: true });
    symlinkSync('/dev/null', tempName(state.file, 'same'));
    expect(() => writeFileAtomic(state.file, 'data', { random: () => 'same' })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(existsSync(state.file)).toBe(false);
  });

  it('clears temp files left by a killed writer once they are old', async () => {
    mkdirSync(state.dir, { recursive: true });
    const old = tempName(state.file, 'killed');
    const young = tempName(state.file, 'writing');
    writeFileSync(old, 'half');
    writeFileSync(young, 'half');
    const past = new Date(Date.now() - 5 * 60_000);
    utimesSync(old, past, past);
    await store.record('day4', seen('intro'));
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
  });
});
