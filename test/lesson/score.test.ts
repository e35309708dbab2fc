import { describe, expect, it } from 'vitest';
import { scoreOf, stillApplies, tally } from '../../src/lesson/score.js';

const steps = [
  { id: 'intro', type: 'explain' },
  { id: 'q1', type: 'choice' },
  { id: 'q2', type: 'text' },
  { id: 'q3', type: 'manifest' },
  { id: 'q4', type: 'multi' },
];

describe('scoring', () => {
  it('names how a settled question went', () => {
    expect(scoreOf({ type: 'choice', status: 'right', firstTry: true })).toBe('right-first-try');
    expect(scoreOf({ type: 'choice', status: 'right', firstTry: false })).toBe('right-after-retry');
    expect(scoreOf({ type: 'choice', status: 'wrong', firstTry: false })).toBe('missed');
    expect(scoreOf({ type: 'choice', status: 'skipped', firstTry: false })).toBe('skipped');
  });

  it('a saved answer applies while the step keeps its id and type', () => {
    expect(stillApplies({ id: 'q1', type: 'choice' }, { type: 'choice', status: 'right', firstTry: true })).toBe(true);
    expect(stillApplies({ id: 'q1', type: 'multi' }, { type: 'choice', status: 'right', firstTry: true })).toBe(false);
    expect(stillApplies({ id: 'q1', type: 'choice' }, { stepId: 'q9', type: 'choice', status: 'right', firstTry: true })).toBe(false);
    expect(stillApplies({ id: 'q1', type: 'choice' }, undefined)).toBe(false);
  });

  it('tallies a lesson against what was saved, skipping answers that no longer apply', () => {
    const saved = new Map([
      ['intro', { type: 'explain', status: 'seen' as const, firstTry: false }],
      ['q1', { type: 'choice', status: 'right' as const, firstTry: false }],
      ['q2', { type: 'choice', status: 'right' as const, firstTry: true }],
      ['q3', { type: 'manifest', status: 'skipped' as const, firstTry: false }],
      ['gone', { type: 'text', status: 'right' as const, firstTry: true }],
    ]);
    expect(tally(steps, (id) => saved.get(id))).toEqual({
      total: 5,
      settled: 3,
      questions: 4,
      answered: 2,
      right: 0,
      byScore: { 'right-first-try': 0, 'right-after-retry': 1, missed: 0, skipped: 1 },
      missed: ['q1', 'q3'],
      nextIndex: 2,
    });
  });
});
