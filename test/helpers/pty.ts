/**
 * Running the built CLI in a pseudo-terminal, the way a person runs it: the
 * byte stream goes through a headless terminal emulator, and tests assert on
 * the screen a person would see. Waits poll the screen with a generous
 * timeout; there are no fixed sleeps.
 *
 * A frame the program writes at once can reach the emulator in several
 * reads, so a wait that matches the top of a frame could otherwise return
 * before its bottom (a help line) arrives. A wait therefore returns only once
 * the output has been quiet for a moment after the match.
 */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { childEnv, CLI, ROOT, type Env } from './spawn.js';

export const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  enter: '\r',
  space: ' ',
  ctrlC: '\u0003',
  ctrlD: '\u0004',
  backspace: '\u007f',
} as const;

/** The pause after an explanation, as a terminal shows it (src/terminal/pause.ts). */
export const PAUSE = '? Ready? ⏎ continue • q save and quit';

const QUIET_MS = 40;
const SETTLE_MS = 1_000;

export interface PtyOptions {
  cols?: number;
  rows?: number;
  env?: Env;
  cwd?: string;
}

export interface Exit {
  exitCode: number;
  signal?: number;
}

export class PtySession {
  readonly term: xterm.Terminal;
  private readonly proc: pty.IPty;
  /** Every byte the program wrote, as text. */
  raw = '';
  /** When the program last wrote (performance.now()), for waits to settle. */
  private lastData = 0;
  readonly exited: Promise<Exit>;
  private exit?: Exit;

  constructor(args: readonly string[], opts: PtyOptions = {}) {
    const cols = opts.cols ?? 80;
    const rows = opts.rows ?? 30;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
    const env = childEnv({ TERM: 'xterm-256color', ...opts.env });
    // node-pty sets TERM from `name`, over env.TERM.
    this.proc = pty.spawn(process.execPath, [CLI, ...args], { name: env.TERM ?? 'xterm-256color', cols, rows, cwd: opts.cwd ?? ROOT, env });
    this.proc.onData((data) => {
      this.raw += data;
      this.lastData = performance.now();
      this.term.write(data);
    });
    this.exited = new Promise((resolve) => {
      this.proc.onExit((e) => {
        this.exit = e;
        resolve(e);
      });
    });
  }

  /** The visible screen, one line per row, trailing spaces trimmed. */
  screen(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = buffer.viewportY; i < buffer.viewportY + this.term.rows; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  }

  /** Everything on the screen and in the scrollback. */
  text(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  }

  /** Lets the emulator finish parsing what has arrived. */
  private flush(): Promise<void> {
    return new Promise((resolve) => this.term.write('', resolve));
  }

  /** Waits until the screen shows `what` (or `what` returns true for the screen). */
  async waitFor(what: string | RegExp | ((screen: string) => boolean), timeoutMs = 20_000): Promise<string> {
    const test = typeof what === 'function' ? what : (s: string) => (typeof what === 'string' ? s.includes(what) : what.test(s));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.flush();
      const screen = this.screen();
      if (test(screen)) return this.settled(test, screen);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(what)}; the screen shows:\n${screen}`);
      if (this.exit)
        throw new Error(`the program exited (${JSON.stringify(this.exit)}) before showing ${String(what)}; the screen shows:\n${screen}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** The screen once no byte has arrived for QUIET_MS (at most SETTLE_MS), still matching. */
  private async settled(test: (screen: string) => boolean, matched: string): Promise<string> {
    const giveUp = performance.now() + SETTLE_MS;
    while (performance.now() - this.lastData < QUIET_MS && performance.now() < giveUp && !this.exit)
      await new Promise((r) => setTimeout(r, QUIET_MS));
    await this.flush();
    const screen = this.screen();
    return test(screen) ? screen : matched;
  }

  press(keys: string): void {
    this.proc.write(keys);
  }

  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  async waitForExit(timeoutMs = 20_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the program did not exit; the screen shows:\n${this.screen()}`)), timeoutMs);
    });
    try {
      const exit = await Promise.race([this.exited, timeout]);
      await this.flush();
      return exit;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a signal (default SIGHUP, as when the terminal closes) unless the program has exited. */
  kill(signal?: string): void {
    if (!this.exit) this.proc.kill(signal);
  }
}
