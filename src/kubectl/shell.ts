/**
 * Splitting a command line into words the way a POSIX shell does (quotes,
 * backslash escapes), without running anything: pipes, `&&`, `;`,
 * redirects and command substitution are reported, so the judge can say
 * the answer is more than one kubectl command.
 */

export interface Word {
  /** The word after quote removal. */
  text: string;
  /** Where it starts and ends in the line (the raw characters, quotes included). */
  start: number;
  end: number;
}

export interface ShellOperator {
  /** As typed: `|`, `&&`, `;`, `>`, `$(`, ... */
  text: string;
  start: number;
}

export interface SplitLine {
  words: Word[];
  operators: ShellOperator[];
  /** A quote left open, with where it opened. */
  unclosed?: { quote: string; start: number };
}

/** Sticky: tried at one position of the line, without slicing it. */
const OPERATOR = /\|\||&&|;;|>>|<<|[0-9]?>&?|&>|[|&;<>()]/y;
const STARTS_OPERATOR = new Set('|&;<>()');

/** Nothing a shell would treat specially: split at blanks, no character by character walk. */
const PLAIN = /^[^'"\\`$|&;<>()]*$/;
const BLANKS = /[^ \t\n\r]+/g;

export function splitLine(line: string): SplitLine {
  if (PLAIN.test(line))
    return { words: [...line.matchAll(BLANKS)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length })), operators: [] };
  const words: Word[] = [];
  const operators: ShellOperator[] = [];
  let text = '';
  let start = -1;
  const begin = (i: number) => {
    if (start < 0) start = i;
  };
  const finish = (end: number) => {
    if (start >= 0) words.push({ text, start, end });
    text = '';
    start = -1;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      finish(i);
      continue;
    }
    if (c === '\\') {
      begin(i);
      if (i + 1 < line.length && line[i + 1] !== '\n') text += line[i + 1];
      i++;
      continue;
    }
    if (c === "'") {
      begin(i);
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { words, operators, unclosed: { quote: c, start: i } };
      text += line.slice(i + 1, close);
      i = close;
      continue;
    }
    if (c === '"') {
      begin(i);
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        const d = line[j]!;
        if (d === '\\' && '$`"\\\n'.includes(line[j + 1] ?? '')) {
          text += line[++j];
        } else {
          if ((d === '$' && line[j + 1] === '(') || d === '`') operators.push({ text: d === '`' ? '`' : '$(', start: j });
          text += d;
        }
      }
      if (j >= line.length) return { words, operators, unclosed: { quote: c, start: i } };
      i = j;
      continue;
    }
    if ((c === '$' && line[i + 1] === '(') || c === '`') {
      operators.push({ text: c === '`' ? '`' : '$(', start: i });
      begin(i);
      text += c;
      continue;
    }
    // A digit before > is a redirect only at the start of a word (2>err), as in a shell.
    const digitRedirect = start < 0 && c >= '0' && c <= '9' && line[i + 1] === '>';
    OPERATOR.lastIndex = i;
    const op = STARTS_OPERATOR.has(c) || digitRedirect ? OPERATOR.exec(line) : null;
    if (op) {
      finish(i);
      operators.push({ text: op[0], start: i });
      i += op[0].length - 1;
      continue;
    }
    begin(i);
    text += c;
  }
  finish(line.length);
  return { words, operators };
}

/** What an operator does, for telling the learner why it has no place in the answer. */
export function describeOperator(op: string): string {
  if (op === '|') return 'a pipe `|` sends the output to another program';
  if (op === '&&' || op === '||' || op === ';' || op === ';;') return `\`${op}\` runs a second command`;
  if (op === '&') return '`&` runs the command in the background';
  if (op === '$(' || op === '`') return `\`${op}\` runs another command inside this one`;
  if (op === '(' || op === ')') return `\`${op}\` starts a subshell`;
  return `\`${op}\` redirects input or output`;
}
