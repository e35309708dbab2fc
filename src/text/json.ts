/**
 * JSON for a terminal or a script. JSON.stringify escapes only C0 controls:
 * DEL, the C1 controls (U+009B acts as ESC [ on some terminals), the line
 * and paragraph separators and the bidirectional controls would reach the
 * terminal raw. Each is written as \uXXXX instead, which any JSON reader
 * turns back into the same character.
 */

// Outside strings JSON is plain ASCII, so every match is inside a string.
const RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function jsonForTerminal(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
