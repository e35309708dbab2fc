/**
 * Step 3, for whole objects: names, labels, and the workload rules (a Pod
 * needs containers, a Deployment's selector matches its template, a Job's
 * Pods don't restart Always). Pod specs are handed to pod-rules.
 */
import { isMap, type Node } from 'yaml';
import { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, qualifiedName } from './names.js';
import { isNull, type Tree } from './nodes.js';
import { quote, type PathSegment } from './problem.js';
import type { Reporter } from './report.js';
import { checkPodSpec } from './pod-rules.js';
import { checkConfigMap } from './configmap-rules.js';
import { checkNamespaceRules } from './namespace-rules.js';
import { checkServicePorts } from './service-rules.js';

/** How each kind's name is validated upstream; kinds not listed here allow other names (RBAC roles allow ":"). */
const NAME_RULES: Record<string, (name: string) => string | undefined> = {
  Service: dns1035Label,
  Namespace: dns1123Label,
  Pod: dns1123Subdomain,
  Deployment: dns1123Subdomain,
  ReplicaSet: dns1123Subdomain,
  StatefulSet: dns1123Subdomain,
  DaemonSet: dns1123Subdomain,
  Job: dns1123Subdomain,
  CronJob: dns1123Subdomain,
  ReplicationController: dns1123Subdomain,
  PodTemplate: dns1123Subdomain,
  ConfigMap: dns1123Subdomain,
  Secret: dns1123Subdomain,
  ServiceAccount: dns1123Subdomain,
  PersistentVolumeClaim: dns1123Subdomain,
  PersistentVolume: dns1123Subdomain,
  Ingress: dns1123Subdomain,
};

const NAME_HINT: Record<string, string> = {
  Service: 'a Service name is a DNS label: lowercase letters, digits and "-", starting with a letter, at most 63',
  Namespace: 'a Namespace name is a DNS label: lowercase letters, digits and "-", at most 63',
};

/** Where each kind keeps its Pod template, and which restartPolicy values its Pods may have. */
export const TEMPLATES: Record<string, { path: string[]; restart?: string[]; selector?: boolean }> = {
  Deployment: { path: ['spec', 'template'], restart: ['Always'], selector: true },
  ReplicaSet: { path: ['spec', 'template'], restart: ['Always'], selector: true },
  StatefulSet: { path: ['spec', 'template'], restart: ['Always'], selector: true },
  DaemonSet: { path: ['spec', 'template'], restart: ['Always'], selector: true },
  ReplicationController: { path: ['spec', 'template'], restart: ['Always'] },
  Job: { path: ['spec', 'template'], restart: ['OnFailure', 'Never'] },
  CronJob: { path: ['spec', 'jobTemplate', 'spec', 'template'], restart: ['OnFailure', 'Never'] },
  PodTemplate: { path: ['template'] },
};

export function checkObjectRules(tree: Tree, root: Node, apiVersion: string, kind: string, report: Reporter): void {
  metadata(tree, root, [], kind, report, true);
  checkNamespaceRules(tree, root, kind, report);
  if (kind === 'ConfigMap' && apiVersion === 'v1') checkConfigMap(tree, root, report);
  if (kind === 'Pod' && apiVersion === 'v1') pod(tree, root, report);
  if (kind === 'Service' && apiVersion === 'v1') checkServicePorts(tree, root, report);
  const template = TEMPLATES[kind];
  if (template) workload(tree, root, kind, template, report);
}

function metadata(tree: Tree, owner: Node, path: PathSegment[], kind: string, report: Reporter, named: boolean): void {
  const entry = tree.entry(owner, 'metadata');
  const meta = entry?.value ?? null;
  if (!isNull(meta) && !isMap(meta)) return; // the schema step reported what it is instead
  if (named) {
    const name = tree.entry(meta, 'name');
    const generateName = tree.text(tree.get(meta, 'generateName'));
    if ((!name || isNull(name.value)) && !generateName) {
      report.at(name?.keyNode ?? entry?.keyNode ?? owner, [...path, 'metadata', 'name'], 'required', {
        hint: `every ${kind} needs metadata.name`,
      });
    }
    const value = tree.text(name?.value);
    const rule = NAME_RULES[kind];
    if (value !== undefined && rule) {
      const bad = value === '' ? 'must not be empty' : rule(value);
      if (bad)
        report.at(name!.value, [...path, 'metadata', 'name'], `name ${quote(value)} ${bad}`, {
          hint:
            NAME_HINT[kind] ?? 'a name is lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most 253',
        });
    }
  }
  // ValidateObjectMetaAccessor (apimachinery pkg/api/validation/objectmeta.go): ValidateNamespaceName, a DNS-1123 label.
  const namespaceNode = tree.get(meta, 'namespace');
  const namespace = tree.text(namespaceNode);
  const badNamespace = namespace ? dns1123Label(namespace) : undefined;
  if (badNamespace)
    report.at(namespaceNode, [...path, 'metadata', 'namespace'], `namespace ${quote(namespace)} ${badNamespace}`, {
      hint: NAME_HINT.Namespace,
    });
  labels(tree, tree.get(meta, 'labels'), [...path, 'metadata', 'labels'], report, true);
  labels(tree, tree.get(meta, 'annotations'), [...path, 'metadata', 'annotations'], report, false);
}

function labels(tree: Tree, map: Node | null, path: PathSegment[], report: Reporter, checkValues: boolean): void {
  if (!isMap(map)) return;
  for (const entry of tree.entries(map)) {
    const badKey = qualifiedName(entry.key);
    if (badKey) report.at(entry.keyNode, [...path, entry.key], `key ${quote(entry.key)}: ${badKey}`);
    const value = tree.text(entry.value);
    if (checkValues && value !== undefined) {
      const badValue = labelValue(value);
      if (badValue) report.at(entry.value, [...path, entry.key], `label value ${quote(value)} ${badValue}`);
    }
  }
}

function pod(tree: Tree, root: Node, report: Reporter): void {
  const entry = tree.entry(root, 'spec');
  if (!entry || isNull(entry.value)) {
    report.at(entry?.keyNode ?? root, ['spec'], 'required', { hint: 'a Pod needs spec.containers with at least one container' });
    return;
  }
  if (isMap(entry.value)) checkPodSpec(tree, entry.value, ['spec'], report, { isPod: true });
}

function workload(tree: Tree, root: Node, kind: string, template: (typeof TEMPLATES)[string], report: Reporter): void {
  let node: Node | null = root;
  let keyNode: Node | null = root;
  const path: PathSegment[] = [];
  for (const key of template.path) {
    const entry = tree.entry(node, key);
    if (!entry || isNull(entry.value)) return; // the schema reports missing required parts
    node = entry.value;
    keyNode = entry.keyNode;
    path.push(key);
  }
  if (!isMap(node)) return;
  metadata(tree, node, path, kind, report, false);
  const spec = tree.entry(node, 'spec');
  if (!spec || isNull(spec.value)) {
    report.at(spec?.keyNode ?? keyNode, [...path, 'spec'], 'required', { hint: 'the Pod template needs spec.containers' });
  } else if (isMap(spec.value)) {
    const claimTemplates =
      kind === 'StatefulSet'
        ? tree
            .items(tree.get(tree.get(root, 'spec'), 'volumeClaimTemplates'))
            .flatMap((t) => tree.text(tree.get(tree.get(t, 'metadata'), 'name')) ?? [])
        : [];
    checkPodSpec(tree, spec.value, [...path, 'spec'], report, { isPod: false, claimTemplates });
    restartPolicy(tree, spec, [...path, 'spec'], kind, template.restart, report);
  }
  if (template.selector) selector(tree, root, node, path, kind, report);
  const replicas = tree.get(tree.get(root, 'spec'), 'replicas');
  const count = tree.scalar(replicas);
  if (typeof count === 'number' && count < 0) report.at(replicas, ['spec', 'replicas'], 'must be 0 or more');
}

function restartPolicy(
  tree: Tree,
  spec: { keyNode: Node | null; value: Node | null },
  path: PathSegment[],
  kind: string,
  allowed: string[] | undefined,
  report: Reporter,
): void {
  if (!allowed) return;
  const node = tree.get(spec.value, 'restartPolicy');
  const value = tree.text(node);
  if (value === undefined) {
    // Unset means Always, which a Job's Pods may not use.
    if (!allowed.includes('Always'))
      report.at(spec.keyNode, [...path, 'restartPolicy'], 'required', {
        hint: `a ${kind}'s Pods must set restartPolicy: ${allowed.join(' or ')}`,
      });
  } else if (!allowed.includes(value)) {
    report.at(node, [...path, 'restartPolicy'], `${quote(value)} is not allowed in a ${kind}; use ${allowed.join(' or ')}`);
  }
}

/** The selector must pick the template's own Pods, or the controller would never see them. */
function selector(tree: Tree, root: Node, template: Node, path: PathSegment[], kind: string, report: Reporter): void {
  const selectorNode = tree.get(tree.get(root, 'spec'), 'selector');
  if (!isMap(selectorNode)) return;
  const matchLabels = tree.get(selectorNode, 'matchLabels');
  const expressions = tree.items(tree.get(selectorNode, 'matchExpressions'));
  if (tree.entries(selectorNode).length === 0 || (isNull(matchLabels) && expressions.length === 0)) {
    report.at(selectorNode, ['spec', 'selector'], `an empty selector is not allowed in a ${kind}`, {
      hint: "select the template's labels: matchLabels:\n  app: ...",
    });
    return;
  }
  const metaEntry = tree.entry(template, 'metadata');
  const labelsEntry = tree.entry(metaEntry?.value ?? null, 'labels');
  const labels = new Map(
    isMap(labelsEntry?.value) ? tree.entries(labelsEntry.value).map((e) => [e.key, String(tree.scalar(e.value))]) : [],
  );
  const missing: string[] = [];
  if (isMap(matchLabels)) {
    for (const e of tree.entries(matchLabels)) {
      const want = String(tree.scalar(e.value));
      if (labels.get(e.key) !== want) missing.push(`${e.key}: ${want}`);
    }
  }
  for (const expr of expressions) {
    const key = tree.text(tree.get(expr, 'key'));
    const op = tree.text(tree.get(expr, 'operator'));
    const values = tree.items(tree.get(expr, 'values')).map((v) => String(tree.scalar(v)));
    if (key === undefined || op === undefined) continue;
    const has = labels.has(key);
    const ok =
      op === 'In'
        ? has && values.includes(labels.get(key)!)
        : op === 'NotIn'
          ? !has || !values.includes(labels.get(key)!)
          : op === 'Exists'
            ? has
            : op === 'DoesNotExist'
              ? !has
              : true;
    if (!ok) missing.push(`${key} ${op}${values.length ? ` (${values.join(', ')})` : ''}`);
  }
  if (missing.length === 0) return;
  const at = labelsEntry?.keyNode ?? metaEntry?.keyNode ?? tree.entry(tree.get(root, 'spec'), 'template')?.keyNode ?? template;
  report.at(at, [...path, 'metadata', 'labels'], `selector does not match template labels: the template needs ${missing.join(', ')}`, {
    hint: `spec.selector picks the Pods this ${kind} manages; the template's metadata.labels must carry those labels`,
  });
}
