/**
 * Turning schema issues into problems a lesson author can act on: plain
 * words, and the position of the node that is wrong.
 */
import type { Document } from 'yaml';
import type { z } from 'zod';
import { suggest } from '../text/suggest.js';
import { plural } from '../text/words.js';
import { formatFieldPath } from './field-path.js';
import { keyNodeAt, nodeAt, type ParsedYaml, type SourceProblem } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

/** The fields allowed in the mapping at a path, for "did you mean". */
export type KnownKeys = (path: readonly PropertyKey[], doc: Document.Parsed) => readonly string[];

function message(issue: Issue): string {
  const field = issue.path.at(-1);
  switch (issue.code) {
    case 'invalid_type':
      if ((issue as { input?: unknown }).input === undefined) return `missing required field "${String(field)}"`;
      return `${String(field ?? 'value')} must be ${article(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'array') return `${String(field)} needs at least ${plural(Number(issue.minimum), 'item')}`;
      if (issue.origin === 'string') return `${String(field)} must not be empty`;
      return `${String(field)} must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `${String(field)} is longer than ${issue.maximum} characters`;
      return issue.message.startsWith('this lesson') ? issue.message : `${String(field)} must be at most ${issue.maximum}`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        return `unknown step type; use one of: ${options.join(', ')}`;
      }
      return `${String(field)} has the wrong type`;
    case 'invalid_value':
      return `${String(field)} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_format':
      return issue.format === 'url' ? `${String(field)} must be a URL` : `${String(field)} ${issue.message}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  const words: Record<string, string> = {
    array: 'a list',
    object: 'a mapping',
    string: 'text',
    int: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return words[type] ?? type;
}

/** One problem per schema issue; unknown fields get one each, with a did-you-mean. */
export function schemaProblems(issues: readonly Issue[], parsed: ParsedYaml, knownKeys: KnownKeys): SourceProblem[] {
  const problems: SourceProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.path, parsed.doc);
      for (const key of issue.keys) {
        const node = keyNodeAt(parsed.doc, issue.path, key);
        const guess = suggest(key, known);
        problems.push({
          ...parsed.position(node?.range?.[0] ?? 0),
          message: `unknown field "${key}"${guess ? `; did you mean "${guess}"?` : ''} (at ${formatFieldPath([...issue.path, key])})`,
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    // A missing field has no node of its own: point at the mapping that lacks it.
    const node = nodeAt(parsed.doc, missing ? issue.path.slice(0, -1) : issue.path);
    problems.push({ ...parsed.position(node?.range?.[0] ?? 0), message: `${message(issue)} (at ${formatFieldPath(issue.path)})` });
  }
  return problems;
}
