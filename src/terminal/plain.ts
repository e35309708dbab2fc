/**
 * The plain front end: line by line, a contract that scripts, screen-reader
 * users and dumb terminals rely on. A question is a line beginning "? " and
 * its options "  1) text"; every answer is one line; no cursor movement and
 * no escapes unless colour was forced.
 */
import { resolve } from 'node:path';
import { Cancelled } from '../errors.js';
import { neutralize } from '../text/sanitize.js';
import { whyNot } from '../text/words.js';
import { toneStyle, type Palette } from './colors.js';
import { LineReader } from './lines.js';
import { actionOf, ALL_KEYS, KEYS } from './actions.js';
import { parseChoice, parseChoices, parseText, parseYesNo, type Parsed } from './plain-input.js';
import type { Position, Prompter, Question, Reply, Tone } from '../tutor/prompter.js';
import { fenced, inlinePieces, renderMarkdown } from '../text/markdown.js';
import { wrapPieces, type Piece } from '../text/width.js';
import type { StopSignal } from '../stop.js';
import { waitingForLearner } from './waiting.js';

/** Where the plain front end writes: a stream, or standard output's writer (./stdout.ts). */
export interface PlainOutput {
  write(text: string): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface PlainOptions {
  /** A function: asked for the stream at the first read (./lines.ts). */
  input: NodeJS.ReadableStream | (() => NodeJS.ReadableStream);
  output: PlainOutput;
  /** Columns to wrap at, asked at each write so a resized terminal counts. */
  width: () => number;
  colors: Palette;
  /** Aborted on SIGINT/SIGTERM/SIGHUP: the pending read throws Cancelled('signal'). */
  signal?: StopSignal;
  /** Where `@file.yaml` paths are relative to. */
  cwd?: string;
  /**
   * The output is a terminal: one-line messages are wrapped at words too,
   * where the terminal would cut them mid-word. In a pipe each stays one line.
   */
  terminal?: boolean;
}

/** A manifest read with @file is a text file, not a disk image. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

async function readManifestFile(spec: string, cwd: string): Promise<Parsed<string>> {
  const shown = neutralize(spec);
  const name = spec.startsWith('~/') ? resolve(process.getBuiltinModule('node:os').homedir(), spec.slice(2)) : resolve(cwd, spec);
  try {
    // Loaded here, not at start-up: few learners answer with @file.
    const { readRegularFile } = await import('../text/read-file.js');
    const read = await readRegularFile(name, MAX_MANIFEST_BYTES);
    if (read.kind === 'folder' || read.kind === 'not-regular') return { ok: false, message: `${shown} is not a file.` };
    if (read.kind === 'too-large') return { ok: false, message: `${shown} is larger than 1 MiB.` };
    return { ok: true, value: read.text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = whyNot(code) ?? `cannot be read (${code ?? String(error)})`;
    return { ok: false, message: `${shown}: ${why}.` };
  }
}

export class PlainPrompter implements Prompter {
  private readonly lines: LineReader;
  private introduced = false;
  private lastManifest?: string;
  /** The last thing printed was a block of text: the next thing is set apart by a blank line. */
  private afterText = false;
  /**
   * What a call printed, written in one piece when it is done (or before it
   * reads), not a write per line and blank line: each write is a system call
   * and, on a pipe, a wake-up of the reader. Nothing is held past the call,
   * so its order with stderr stays as it was.
   */
  private pending = '';

  constructor(private readonly opts: PlainOptions) {
    this.lines = new LineReader(opts.input, opts.signal);
    // A reader that went away (`| head`, a closed terminal) ends the session like the end of input,
    // instead of an unhandled EPIPE. Left attached: later writes may fail the same way.
    opts.output.on('error', () => this.lines.fail(new Cancelled('eof', 'Output closed')));
  }

  private get width(): number {
    return Math.max(20, this.opts.width());
  }

  private print(text = ''): void {
    this.pending += `${text}\n`;
  }

  private flush(): void {
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.opts.output.write(text);
  }

  /** A one-line message, wrapped at words in a terminal (later lines indented by `indent`). */
  private say(pieces: Piece[], indent = ''): void {
    const lines = this.opts.terminal
      ? wrapPieces(pieces, this.width, '', indent)
      : [pieces.map((p) => (p.style ? p.style(p.text) : p.text)).join('')];
    this.print(lines.join('\n'));
  }

  private problem(message: string): void {
    this.say([{ text: message, style: this.opts.colors.wrong }]);
  }

  /** Prints a blank line if a block of text came just before, so blocks stand apart. */
  private gap(): void {
    if (this.afterText) this.print();
    this.afterText = false;
  }

  private async read(): Promise<string> {
    this.flush();
    waitingForLearner();
    const line = await this.lines.next();
    if (line === undefined) throw new Cancelled('eof', 'End of input');
    return line;
  }

  async position(p: Position): Promise<void> {
    this.afterText = false;
    this.print();
    this.say([{ text: `${p.label ?? 'Step'} ${p.number} of ${p.total}${p.title ? `: ${p.title}` : ''}`, style: this.opts.colors.muted }]);
    this.flush();
  }

  async show(text: string, tone: Tone = 'plain'): Promise<void> {
    const style = toneStyle(this.opts.colors, tone);
    const rendered = renderMarkdown(text, { width: this.width, colors: this.opts.colors });
    this.gap();
    this.afterText = true;
    this.print(
      style
        ? rendered
            .split('\n')
            .map((l) => (l ? style(l) : l))
            .join('\n')
        : rendered,
    );
    this.flush();
  }

  async pause(): Promise<'continue' | 'quit'> {
    this.gap();
    this.print('[Enter] to continue');
    return actionOf(await this.read()) === 'quit' ? 'quit' : 'continue';
  }

  /**
   * "? question", wrapped with a hanging indent, then the options as "  1) text".
   * The keys are said once, before the first question; re-reading only where
   * there is something to re-read (a review has no explanations before its
   * questions).
   */
  private printQuestion(q: Question, text: string, options: readonly string[] = []): void {
    const { colors } = this.opts;
    this.gap();
    if (!this.introduced) {
      this.introduced = true;
      this.say([{ text: `At any question: ${q.canReread ? ALL_KEYS : KEYS}.` }]);
    }
    const body = renderMarkdown(text, { width: this.width - 2, colors }).split('\n');
    this.print(body.map((l, i) => (i === 0 ? `${colors.accent('?')} ${l}` : l ? `  ${l}` : '')).join('\n'));
    options.forEach((o, i) => {
      const label = `  ${i + 1}) `;
      this.print(wrapPieces(inlinePieces(o, colors), this.width, label, ' '.repeat(label.length)).join('\n'));
    });
  }

  /** Reads lines until one is an answer or a command; other lines get a message and the question again. */
  private async answer<T>(print: () => void, parse: (line: string) => Parsed<T>): Promise<Reply<T>> {
    print();
    for (;;) {
      const line = await this.read();
      const cmd = actionOf(line);
      if (cmd) return { kind: cmd };
      const parsed = parse(line);
      if (parsed.ok) return { kind: 'answer', value: parsed.value };
      this.problem(parsed.message);
      print();
    }
  }

  chooseOne(q: Question, options: readonly string[]): Promise<Reply<number>> {
    return this.answer(
      () => this.printQuestion(q, q.text, options),
      (line) => parseChoice(line, options),
    );
  }

  chooseSome(q: Question, options: readonly string[]): Promise<Reply<number[]>> {
    return this.answer(
      () => this.printQuestion(q, `${q.text} (one or more)`, options),
      (line) => parseChoices(line, options),
    );
  }

  askText(q: Question): Promise<Reply<string>> {
    return this.answer(() => this.printQuestion(q, q.text), parseText);
  }

  async askLines(q: Question, initial: string): Promise<Reply<string>> {
    const showStart = initial.trim() !== '' && initial !== this.lastManifest;
    const print = () => {
      this.printQuestion(q, q.text);
      this.print(
        renderMarkdown('Type it line by line, then a line with just EOF; or @file.yaml reads a file.', {
          width: this.width,
          colors: this.opts.colors,
        }),
      );
      if (showStart) this.print(renderMarkdown(`Start from:\n\n${fenced(initial)}`, { width: this.width, colors: this.opts.colors }));
      // What follows (the problems found) stands apart from the lines the learner typed.
      this.afterText = true;
    };
    print();
    for (;;) {
      const first = await this.read();
      const cmd = actionOf(first);
      if (cmd) return { kind: cmd };
      if (first.trim().startsWith('@')) {
        const file = await readManifestFile(first.trim().slice(1).trim(), this.opts.cwd ?? process.cwd());
        if (file.ok) return this.manifest(file.value);
        this.problem(file.message);
        print();
        continue;
      }
      const lines: string[] = [];
      let size = 0;
      for (let line = first; line.trimEnd() !== 'EOF'; line = await this.read()) {
        // Keep reading to the EOF line, but only keep a manifest's worth: endless input must not fill memory.
        size += line.length + 1;
        if (size <= MAX_MANIFEST_BYTES) lines.push(line);
      }
      if (size > MAX_MANIFEST_BYTES) {
        this.problem('That manifest is larger than 1 MiB; a Pod fits in a few lines.');
        print();
        continue;
      }
      return this.manifest(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    }
  }

  private manifest(text: string): Reply<string> {
    this.lastManifest = text;
    return { kind: 'answer', value: text };
  }

  async confirm(message: string, defaultYes: boolean): Promise<boolean> {
    for (;;) {
      this.gap();
      this.say([{ text: '?', style: this.opts.colors.accent }, { text: ` ${message} ${defaultYes ? '(Y/n)' : '(y/N)'}` }], '  ');
      const line = await this.read();
      if (actionOf(line) === 'quit') throw new Cancelled('quit', 'Quit');
      const parsed = parseYesNo(line, defaultYes);
      if (parsed.ok) return parsed.value;
      this.problem(parsed.message);
    }
  }

  close(): void {
    this.flush();
    this.lines.close();
  }
}
