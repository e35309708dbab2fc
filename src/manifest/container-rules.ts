/**
 * Step 3, inside a Pod spec: rules the API server enforces on volumes,
 * probes, environment variables, resources and security contexts that the
 * OpenAPI schema does not carry. Each cites its upstream check in
 * kubernetes/kubernetes pkg/apis/core/validation/validation.go, with the
 * API's own message in plain words.
 */
import { isMap, type Node } from 'yaml';
import { isNull, type Tree } from './nodes.js';
import { formatPath, quote, type PathSegment } from './problem.js';
import { quantityValue } from './quantity.js';
import type { Reporter } from './report.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const ENV_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];
const MAX_ID = 2147483647;

/** The keys of a mapping that are set to something. */
function setKeys(tree: Tree, map: Node | null, among: readonly string[]): string[] {
  return among.filter((key) => !isNull(tree.get(map, key)));
}

/** Volumes, and the Pod's own securityContext. */
export function checkPodFields(tree: Tree, spec: Node, path: PathSegment[], report: Reporter): void {
  // ValidateVolumes: field.Duplicate(idxPath.Child("name"), vol.Name).
  const seen = new Map<string, number>();
  tree.items(tree.get(spec, 'volumes')).forEach((volume, i) => {
    const node = tree.get(volume, 'name');
    const name = tree.text(node);
    if (name === undefined) return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, i);
    else
      report.at(
        node,
        [...path, 'volumes', i, 'name'],
        `duplicate volume name ${quote(name)}: ${formatPath([...path, 'volumes', first])} already has it`,
        { hint: 'every volume of a Pod needs its own name' },
      );
  });
  const context = tree.get(spec, 'securityContext');
  ids(tree, context, [...path, 'securityContext'], ['runAsUser', 'runAsGroup', 'fsGroup'], report);
  for (const [i, group] of tree.items(tree.get(context, 'supplementalGroups')).entries())
    id(tree, group, [...path, 'securityContext', 'supplementalGroups', i], report);
}

/** Probes, lifecycle hooks, env, resources and securityContext of one container. */
export function checkContainerFields(tree: Tree, container: Node, path: PathSegment[], report: Reporter): void {
  for (const probe of PROBES) {
    const entry = tree.entry(container, probe);
    if (entry && isMap(entry.value)) handler(tree, entry.value, entry.keyNode, [...path, probe], PROBE_HANDLERS, report);
  }
  const lifecycle = tree.get(container, 'lifecycle');
  for (const hook of ['postStart', 'preStop']) {
    const entry = tree.entry(lifecycle, hook);
    if (entry && isMap(entry.value)) handler(tree, entry.value, entry.keyNode, [...path, 'lifecycle', hook], LIFECYCLE_HANDLERS, report);
  }
  for (const [i, env] of tree.items(tree.get(container, 'env')).entries()) envVar(tree, env, [...path, 'env', i], report);
  resources(tree, tree.get(container, 'resources'), [...path, 'resources'], report);
  ids(tree, tree.get(container, 'securityContext'), [...path, 'securityContext'], ['runAsUser', 'runAsGroup'], report);
}

/** validateHandler: "must specify a handler type" / "may not specify more than 1 handler type". */
function handler(tree: Tree, node: Node, keyNode: Node | null, path: PathSegment[], handlers: readonly string[], report: Reporter): void {
  const set = setKeys(tree, node, handlers);
  const what = path.at(-1);
  if (set.length === 0) {
    report.at(keyNode ?? node, path, `${String(what)} needs a handler: one of ${handlers.join(', ')}`, {
      hint: 'for a web server, httpGet: with path: and port: is usual',
    });
  } else if (set.length > 1) {
    const second = tree.entry(node, set[1]!)!;
    report.at(second.keyNode, [...path, set[1]!], `${String(what)} may have only one handler, and ${set[0]} is already set`, {
      hint: `keep one of ${set.join(' and ')}`,
    });
  }
}

/** validateEnv, validateEnvVarValueFrom. */
function envVar(tree: Tree, env: Node | null, path: PathSegment[], report: Reporter): void {
  if (!isMap(env)) return;
  const nameNode = tree.get(env, 'name');
  const name = tree.text(nameNode);
  // IsRelaxedEnvVarName (relaxed since 1.34): printable ASCII, no "=".
  if (name !== undefined && name !== '' && (name.includes('=') || /[^\x20-\x7e]/.test(name))) {
    const because = name.includes('=') ? 'may not contain "="' : 'may contain only printable ASCII characters';
    report.at(nameNode, [...path, 'name'], `environment variable name ${quote(name)} ${because}`, {
      hint: name.includes('=')
        ? `write the name and the value apart: name: ${name.slice(0, name.indexOf('='))} and value: "${name.slice(name.indexOf('=') + 1)}"`
        : undefined,
    });
  }
  const valueFrom = tree.entry(env, 'valueFrom');
  if (!valueFrom || !isMap(valueFrom.value)) return;
  const valueEntry = tree.entry(env, 'value');
  const value = tree.scalar(valueEntry?.value);
  if (value !== undefined && value !== null && value !== '') {
    // Reported at value: the line to remove when the value comes from valueFrom.
    report.at(valueEntry!.keyNode, [...path, 'value'], 'an environment variable takes value or valueFrom, not both', {
      hint: 'remove value: to take it from valueFrom:',
    });
  }
  const sources = setKeys(tree, valueFrom.value, ENV_SOURCES);
  if (sources.length === 0) {
    report.at(valueFrom.keyNode, [...path, 'valueFrom'], `valueFrom needs a source: one of ${ENV_SOURCES.join(', ')}`);
  } else if (sources.length > 1) {
    const second = tree.entry(valueFrom.value, sources[1]!)!;
    report.at(second.keyNode, [...path, 'valueFrom', sources[1]!], `valueFrom may have only one source, and ${sources[0]} is already set`);
  }
}

/** ValidateResourceRequirements: "must be less than or equal to <resource> limit of <limit>". */
function resources(tree: Tree, node: Node | null, path: PathSegment[], report: Reporter): void {
  const limits = tree.get(node, 'limits');
  const requests = tree.get(node, 'requests');
  if (!isMap(limits) || !isMap(requests)) return;
  for (const request of tree.entries(requests)) {
    const limitNode = tree.get(limits, request.key);
    const [want, cap] = [tree.scalar(request.value), tree.scalar(limitNode)];
    if (want === undefined || cap === undefined || want === null || cap === null) continue;
    const [a, b] = [quantityValue(String(want)), quantityValue(String(cap))];
    if (a !== undefined && b !== undefined && a > b) {
      report.at(
        request.value,
        [...path, 'requests', request.key],
        `the request ${String(want)} is more than the limit ${String(cap)}; a request must be at most its limit`,
        {
          hint: `raise limits.${request.key} or lower requests.${request.key}`,
        },
      );
    }
  }
}

/** IsValidUserID / IsValidGroupID: "must be between 0 and 2147483647, inclusive". */
function ids(tree: Tree, context: Node | null, path: PathSegment[], fields: readonly string[], report: Reporter): void {
  if (!isMap(context)) return;
  for (const field of fields) id(tree, tree.get(context, field), [...path, field], report);
}

function id(tree: Tree, node: Node | null, path: PathSegment[], report: Reporter): void {
  const value = tree.scalar(node);
  if (typeof value === 'number' && Number.isInteger(value) && (value < 0 || value > MAX_ID)) {
    report.at(node, path, `must be from 0 to ${MAX_ID}`, {
      hint: value < 0 ? 'user and group IDs are not negative; 0 is root, and any other ID runs as that non-root user' : undefined,
    });
  }
}
