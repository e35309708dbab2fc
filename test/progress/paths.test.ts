import { describe, expect, it } from 'vitest';
import { progressPath, stateDir } from '../../src/progress/paths.js';

describe('where progress lives', () => {
  it('honours XDG_STATE_HOME', () => {
    expect(progressPath({ XDG_STATE_HOME: '/x/state' }, '/home/ann')).toBe('/x/state/kube-learn/progress.json');
  });

  it('defaults to ~/.local/state', () => {
    expect(progressPath({}, '/home/ann')).toBe('/home/ann/.local/state/kube-learn/progress.json');
    expect(stateDir({ XDG_STATE_HOME: '' }, '/home/ann')).toBe('/home/ann/.local/state/kube-learn');
  });

  it('finds the home folder in HOME, as os.homedir() does, and asks the system without one', async () => {
    expect(progressPath({ HOME: '/home/bo' })).toBe('/home/bo/.local/state/kube-learn/progress.json');
    const { homedir } = await import('node:os');
    expect(stateDir({ HOME: '' })).toBe(`${homedir()}/.local/state/kube-learn`);
  });

  it('ignores a relative XDG_STATE_HOME, as the XDG spec says', () => {
    expect(stateDir({ XDG_STATE_HOME: 'state' }, '/home/ann')).toBe('/home/ann/.local/state/kube-learn');
  });
});
