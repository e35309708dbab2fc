/**
 * The moment a start is over: the first screen is drawn and the program
 * waits for the learner. Said once per process, as the event
 * `kube-learn:waiting` on `process`, for the launcher (scripts/launcher.cjs):
 * it then keeps the code compiled so far, which is what the next start
 * needs, and not what the rest of a long session compiles. Nothing else
 * listens, and from source nobody does.
 */
export const WAITING_EVENT = 'kube-learn:waiting';

let said = false;

/** Call where a front end starts to wait for input; only the first call says anything. */
export function waitingForLearner(): void {
  if (said) return;
  said = true;
  // process's typings know only Node's own events; it is an EventEmitter like any other.
  const emitter: NodeJS.EventEmitter = process;
  emitter.emit(WAITING_EVENT);
}
