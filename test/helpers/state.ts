/** A fresh, empty state folder (XDG_STATE_HOME), where kube-learn keeps its progress file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StateHome {
  /** The folder to set XDG_STATE_HOME to. */
  home: string;
  /** kube-learn's folder in it. */
  dir: string;
  /** The progress file. */
  file: string;
  cleanup: () => void;
}

export function tempStateHome(): StateHome {
  const home = mkdtempSync(join(tmpdir(), 'kube-learn-state-'));
  const dir = join(home, 'kube-learn');
  return { home, dir, file: join(dir, 'progress.json'), cleanup: () => rmSync(home, { recursive: true, force: true }) };
}
