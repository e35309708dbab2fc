/**
 * A word as a shell command line shows it, ready to paste: bare when safe,
 * else in single quotes; and when it holds characters a terminal would act
 * on (controls, line separators, bidirectional overrides), in $'…' with
 * each of them escaped (bash, zsh and ksh read it back as the same word),
 * so printing the command can never drive the terminal.
 */

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function escaped(ch: string): string {
  if (ch === '\\' || ch === "'") return `\\${ch}`;
  if (!UNPRINTABLE.test(ch)) return ch;
  const code = ch.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function shellQuote(word: string): string {
  if (/^[\w./@:=-]+$/.test(word)) return word;
  if (!UNPRINTABLE.test(word)) return `'${word.replace(/'/g, `'\\''`)}'`;
  return `$'${Array.from(word, escaped).join('')}'`;
}
