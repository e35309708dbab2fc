/**
 * Step 3, for Pod specs (a Pod's own, or a workload's template): the rules
 * the API server enforces that the OpenAPI schema does not carry. Upstream:
 * pkg/apis/core/validation/validation.go and pkg/api/pod/warnings.go.
 */
import { isAlias, isMap, isSeq, type Node } from 'yaml';
import { checkContainerFields, checkPodFields } from './container-rules.js';
import { dns1123Label, imageReference, portName, portNumber } from './names.js';
import { isNull, type Tree } from './nodes.js';
import { formatPath, quote, type PathSegment } from './problem.js';
import type { Reporter } from './report.js';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const CONTAINER_RESTART = ['Always', 'OnFailure', 'Never'];

interface Container {
  node: Node;
  /** The item as written: the mapping itself, or an alias (*name) to one. */
  written: Node;
  path: PathSegment[];
  list: (typeof CONTAINER_LISTS)[number];
}

export interface PodSpecRules {
  /** A Pod's own spec (true) or a template in a workload (false): some rules are only checked on Pods. */
  isPod: boolean;
  /** A StatefulSet's volumeClaimTemplates names: each becomes a volume of its Pods (pkg/apis/apps/validation ValidateStatefulSetSpec). */
  claimTemplates?: string[];
}

function containersOf(tree: Tree, spec: Node, path: PathSegment[]): Container[] {
  return CONTAINER_LISTS.flatMap((list) => {
    const seq = tree.get(spec, list);
    if (!isSeq(seq)) return [];
    return (seq.items as unknown[])
      .map((item, i) => ({ node: tree.resolve(item), written: item as Node, path: [...path, list, i], list }))
      .filter((c): c is Container => isMap(c.node));
  });
}

function start(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

export function checkPodSpec(tree: Tree, spec: Node, path: PathSegment[], report: Reporter, rules: PodSpecRules): void {
  const containersNode = tree.entry(spec, 'containers');
  if (containersNode && isSeq(containersNode.value) && containersNode.value.items.length === 0) {
    report.at(containersNode.value, [...path, 'containers'], 'at least one container is required', {
      hint: 'add an item: - name: ... with an image: ...',
    });
  }
  const containers = containersOf(tree, spec, path);
  uniqueContainerNames(tree, containers, report);
  for (const c of containers) {
    checkContainer(tree, c, report, rules);
    checkContainerFields(tree, c.node, c.path, report);
  }
  checkPodFields(tree, spec, path, report);
  portNames(tree, containers, report);
  volumeMounts(tree, spec, containers, path, report, rules.claimTemplates ?? []);
}

/** Unique names across all three lists; the later one in the text is the duplicate. */
function uniqueContainerNames(tree: Tree, containers: Container[], report: Reporter): void {
  // Ordered by where each container is written, so an alias (*name) to an earlier one counts as the later.
  const named = containers
    .map((c) => ({ c, node: tree.get(c.node, 'name') }))
    .filter((n) => tree.text(n.node) !== undefined)
    .map((n) => ({ ...n, at: isAlias(n.c.written) ? n.c.written : n.node }))
    .sort((a, b) => start(a.at) - start(b.at));
  const seen = new Map<string, Container>();
  for (const { c, node, at } of named) {
    const name = tree.text(node)!;
    const first = seen.get(name);
    if (first) {
      report.at(at, [...c.path, 'name'], `duplicate container name ${quote(name)}: ${formatPath(first.path)} already has it`, {
        hint: 'every container in a Pod (init and ephemeral ones included) needs its own name',
      });
    } else {
      seen.set(name, c);
    }
  }
}

function checkContainer(tree: Tree, c: Container, report: Reporter, rules: PodSpecRules): void {
  const nameNode = tree.get(c.node, 'name');
  const name = tree.text(nameNode);
  if (name !== undefined) {
    const bad = name === '' ? 'must not be empty' : dns1123Label(name);
    if (bad)
      report.at(nameNode, [...c.path, 'name'], `container name ${quote(name)} ${bad}`, {
        hint: 'a container name is a DNS label: lowercase letters, digits and "-", at most 63',
      });
  }

  const imageEntry = tree.entry(c.node, 'image');
  const image = tree.text(imageEntry?.value);
  if (!imageEntry || isNull(imageEntry.value)) {
    report.at(imageEntry ? imageEntry.keyNode : c.node, [...c.path, 'image'], 'required', { hint: 'the image to run, like nginx:1.30' });
  } else if (image !== undefined) {
    if (image.trim() === '')
      report.at(imageEntry.value, [...c.path, 'image'], 'must not be empty', { hint: 'the image to run, like nginx:1.30' });
    else if (image !== image.trim()) {
      report.at(imageEntry.value, [...c.path, 'image'], 'must not have spaces before or after the image name', {
        severity: rules.isPod ? 'error' : 'warning',
        hint: rules.isPod ? undefined : 'the Pods made from this template would be rejected',
      });
    } else {
      const bad = imageReference(image);
      if (bad)
        report.at(imageEntry.value, [...c.path, 'image'], `${quote(image)} is not a valid image reference: ${bad}`, {
          severity: 'warning',
          hint: 'the Pod would be created, but its image could not be pulled (InvalidImageName)',
        });
    }
  }

  // A container-level restartPolicy is valid on every container since 1.35 (KEP-5307), the oldest supported release.
  const restartNode = tree.get(c.node, 'restartPolicy');
  const restart = tree.text(restartNode);
  if (restart !== undefined && !CONTAINER_RESTART.includes(restart)) {
    report.at(restartNode, [...c.path, 'restartPolicy'], `${quote(restart)} is not a valid value`, {
      hint: `one of: ${CONTAINER_RESTART.join(', ')}`,
    });
  }

  const ports = tree.get(c.node, 'ports');
  if (!isSeq(ports)) return;
  (ports.items as unknown[]).forEach((item, i) => {
    const port = tree.resolve(item);
    if (!isMap(port)) return;
    for (const field of ['containerPort', 'hostPort']) {
      const node = tree.get(port, field);
      const value = tree.scalar(node);
      if (typeof value === 'number' && Number.isInteger(value)) {
        const bad = portNumber(value);
        if (bad) report.at(node, [...c.path, 'ports', i, field], bad);
      }
    }
    const nameNode = tree.get(port, 'name');
    const portname = tree.text(nameNode);
    if (portname !== undefined) {
      const bad = portname === '' ? 'must not be empty' : portName(portname);
      if (bad)
        report.at(nameNode, [...c.path, 'ports', i, 'name'], `port name ${quote(portname)} ${bad}`, {
          hint: 'a port name (IANA_SVC_NAME) is at most 15 lowercase letters, digits and "-", with at least one letter',
        });
    }
  });
}

/** Port names: a repeat within a container is an error, across containers a warning (services would pick the first). */
function portNames(tree: Tree, containers: Container[], report: Reporter): void {
  const seen = new Map<string, { container: Container; path: PathSegment[] }>();
  const named = containers.flatMap((c) =>
    tree.items(tree.get(c.node, 'ports')).flatMap((port, i) => {
      const node = tree.get(port, 'name');
      const name = tree.text(node);
      return name ? [{ c, node, name, path: [...c.path, 'ports', i] }] : [];
    }),
  );
  named.sort((a, b) => start(a.node) - start(b.node));
  for (const { c, node, name, path } of named) {
    const first = seen.get(name);
    if (!first) {
      seen.set(name, { container: c, path });
    } else if (first.container === c) {
      report.at(node, [...path, 'name'], `duplicate port name ${quote(name)}: ${formatPath(first.path)} already has it`, {
        hint: 'port names are unique within a container',
      });
    } else {
      report.at(
        node,
        [...path, 'name'],
        `port name ${quote(name)} is also used by ${formatPath(first.path)}; services and probes that select ports by name will use that one`,
        {
          severity: 'warning',
        },
      );
    }
  }
}

/** A volumeMount names a volume of the Pod. */
function volumeMounts(
  tree: Tree,
  spec: Node,
  containers: Container[],
  path: PathSegment[],
  report: Reporter,
  claimTemplates: string[],
): void {
  const volumes = new Set([...tree.items(tree.get(spec, 'volumes')).map((v) => tree.text(tree.get(v, 'name'))), ...claimTemplates]);
  for (const c of containers) {
    tree.items(tree.get(c.node, 'volumeMounts')).forEach((mount, i) => {
      const node = tree.get(mount, 'name');
      const name = tree.text(node);
      if (name !== undefined && !volumes.has(name)) {
        const where = formatPath([...path, 'volumes']) + (claimTemplates.length > 0 ? ' or spec.volumeClaimTemplates' : '');
        report.at(node, [...c.path, 'volumeMounts', i, 'name'], `no volume named ${quote(name)} in ${where}`, {
          hint: 'a volumeMount refers to a volume declared in the Pod spec by its name',
        });
      }
    });
  }
}
