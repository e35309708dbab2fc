/**
 * Text embedded in a lesson file, such as a manifest step's `context`: where
 * a line and column of that text are in the file, so a problem found in it
 * can be reported at `file:line:col`.
 */
import { isScalar, Scalar, type Node } from 'yaml';
import { LineIndex } from '../text/line-index.js';
import type { Position } from './yaml-source.js';

/**
 * A literal block (`context: |`) keeps its lines as written, each indented
 * the same: line L of the text is line L after the `|`, column C is C past
 * the indentation. Any other style (folded, quoted, plain) joins or escapes
 * lines, so its problems are placed at the value's start.
 */
export function embeddedOrigin(fileText: string, node: Node | undefined): (at: Position) => Position {
  const lines = new LineIndex(fileText);
  const start = node?.range?.[0] ?? 0;
  const fallback = lines.linePos(start);
  if (!isScalar(node) || node.type !== Scalar.BLOCK_LITERAL) return () => fallback;
  const header = fallback.line;
  const contentLines = fileText
    .slice(lines.lineStarts[header] ?? fileText.length, node.range![1])
    .replace(/\n\s*$/, '')
    .split('\n');
  const firstText = contentLines.find((l) => l.trim() !== '');
  const indent = firstText === undefined ? 0 : firstText.length - firstText.trimStart().length;
  // A problem at the very end of the text (an unclosed bracket) goes to the end of its last line, still inside the block.
  const last = contentLines.length;
  return (at) =>
    at.line > last ? { line: header + last, col: contentLines[last - 1]!.length + 1 } : { line: header + at.line, col: indent + at.col };
}
