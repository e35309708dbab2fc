/**
 * Rules that span objects: a Service's selector and targetPort against the
 * Pods of the answer (and of the lesson's context), a Pod's claimName against
 * the claims there. The API server checks none of this when it stores an
 * object, so each is a warning that says what will go wrong instead. (A
 * Deployment's selector against its own template is an API rule: object-rules.)
 */
import { isMap } from 'yaml';
import { suggest } from '../text/suggest.js';
import { AliasBudgetExceeded } from './nodes.js';
import { describeObject, kindOf, nameOf, nodeAtKeys, sameNamespace, seeAt, type ManifestObject } from './objects.js';
import { declaredPorts, LabelIndex, podSources, type PodSource } from './pod-sources.js';
import { quote, type PathSegment } from './problem.js';

/** Did-you-mean looks through this many names at most, so a file of thousands of claims stays quick. */
const MAX_SUGGESTIONS = 100;

const warn = { severity: 'warning' as const };

const labelText = (labels: Map<string, string>) =>
  labels.size === 0 ? 'have no labels' : `are labelled ${[...labels].map(([k, v]) => `${k}: ${v}`).join(', ')}`;

interface Lookup {
  pods: LabelIndex;
  /** Workloads by their own labels, for the mix-up of selecting a Deployment rather than its Pods. */
  owners: LabelIndex;
}

function service(svc: ManifestObject, lookup: Lookup): void {
  const { tree, reporter } = svc;
  const spec = tree.get(svc.root, 'spec');
  const selectorNode = tree.get(spec, 'selector');
  // Without a selector the endpoints are managed by hand; ExternalName ignores it; with no Pods here there is nothing to compare.
  if (tree.text(tree.get(spec, 'type')) === 'ExternalName' || !isMap(selectorNode) || lookup.pods.size === 0) return;
  const wanted = tree.entries(selectorNode).map((e) => ({ ...e, want: String(tree.scalar(e.value)) }));
  if (wanted.length === 0) return;
  const matching = lookup.pods.matching(wanted);
  const selected = matching.filter((s) => sameNamespace(svc, s.owner));
  if (selected.length > 0) {
    targetPorts(svc, selected);
    return;
  }
  const elsewhere = matching[0];
  if (elsewhere) {
    const at = tree.get(tree.get(svc.root, 'metadata'), 'namespace');
    reporter.at(
      at,
      ['metadata', 'namespace'],
      `the selector matches ${elsewhere.what} (${seeAt(elsewhere.owner, elsewhere.labelsNode)}), but they are in another namespace; the API accepts this, but the Service will have no endpoints`,
      {
        ...warn,
        hint: 'a Service selects Pods in its own namespace only',
      },
    );
    return;
  }
  // Point at the first pair the closest Pods lack.
  const best = lookup.pods.closest(wanted)!;
  const miss = wanted.find((w) => best.labels.get(w.key) !== w.want)!;
  const mixUp = lookup.owners.matching(wanted)[0];
  reporter.at(
    best.labels.has(miss.key) ? miss.value : miss.keyNode,
    ['spec', 'selector', miss.key],
    `selects no Pods: ${best.what} ${labelText(best.labels)} (${seeAt(best.owner, best.labelsNode)}); the API accepts this, but the Service will have no endpoints`,
    {
      ...warn,
      hint: mixUp
        ? `this matches the ${describeObject(mixUp.owner)}'s own labels, but a Service selects Pods: use the labels in its spec.template.metadata.labels`
        : "a Service selects Pods by their labels (a workload's spec.template.metadata.labels); every pair of the selector must match",
    },
  );
}

/** targetPort (default: port) is a containerPort number or a port name of the selected Pods, with the same protocol. */
function targetPorts(svc: ManifestObject, selected: readonly PodSource[]): void {
  const { tree, reporter } = svc;
  const declared = selected.flatMap(declaredPorts);
  const first = selected[0]!;
  const see = seeAt(first.owner, declared[0]?.node ?? first.labelsNode);
  tree.items(tree.get(tree.get(svc.root, 'spec'), 'ports')).forEach((port, i) => {
    if (!isMap(port)) return;
    const protocol = tree.text(tree.get(port, 'protocol')) ?? 'TCP';
    const written = tree.get(port, 'targetPort');
    const value = tree.scalar(written);
    const defaulted = value === undefined || value === null || value === 0 || value === '';
    const target = defaulted ? tree.scalar(tree.get(port, 'port')) : value;
    const at = defaulted ? tree.get(port, 'port') : written;
    const path: PathSegment[] = ['spec', 'ports', i, 'targetPort'];
    const lead = defaulted ? `targetPort is not set, so it is ${String(target)}, the same as port: ` : '';
    if (typeof target === 'string') {
      const named = declared.filter((d) => d.name === target);
      if (named.length === 0) {
        const names = declared.flatMap((d) => (d.name ? [d.name] : []));
        const close = suggest(target, names);
        const near = close ? `did you mean ${quote(close)}? ${seeAt(first.owner, declared.find((d) => d.name === close)!.node)}` : see;
        reporter.at(
          at,
          path,
          `${lead}no container of ${first.what} has a port named ${quote(target)} (${near}); the API accepts this, but the Service will have no endpoints for this port`,
          {
            ...warn,
            hint: 'a named targetPort refers to ports[].name of a container in the selected Pods',
          },
        );
      } else if (!named.some((d) => d.protocol === protocol)) {
        reporter.at(
          at,
          path,
          `the port named ${quote(target)} is ${named[0]!.protocol} in ${first.what}, this Service port is ${protocol} (${seeAt(first.owner, named[0]!.node)}); the traffic will not reach the container`,
          warn,
        );
      }
      return;
    }
    if (typeof target !== 'number') return;
    const numbers = declared.filter((d) => d.number !== undefined);
    // containerPort is informational: with none declared there is nothing to compare.
    if (numbers.length === 0) return;
    const same = numbers.filter((d) => d.number === target);
    if (same.length === 0) {
      const list = [...new Set(numbers.map((d) => d.number))].join(', ');
      reporter.at(
        at,
        path,
        `${lead}no container of ${first.what} declares containerPort ${target} (they declare ${list}, ${see}); the API accepts this, but connections fail unless a container listens on ${target} anyway`,
        {
          ...warn,
          hint: 'targetPort is the port the container listens on: the containerPort, or its name',
        },
      );
    } else if (!same.some((d) => d.protocol === protocol)) {
      reporter.at(
        at,
        path,
        `containerPort ${target} is ${same[0]!.protocol} in ${first.what}, this Service port is ${protocol} (${seeAt(first.owner, same[0]!.node)}); the traffic will not reach the container`,
        warn,
      );
    }
  });
}

/** A Pod's persistentVolumeClaim.claimName names a claim of the answer or the context. */
function claims(source: PodSource, pvcs: readonly ManifestObject[], byName: Map<string, ManifestObject[]>, hasContext: boolean): void {
  const { tree, reporter } = source.owner;
  tree.items(tree.get(source.spec, 'volumes')).forEach((volume, i) => {
    const node = nodeAtKeys(tree, volume, ['persistentVolumeClaim', 'claimName']);
    const name = tree.text(node);
    if (!name || byName.get(name)?.some((c) => sameNamespace(c, source.owner))) return;
    const near = pvcs.filter((c) => sameNamespace(c, source.owner));
    const names = near.slice(0, MAX_SUGGESTIONS).flatMap((c) => (nameOf(c) === undefined ? [] : [nameOf(c)!]));
    const close = suggest(name, names);
    const claim = near.find((c) => nameOf(c) === close) ?? near[0];
    const where = claim ? seeAt(claim, nodeAtKeys(claim.tree, claim.root, ['metadata', 'name'])) : '';
    const other = !claim
      ? ''
      : close
        ? ` (did you mean ${quote(close)}? ${where})`
        : ` (the claim here is ${quote(nameOf(claim) ?? '')}, ${where})`;
    reporter.at(
      node,
      [...source.path, 'spec', 'volumes', i, 'persistentVolumeClaim', 'claimName'],
      `no PersistentVolumeClaim ${quote(name)} in this answer${hasContext ? " or the lesson's context" : ''}${other}; the API accepts this, but the Pod stays Pending until a claim of that name exists in its namespace`,
      {
        ...warn,
        hint: 'claimName is the metadata.name of a PersistentVolumeClaim in the same namespace',
      },
    );
  });
}

/**
 * Runs the rules for every object of the answer, against the answer and the
 * context. Context objects are read, never reported on.
 */
export function checkCrossObject(answer: readonly ManifestObject[], context: readonly ManifestObject[], selfContained = true): void {
  const all = [...answer, ...context];
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      // The document already says it repeats its aliases too often (check.ts).
      if (!(error instanceof AliasBudgetExceeded)) throw error;
    }
  };
  let sources: PodSource[] = [];
  guard(() => (sources = podSources(all)));
  const lookup: Lookup = { pods: new LabelIndex(sources, (s) => s.labels), owners: new LabelIndex(sources, (s) => s.ownLabels) };
  for (const object of answer) {
    if (kindOf(object) === 'Service') guard(() => service(object, lookup));
  }
  const pvcs = all.filter((o) => kindOf(o) === 'PersistentVolumeClaim');
  const byName = new Map<string, ManifestObject[]>();
  for (const pvc of pvcs) {
    const name = nameOf(pvc);
    if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), pvc]);
  }
  // A file (not a lesson answer) with no claim at all refers to claims already in the cluster: nothing to compare with.
  if (!selfContained && pvcs.length === 0) return;
  for (const source of sources) {
    if (source.owner.origin === 'answer') guard(() => claims(source, pvcs, byName, context.length > 0));
  }
}
