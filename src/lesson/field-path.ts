/**
 * The field paths lesson checks use: `spec.containers[0].image`, `[*]` for
 * every item of a list (or every value of a mapping), and `["key.with.dots"]`
 * for keys that contain ".", "[" or "]" (`metadata.labels["app.kubernetes.io/name"]`).
 * The grammar lives with the lesson model: the lesson linter checks paths
 * without loading the manifest checker, which resolves them
 * (src/manifest/field-path.ts). Every path shown to anyone is written by
 * formatFieldPath.
 */

export type FieldSegment = { key: string } | { index: number } | { any: true };

export type ParsedFieldPath = { ok: true; segments: FieldSegment[] } | { ok: false; error: string };

/** Parses a field path; the error says what is wrong, for the lesson linter. */
export function parseFieldPath(path: string): ParsedFieldPath {
  const segments: FieldSegment[] = [];
  let i = 0;
  const fail = (error: string): ParsedFieldPath => ({ ok: false, error: `${error} at character ${i + 1} of ${JSON.stringify(path)}` });
  if (path.trim() === '') return { ok: false, error: 'the path is empty' };
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '[') {
      const quote = path[i + 1];
      let close: number;
      if (quote === '"' || quote === "'") {
        // A quoted key may itself contain "]": find its closing quote first.
        let end = i + 2;
        while (end < path.length && path[end] !== quote) end += path[end] === '\\' && quote === '"' ? 2 : 1;
        close = path[end + 1] === ']' ? end + 1 : -1;
      } else {
        close = path.indexOf(']', i);
      }
      if (close < 0) return fail('"[" is never closed');
      const inner = path.slice(i + 1, close);
      if (inner === '*') segments.push({ any: true });
      else if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) segments.push({ key: JSON.parse(inner) as string });
      else if (/^'[^']*'$/.test(inner)) segments.push({ key: inner.slice(1, -1) });
      else return fail(`"[${inner}]" is not an index, [*] or a quoted key`);
      i = close + 1;
    } else {
      if (ch === '.') {
        if (segments.length === 0) return fail('a path cannot start with "."');
        i++;
      } else if (segments.length > 0) {
        return fail('expected "." or "["');
      }
      const m = /^[^.[\]]+/.exec(path.slice(i));
      if (!m) return fail('expected a field name');
      segments.push({ key: m[0] });
      i += m[0].length;
    }
  }
  return { ok: true, segments };
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * A path written out: `['spec', 'containers', 0, 'image']` or parsed segments
 * give `spec.containers[0].image`; `[*]` stays; odd keys go in brackets:
 * `labels["app.kubernetes.io/name"]`. What it writes parses back the same.
 */
export function formatFieldPath(path: readonly (FieldSegment | PropertyKey)[]): string {
  let out = '';
  for (const s of path) {
    const segment = typeof s === 'object' ? ('any' in s ? '*' : 'index' in s ? s.index : s.key) : s;
    if (typeof s === 'object' && 'any' in s) out += '[*]';
    else if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(String(segment))) out += out === '' ? String(segment) : `.${String(segment)}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
