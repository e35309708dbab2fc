/**
 * The Pods an answer (and its context) makes, as the rules across objects
 * look them up: a Pod itself, or a workload's Pod template, indexed by label
 * so that a file of thousands of objects is still checked in moments.
 */
import { isMap, type Node } from 'yaml';
import { TEMPLATES } from './object-rules.js';
import { describeObject, kindOf, nodeAtKeys, type ManifestObject } from './objects.js';

export interface PodSource {
  owner: ManifestObject;
  /** Path from the object's root to the Pod (template); [] for a Pod. */
  path: string[];
  labels: Map<string, string>;
  labelsNode: Node | null;
  /** A workload's own metadata.labels, which a Service does not select (empty for a Pod). */
  ownLabels: Map<string, string>;
  spec: Node | null;
  /** `Pod "web"` or `the Pods of Deployment "web"`. */
  what: string;
  /** Read on first use: most sources are never selected by a Service. */
  ports?: DeclaredPort[];
}

export interface DeclaredPort {
  number?: number;
  name?: string;
  protocol: string;
  node: Node;
}

export interface LabelPair {
  key: string;
  want: string;
}

function labelMap(owner: ManifestObject, node: Node | null): Map<string, string> {
  const { tree } = owner;
  return new Map(isMap(node) ? tree.entries(node).map((e) => [e.key, String(tree.scalar(e.value))] as const) : []);
}

export function podSources(objects: readonly ManifestObject[]): PodSource[] {
  return objects.flatMap((owner) => {
    const kind = kindOf(owner);
    const path = kind === 'Pod' ? [] : kind !== undefined && Object.hasOwn(TEMPLATES, kind) ? TEMPLATES[kind]!.path : undefined;
    if (path === undefined) return [];
    const { tree } = owner;
    const pod = path.length === 0 ? owner.root : nodeAtKeys(tree, owner.root, path);
    if (!isMap(pod)) return [];
    const labelsNode = nodeAtKeys(tree, pod, ['metadata', 'labels']);
    const ownLabels = path.length === 0 ? new Map<string, string>() : labelMap(owner, nodeAtKeys(tree, owner.root, ['metadata', 'labels']));
    const what = path.length === 0 ? describeObject(owner) : `the Pods of ${describeObject(owner)}`;
    return [{ owner, path, labels: labelMap(owner, labelsNode), labelsNode, ownLabels, spec: nodeAtKeys(tree, pod, ['spec']), what }];
  });
}

/** The ports the source's containers declare. */
export function declaredPorts(source: PodSource): DeclaredPort[] {
  const { tree } = source.owner;
  source.ports ??= tree.items(tree.get(source.spec, 'containers')).flatMap((container) =>
    tree.items(tree.get(container, 'ports')).flatMap((port) => {
      if (!isMap(port)) return [];
      const number = tree.scalar(tree.get(port, 'containerPort'));
      const name = tree.text(tree.get(port, 'name'));
      const protocol = tree.text(tree.get(port, 'protocol')) ?? 'TCP';
      return [{ number: typeof number === 'number' ? number : undefined, name, protocol, node: port }];
    }),
  );
  return source.ports;
}

/** Sources by each label pair they carry, in the order they are written. */
export class LabelIndex {
  private readonly byPair = new Map<string, PodSource[]>();
  private readonly order = new Map<PodSource, number>();

  constructor(
    private readonly sources: readonly PodSource[],
    private readonly labelsOf: (s: PodSource) => Map<string, string>,
  ) {
    sources.forEach((source, i) => {
      this.order.set(source, i);
      for (const [key, value] of labelsOf(source)) {
        const pair = `${key}\0${value}`;
        const list = this.byPair.get(pair);
        if (list) list.push(source);
        else this.byPair.set(pair, [source]);
      }
    });
  }

  get size(): number {
    return this.sources.length;
  }

  private with(pair: LabelPair): readonly PodSource[] {
    return this.byPair.get(`${pair.key}\0${pair.want}`) ?? [];
  }

  /** The sources that carry every pair. */
  matching(pairs: readonly LabelPair[]): PodSource[] {
    const [first, ...rest] = pairs;
    if (!first) return [];
    return this.with(first).filter((s) => rest.every((p) => this.labelsOf(s).get(p.key) === p.want));
  }

  /** The source carrying the most pairs; ties, and a selector that shares no pair with any, go to the first written. */
  closest(pairs: readonly LabelPair[]): PodSource | undefined {
    const score = new Map<PodSource, number>();
    for (const pair of pairs) for (const s of this.with(pair)) score.set(s, (score.get(s) ?? 0) + 1);
    let best = this.sources[0];
    let bestScore = 0;
    for (const [s, n] of score) {
      if (n > bestScore || (n === bestScore && this.order.get(s)! < this.order.get(best!)!)) {
        best = s;
        bestScore = n;
      }
    }
    return best;
  }
}
