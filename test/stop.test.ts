/**
 * Stop: the one-shot abort that signal handlers use, in place of an
 * AbortController. It must dispatch as an AbortSignal does: the code that
 * listens was written against one (and tests pass one).
 */
import { describe, expect, it } from 'vitest';
import { Stop, type StopSignal } from '../src/stop.js';

/** What each kind of signal calls, in order, for the same script of listeners. */
function script(make: () => { signal: StopSignal; abort: () => void }): string[] {
  const calls: string[] = [];
  const { signal, abort } = make();
  const a = () => calls.push('a');
  const b = () => calls.push('b');
  const once = () => calls.push('once');
  const removed = () => calls.push('removed');
  const removesLater = () => {
    calls.push('removesLater');
    signal.removeEventListener('abort', late);
    signal.addEventListener('abort', addedDuring);
  };
  const late = () => calls.push('late');
  const addedDuring = () => calls.push('addedDuring');
  signal.addEventListener('abort', a);
  signal.addEventListener('abort', a);
  signal.addEventListener('abort', once, { once: true });
  signal.addEventListener('abort', removed);
  signal.removeEventListener('abort', removed);
  signal.addEventListener('abort', removesLater);
  signal.addEventListener('abort', late);
  signal.addEventListener('abort', b);
  calls.push(`before ${signal.aborted}`);
  abort();
  calls.push(`after ${signal.aborted}`);
  abort();
  return calls;
}

describe('Stop', () => {
  it('calls its listeners as an AbortSignal does: in order, each once, not one removed meanwhile, one added meanwhile', () => {
    const ours = script(() => {
      const stop = new Stop();
      return { signal: stop.signal, abort: () => stop.abort() };
    });
    const node = script(() => {
      const controller = new AbortController();
      return { signal: controller.signal, abort: () => controller.abort() };
    });
    expect(ours).toEqual(['before false', 'a', 'once', 'removesLater', 'b', 'addedDuring', 'after true']);
    expect(ours).toEqual(node);
  });

  it('keeps a listener that is not `once` after the stop, and drops a `once` one', () => {
    const stop = new Stop();
    const calls: string[] = [];
    const kept = () => calls.push('kept');
    stop.addEventListener('abort', kept);
    stop.addEventListener('abort', () => calls.push('once'), { once: true });
    stop.abort();
    // Adding it again after the stop does not add a second copy, and a later stop calls nothing.
    stop.addEventListener('abort', kept);
    stop.abort();
    expect(calls).toEqual(['kept', 'once']);
  });
});
