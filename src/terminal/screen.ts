/**
 * What the interactive front end has shown since the current step began,
 * kept as functions of the width, so that after a resize the step can be
 * drawn again, wrapped to the new width, instead of left garbled.
 */
import { toneStyle, type Palette } from './colors.js';
import type { Position, Tone } from '../tutor/prompter.js';
import { renderMarkdown } from '../text/markdown.js';
import { displayWidth } from '../text/width.js';

export type Draw = (width: number) => string;

const CLEAR_SCREEN = '\u001b[H\u001b[2J';

export class Screen {
  private entries: Draw[] = [];
  /** The last entry was a block of text: the next block is set apart by a blank line. */
  private afterText = false;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly colors: Palette,
  ) {}

  get width(): number {
    return Math.max(20, this.out.columns || 80);
  }

  /** The last line written is empty. */
  private endsBlank = false;

  private add(draw: Draw): void {
    this.entries.push(draw);
    const text = draw(this.width);
    this.endsBlank = text === '' || text.endsWith('\n');
    this.out.write(`${text}\n`);
  }

  /** A step begins: what came before it is no longer redrawn. */
  position(p: Position): void {
    const gap = this.endsBlank ? '' : '\n';
    this.entries = [];
    this.afterText = false;
    this.add((width) => gap + progressLine(p, width, this.colors));
  }

  show(text: string, tone: Tone): void {
    const style = toneStyle(this.colors, tone);
    const gap = this.afterText ? '\n' : '';
    this.afterText = true;
    this.add((width) => {
      const rendered = renderMarkdown(text, { width, colors: this.colors });
      return (
        gap +
        (style
          ? rendered
              .split('\n')
              .map((l) => (l ? style(l) : l))
              .join('\n')
          : rendered)
      );
    });
  }

  /**
   * What a prompt was answered with, drawn here rather than left by the
   * prompt (which cleared itself): inquirer breaks its lines at the width
   * mid-word, this wraps at words, and again after a resize.
   */
  answered(draw: Draw): void {
    this.afterText = false;
    this.add(draw);
    this.endsBlank = false;
  }

  /** A prompt follows: set it apart from a block of text above it. */
  beforePrompt(): void {
    if (!this.afterText) return;
    this.afterText = false;
    this.add(() => '');
  }

  /** Clears the screen and draws the current step again at the current width. */
  redraw(): void {
    const width = this.width;
    this.out.write(CLEAR_SCREEN + this.entries.map((draw) => `${draw(width)}\n`).join(''));
  }
}

/** "██████░░░░░░ Step 5 of 22 · Title", the bar dropped when the terminal is narrow. */
export function progressLine(p: Position, width: number, colors: Palette): string {
  const label = `${p.label ?? 'Step'} ${p.number} of ${p.total}${p.title ? ` · ${p.title}` : ''}`;
  const cells = Math.min(20, width - displayWidth(label) - 1);
  if (cells < 5) return colors.muted(label);
  const done = Math.round(((p.number - 1) / p.total) * cells);
  return `${colors.accent('█'.repeat(done))}${colors.muted('░'.repeat(cells - done))} ${colors.muted(label)}`;
}
