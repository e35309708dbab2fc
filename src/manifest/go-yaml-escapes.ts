/**
 * go-yaml, the YAML parser kubectl and the API server use, accepts `\'` in a
 * double-quoted string as a single quote; YAML 1.2 and the `yaml` package do
 * not. To read the text as kubectl does, each `\'` the parser rejected is
 * swapped for `\a` (same length, so every offset stays right), and the bell
 * character it becomes is turned back into `'` in the strings concerned.
 */
import { isScalar, visit, type Document } from 'yaml';

type ParseDocuments = (text: string) => Document.Parsed[];

/** Parses the text, accepting go-yaml's `\'` escape; returns the documents of the (possibly patched) text. */
export function parseWithGoYamlEscapes(text: string, parse: ParseDocuments): Document.Parsed[] {
  const first = parse(text);
  const patched: number[] = [];
  for (const doc of first) {
    for (const error of doc.errors) {
      if (error.code !== 'BAD_DQ_ESCAPE') continue;
      const at = text.indexOf("\\'", Math.max(0, error.pos[0] - 1));
      if (at >= 0 && at <= error.pos[1] + 1) patched.push(at);
    }
  }
  if (patched.length === 0) return first;
  let fixed = text;
  for (const at of patched) fixed = `${fixed.slice(0, at)}\\a${fixed.slice(at + 2)}`;
  const docs = parse(fixed);
  for (const doc of docs) {
    visit(doc, {
      Scalar(_, node) {
        const [start, end] = node.range ?? [0, 0];
        if (!isScalar(node) || node.type !== 'QUOTE_DOUBLE' || typeof node.value !== 'string') return;
        if (!patched.some((at) => at >= start && at < end)) return;
        // A bell the learner wrote as \a stays one; only the patched escapes become quotes.
        const source = text.slice(start, end);
        node.value = source.includes('\\a') ? node.value : node.value.replace(/\u0007/g, "'");
      },
    });
  }
  return docs;
}
