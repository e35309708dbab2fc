/**
 * The Markdown constructs whose regular expressions backtracked on lesson
 * text (a stranger's file could freeze the tutor, Ctrl-C included): inline
 * code spans, ATX headings and bullets, found by hand in one pass each. They
 * keep the results of the expressions they replace,
 * `` /(`+)([^`]|[^`].*?[^`])\1(?!`)/g ``, `/^ {0,3}#{1,6} +(.*?)(?: +#+)? *$/`
 * and `/^(\s*)[-*+] +(.*)$/` (test/text/markdown-scan.test.ts compares them
 * on random text).
 */

export interface CodeSpan {
  /** Where the opening backticks start. */
  index: number;
  /** The opening (and closing) backticks. */
  fence: string;
  /** The text between them, untrimmed. */
  content: string;
  /** Just past the closing backticks. */
  end: number;
}

/** Characters `.` does not match in a JavaScript regular expression. */
function isLineEnd(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029';
}

/**
 * Whether `text` holds a character `.` does not match. Four searches, not a
 * loop over the characters: a lesson's first screen is scanned before its
 * first prompt, where that loop ran cold, ~250 instructions a character.
 */
function hasLineEnd(text: string): boolean {
  return text.includes('\n') || text.includes('\r') || text.includes('\u2028') || text.includes('\u2029');
}

/**
 * Every code span, left to right. A run of n backticks opens a span closed
 * by the next run of exactly n; if there is none, the run's last n-1, n-2,
 * ... backticks are tried in turn (as the expression does). The content is
 * at least one character, and only its first and last may end a line.
 */
export function codeSpans(text: string): CodeSpan[] {
  // Most paragraphs have none: skip the passes below (and their table as long as the text).
  if (!text.includes('`')) return [];
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    const start = i;
    while (text[i] === '`') i++;
    starts.push(start);
    lengths.push(i - start);
  }
  // For run r and each n up to its length, the next run of exactly n
  // backticks: found in one backward pass, so the total is the text's size.
  const nextOfLength: number[][] = new Array(starts.length);
  const nearest = new Map<number, number>();
  for (let r = starts.length - 1; r >= 0; r--) {
    const row: number[] = new Array(lengths[r]!);
    for (let n = 1; n <= lengths[r]!; n++) row[n - 1] = nearest.get(n) ?? -1;
    nextOfLength[r] = row;
    nearest.set(lengths[r]!, r);
  }
  // The first line end after each position, for the rule that the content
  // between its first and last character stays on one line.
  const lineEndAfter = new Int32Array(text.length + 1);
  lineEndAfter[text.length] = text.length;
  for (let i = text.length - 1; i >= 0; i--) lineEndAfter[i] = isLineEnd(text[i]) ? i : lineEndAfter[i + 1]!;

  const spans: CodeSpan[] = [];
  for (let r = 0; r < starts.length; r++) {
    const after = starts[r]! + lengths[r]!;
    if (after >= text.length) break;
    const lastClosingStart = lineEndAfter[after + 1]! + 1;
    for (let n = lengths[r]!; n >= 1; n--) {
      const close = nextOfLength[r]![n - 1]!;
      if (close < 0 || starts[close]! > lastClosingStart) continue;
      const index = after - n;
      spans.push({ index, fence: text.slice(index, after), content: text.slice(after, starts[close]!), end: starts[close]! + n });
      r = close;
      break;
    }
  }
  return spans;
}

/** The text of an ATX heading line (`## Title ##`), or undefined if the line is not one. */
export function headingText(line: string): string | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const hashes = i;
  while (line[i] === '#') i++;
  if (i === hashes || i - hashes > 6 || line[i] !== ' ') return undefined;
  while (line[i] === ' ') i++;
  const rest = line.slice(i);
  if (hasLineEnd(rest)) return undefined;
  // The closing sequence: trailing spaces, and before them #s preceded by a space.
  let end = rest.length;
  while (end > 0 && rest[end - 1] === ' ') end--;
  let hashStart = end;
  while (hashStart > 0 && rest[hashStart - 1] === '#') hashStart--;
  if (hashStart < end && hashStart > 0 && rest[hashStart - 1] === ' ') {
    end = hashStart;
    while (end > 0 && rest[end - 1] === ' ') end--;
  }
  return rest.slice(0, end);
}

/** A `- item` line: its indent (leading white space) and text, or undefined if the line is not one. */
export function bulletItem(line: string): { indent: string; text: string } | undefined {
  let i = 0;
  while (i < line.length && /\s/.test(line[i]!)) i++;
  const indent = line.slice(0, i);
  if (!'-*+'.includes(line[i] ?? 'x') || line[i + 1] !== ' ') return undefined;
  i += 2;
  while (line[i] === ' ') i++;
  const text = line.slice(i);
  if (hasLineEnd(text)) return undefined;
  return { indent, text };
}
