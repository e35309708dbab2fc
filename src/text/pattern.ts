/**
 * The regular expressions a lesson gives (a check's `matches`, a text
 * question's `accept_pattern`), run by RE2JS, a pure-JavaScript port of RE2:
 * its matching time is linear in the text, whatever the pattern. Node's own
 * engine backtracks: `^(.*)*latest$` took about two minutes on a 35-character
 * image name, with Ctrl-C ignored. The price is RE2's syntax, which has no
 * backreferences and no lookaround (lint rejects a pattern that uses them).
 * The engine (~260 kB) is loaded on the first pattern, never at start-up.
 */
import { RE2JS } from 're2js';

export interface Pattern {
  /** Whether the pattern matches somewhere in `text` (anchor it with ^…$ to match all of it). */
  test(text: string): boolean;
}

export type Compiled = { ok: true; pattern: Pattern } | { ok: false; error: string };

/**
 * Compiled patterns by source and options: lint of a pack compiles the same
 * few patterns in every lesson, and RE2JS's compile is its costly part.
 * A compiled pattern holds no state between tests.
 */
const compiledPatterns = new Map<string, Compiled>();

/**
 * The pattern, compiled; or why it cannot run, in a sentence a lesson author
 * can act on. `whole`: it must match the whole text; `ignoreCase`: letters
 * match either case.
 */
export function compilePattern(source: string, opts: { whole?: boolean; ignoreCase?: boolean } = {}): Compiled {
  const key = `${opts.whole ? 'w' : '-'}${opts.ignoreCase ? 'i' : '-'}${source}`;
  let compiled = compiledPatterns.get(key);
  if (!compiled) {
    // Bounded: the patterns of a pack are few; a stranger's thousands are not all kept.
    if (compiledPatterns.size >= 1000) compiledPatterns.clear();
    compiled = compile(source, opts);
    compiledPatterns.set(key, compiled);
  }
  return compiled;
}

function compile(source: string, opts: { whole?: boolean; ignoreCase?: boolean }): Compiled {
  const flags = opts.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0;
  try {
    const re = RE2JS.compile(opts.whole ? `^(?:${source})$` : source, flags);
    return { ok: true, pattern: { test: (text) => re.test(text) } };
  } catch (error) {
    // Say what is wrong with the author's own text, not with the anchored form of it.
    try {
      RE2JS.compile(source);
    } catch (own) {
      return { ok: false, error: explain(source, own) };
    }
    return { ok: false, error: explain(source, error) };
  }
}

function explain(source: string, error: unknown): string {
  const reason = (error as { error?: unknown }).error;
  const input = (error as { input?: unknown }).input;
  const what =
    typeof reason === 'string' ? `${reason}${typeof input === 'string' && input !== '' ? ` at \`${input}\`` : ''}` : 'not a valid pattern';
  const unsupported = /\\[1-9]|\\k<|\(\?<?[=!]/.test(source);
  return unsupported
    ? `"${source}" uses a backreference or lookaround, which kube-learn's patterns cannot run (RE2 syntax, matched in linear time): ${what}`
    : `"${source}" is not a valid regular expression (RE2 syntax): ${what}`;
}

export type CompilePattern = typeof compilePattern;
