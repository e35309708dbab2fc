/**
 * Lesson files may come from strangers. Their text must never drive the
 * terminal: an ESC could start a CSI/OSC/DCS sequence that moves the cursor,
 * rewrites the screen, hides a link target or changes the window title, and
 * C1 controls such as U+009B act as ESC-[ on some terminals. Every control
 * character except newline and tab is made visible instead, and so are the
 * bidirectional overrides that can reorder what a reader sees and the line
 * and paragraph separators (U+2028, U+2029), which terminals show as
 * nothing or as a break the program never made.
 */

// C0 controls but \t and \n, DEL, C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.codePointAt(0)!;
  // Control Pictures (U+2400 block) show C0 controls as one readable glyph: ESC -> ␛.
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

const UNSAFE_OR_CR = new RegExp(`${UNSAFE.source}|\\r`);

/** Whether neutralize could change the text (when not, it is the text itself). */
export function needsNeutralizing(text: string): boolean {
  return UNSAFE_OR_CR.test(text);
}

/** The text with every terminal-driving character made visible. */
export function neutralize(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, visible);
}

/** `neutralize` applied to every string inside a JSON-like value. */
export function neutralizeDeep<T>(value: T): T {
  if (typeof value === 'string') return neutralize(value) as T;
  if (Array.isArray(value)) return value.map((v) => neutralizeDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = neutralizeDeep(v);
    return out as T;
  }
  return value;
}
