/**
 * Where progress lives. XDG_STATE_HOME is honoured on every platform (not
 * only Linux) so that a learner, or a test, can move it anywhere; it is the
 * only override, so there is one way to point kube-learn elsewhere.
 */
import { isAbsolute, join } from 'node:path';

export const PROGRESS_FILE = 'progress.json';

/**
 * HOME, as os.homedir() reads it first; node:os (its password-database
 * lookup) only without one: loading it costs a start a fraction of a millisecond.
 */
function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || process.getBuiltinModule('node:os').homedir();
}

/** `$XDG_STATE_HOME/kube-learn`, or `~/.local/state/kube-learn`. */
export function stateDir(env: NodeJS.ProcessEnv = process.env, home?: string): string {
  const xdg = env.XDG_STATE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  const base = xdg && isAbsolute(xdg) ? xdg : join(home ?? homeOf(env), '.local', 'state');
  return join(base, 'kube-learn');
}

export function progressPath(env: NodeJS.ProcessEnv = process.env, home?: string): string {
  return join(stateDir(env, home), PROGRESS_FILE);
}
