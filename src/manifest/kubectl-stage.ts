/**
 * What kubectl itself refuses, before it sends anything to the API server:
 * an object without apiVersion or kind (kubectl's pkg/validation,
 * "error validating data: apiVersion not set"). Every other problem is the
 * API server's, found while it decodes the request or validates the object.
 */
import { isMap, type Node } from 'yaml';
import type { Entry, Tree } from './nodes.js';
import type { Reporter } from './report.js';

/** Reports an unset apiVersion or kind: at a key that differs only in case (apiversion), at its key when it has no value, else at the object. */
export function reportUnset(
  tree: Tree,
  root: Node,
  name: 'apiVersion' | 'kind',
  entry: Entry | undefined,
  example: string,
  report: Reporter,
): void {
  const refused = `kubectl refuses the file before sending it to the API server (${name} not set)`;
  if (entry) return report.at(entry.keyNode, [name], `required, but it has no value: ${refused}`, { hint: `e.g. ${example}` });
  const miscased = isMap(root) ? tree.entries(root).find((e) => e.key.toLowerCase() === name.toLowerCase()) : undefined;
  if (miscased)
    return report.at(miscased.keyNode, [name], `required: ${refused}`, {
      hint: `keys are case-sensitive: write ${name}, not ${miscased.key}`,
    });
  report.at(root, [name], `required: ${refused}`, { hint: `every object starts with apiVersion and kind, e.g. ${example}` });
}
