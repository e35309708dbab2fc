/**
 * How SIGINT, SIGTERM and SIGHUP reach the prompt in front of the learner:
 * a one-shot "stop" with abort listeners, the part of AbortController that
 * kube-learn uses. Not AbortController itself: making one loads Node's
 * abort_controller module, and its EventTarget's first listeners run cold
 * validation code, ~1 ms of a lesson's way to its first prompt (fresh
 * process: 0.2-0.3 ms the constructor, 0.8-1.3 ms five listener calls).
 * An AbortSignal is a StopSignal, so code that takes one takes either.
 */

export interface StopSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export class Stop implements StopSignal {
  private stopped = false;
  /** In the order added; each listener once, as an EventTarget keeps it. */
  private readonly listeners = new Map<() => void, { once: boolean }>();

  get aborted(): boolean {
    return this.stopped;
  }

  /** This object is its own signal, as `controller.signal` is an AbortController's. */
  get signal(): StopSignal {
    return this;
  }

  addEventListener(_type: 'abort', listener: () => void, options?: { once?: boolean }): void {
    if (!this.listeners.has(listener)) this.listeners.set(listener, { once: options?.once === true });
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }

  /**
   * Stops, once: each listener is called in the order it was added, as
   * Node's EventTarget dispatches (a Map's iteration is live, as its list
   * is: a listener removed meanwhile is not called, one added meanwhile
   * is); later calls do nothing.
   */
  abort(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const [listener, { once }] of this.listeners) {
      if (once) this.listeners.delete(listener);
      listener();
    }
  }
}
