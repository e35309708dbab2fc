/**
 * Step 1 of the checker: the text as YAML documents. Parsed the way kubectl
 * reads manifests (YAML 1.1: `yes`, `on` and `no` are true/false, `0777` is
 * octal), but without 1.1's base-60 numbers and timestamps, which kubectl's
 * parser leaves as text. Syntax errors come out in plain words.
 */
import { isAlias, isScalar, parseAllDocuments, visit, type Document, type Node, type Tags } from 'yaml';
import { LineIndex } from '../text/line-index.js';
import { byPosition, type ManifestProblem } from './problem.js';
import { Reporter } from './report.js';
import { explainYamlError, withDuplicateKeyErrors } from '../text/yaml-errors.js';
import { parseWithGoYamlEscapes } from './go-yaml-escapes.js';

/** Larger than any manifest a person writes; keeps a pasted log file from costing seconds. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface ManifestDocument {
  doc: Document.Parsed;
  /** The document's top node; null for a document that holds only comments. */
  root: Node | null;
  /** Where the document's content starts: the place for document-level problems. */
  start: number;
  reporter: Reporter;
}

export interface ParsedText {
  lines: LineIndex;
  /** The documents with content, each ready for the next steps. */
  documents: ManifestDocument[];
  /** Syntax problems; when any is an error, `documents` is empty: the text is not checked further. */
  problems: ManifestProblem[];
}

const notKubectl = (tags: Tags): Tags =>
  tags.filter((tag) => !(typeof tag === 'object' && (tag.format === 'TIME' || tag.tag === 'tag:yaml.org,2002:timestamp')));

export function parseManifestText(text: string, mode: 'answer' | 'file'): ParsedText {
  const lines = new LineIndex(text);
  const problems: ManifestProblem[] = [];
  const fail = (message: string, hint?: string): ParsedText => {
    const reporter = new Reporter(lines, 0);
    reporter.atOffset(0, [], message, { hint });
    return { lines, documents: [], problems: reporter.problems };
  };
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES)
    return fail(`the text is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB; a manifest is far smaller`);

  let parsed: Document.Parsed[];
  try {
    parsed = parseWithGoYamlEscapes(text, (source) => {
      // Repeated keys are found by withDuplicateKeyErrors below, in linear time.
      const result = parseAllDocuments(source, { prettyErrors: false, version: '1.1', uniqueKeys: false, customTags: notKubectl });
      return Array.isArray(result) ? result : [];
    });
  } catch (error) {
    // The parser recurses per nesting level; a pathological text can exhaust the stack.
    if (error instanceof RangeError) return fail('the text is nested too deeply to be a manifest');
    throw error;
  }

  const documents: ManifestDocument[] = [];
  for (const doc of parsed) {
    const start = doc.contents?.range[0] ?? doc.range[0];
    const reporter = new Reporter(lines, start);
    const seen = new Set<number>();
    // A tab in the indentation throws the parser off for the rest of the document: report the tab, not what follows from it.
    const errors = withDuplicateKeyErrors(doc);
    const tabbed = errors.some((e) => e.code === 'TAB_AS_INDENT');
    for (const error of errors) {
      if (tabbed && error.code !== 'TAB_AS_INDENT') continue;
      const explained = explainYamlError(error, text, lines, doc);
      // The parser's own words after an error already explained in plain ones are that error's echo.
      const echo = seen.size > 0 && explained.message.startsWith('YAML syntax:');
      if (explained.followOn || echo || seen.has(explained.offset)) continue;
      seen.add(explained.offset);
      reporter.atOffset(explained.offset, [], explained.message, { hint: explained.hint });
    }
    visit(doc, {
      Alias(_, alias) {
        if (isAlias(alias) && !alias.resolve(doc)) {
          reporter.at(alias, [], `"*${alias.source}" refers to an anchor "&${alias.source}" that is not defined above it`);
        }
      },
    });
    const broken = reporter.problems.length > 0;
    for (const warning of doc.warnings) {
      reporter.atOffset(warning.pos[0], [], `YAML: ${warning.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, {
        severity: 'warning',
      });
    }
    problems.push(...reporter.problems);
    const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
    if (broken || !empty) documents.push({ doc, root: broken ? null : doc.contents, start, reporter });
  }

  const errors = problems.some((p) => p.severity === 'error');
  if (!errors) {
    if (documents.length === 0) {
      return fail(
        mode === 'answer' ? 'the manifest is empty' : 'no Kubernetes objects in this text',
        'a manifest starts with apiVersion: and kind:',
      );
    }
  }
  problems.sort(byPosition);
  return { lines, documents: errors ? [] : documents, problems };
}
