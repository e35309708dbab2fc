/**
 * Line and column of a character offset, worked out from the text itself.
 * The yaml package's LineCounter is fed by its lexer, which misses newlines
 * inside tokens on broken lines, so positions drifted past the end of lines
 * after a syntax error; the text never lies.
 */
export class LineIndex {
  /** The offset at which each line starts. */
  readonly lineStarts: readonly number[];
  private readonly starts: number[] = [0];
  private readonly length: number;

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.lineStarts = this.starts;
    this.length = text.length;
  }

  /** 1-based line and column; an offset past the end is clamped to the end. */
  linePos(offset: number): { line: number; col: number } {
    const at = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: at - this.starts[low]! + 1 };
  }
}
