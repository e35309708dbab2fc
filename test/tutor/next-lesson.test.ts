import { describe, expect, it } from 'vitest';
import { offerNext } from '../../src/tutor/next-lesson.js';
import { ScriptedPrompter } from '../helpers/scripted-prompter.js';

const LESSONS = [
  { id: 'day4', title: 'Create your first Pod', day: 4 },
  { id: 'day5', title: 'Deployments', day: 5 },
];
const command = (id: string) => `kube-learn ${id}`;

describe('offerNext', () => {
  it('interactive: asks to start the next day (yes by default) and returns it on yes', async () => {
    const p = new ScriptedPrompter([true]);
    const next = await offerNext(p, 'day5', { lessons: LESSONS, ask: true, command });
    expect(next?.id).toBe('day5');
    expect(p.events).toEqual([{ kind: 'confirm', message: 'Next: day 5, Deployments. Start it now?', defaultYes: true }]);
  });

  it('interactive, no: says how to start it later', async () => {
    const p = new ScriptedPrompter([false]);
    expect(await offerNext(p, 'day5', { lessons: LESSONS, ask: true, command })).toBeUndefined();
    expect(p.shown).toEqual(['To start it later, run `kube-learn day5`']);
  });

  it('plain: names the command and asks nothing', async () => {
    const p = new ScriptedPrompter([]);
    expect(await offerNext(p, 'day5', { lessons: LESSONS, ask: false, command })).toBeUndefined();
    expect(p.events).toEqual([{ kind: 'show', text: 'Next: kube-learn day5', tone: 'note' }]);
  });

  it('a next that is no known lesson is shown as text, in both front ends', async () => {
    for (const ask of [true, false]) {
      const p = new ScriptedPrompter([]);
      expect(await offerNext(p, 'Go on with `kube-learn day9`.', { lessons: LESSONS, ask, command })).toBeUndefined();
      expect(p.events).toEqual([{ kind: 'show', text: 'Next: Go on with `kube-learn day9`.', tone: 'note' }]);
    }
  });

  it('no next: nothing', async () => {
    const p = new ScriptedPrompter([]);
    expect(await offerNext(p, undefined, { lessons: LESSONS, ask: true, command })).toBeUndefined();
    expect(p.events).toEqual([]);
  });
});
