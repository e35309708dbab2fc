/**
 * Where progress lives. XDG_STATE_HOME is honoured on every platform (not
 * only Linux) so that a learner, or a test, can move it anywhere; it is the
 * only override, so there is one way to point kube-learn elsewhere.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const PROGRESS_FILE = 'progress.json';

/** `$XDG_STATE_HOME/kube-learn`, or `~/.local/state/kube-learn`. */
export function stateDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_STATE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'state');
  return join(base, 'kube-learn');
}

export function progressPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return join(stateDir(env, home), PROGRESS_FILE);
}
