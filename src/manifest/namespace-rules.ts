/**
 * Step 3, about namespaces: what the API server accepts but the docs advise
 * against (a Namespace named kube-...), and a namespace written on an object
 * that has none, which the API server silently drops.
 */
import type { Node } from 'yaml';
import { dns1123Label } from './names.js';
import type { Tree } from './nodes.js';
import { quote } from './problem.js';
import type { Reporter } from './report.js';

/** The cluster-wide kinds the course meets; they are in no namespace. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
]);

export function checkNamespaceRules(tree: Tree, root: Node, kind: string, report: Reporter): void {
  const metadata = tree.get(root, 'metadata');
  if (kind === 'Namespace') {
    const nameNode = tree.get(metadata, 'name');
    const name = tree.text(nameNode);
    // An invalid name has its error already: one problem for one mistake.
    if (name?.startsWith('kube-') && dns1123Label(name) === undefined) {
      report.at(
        nameNode,
        ['metadata', 'name'],
        `${quote(name)} starts with "kube-", a prefix reserved for Kubernetes system namespaces; the API accepts it, but the docs advise against it`,
        {
          severity: 'warning',
          hint: 'choose a name without the kube- prefix, like learn-lab',
        },
      );
    }
  }
  const namespace = tree.entry(metadata, 'namespace');
  if (namespace && CLUSTER_SCOPED.has(kind) && tree.text(namespace.value)) {
    report.at(
      namespace.value,
      ['metadata', 'namespace'],
      `ignored: a ${kind} is cluster-wide, in no namespace; the API server drops this field`,
      {
        severity: 'warning',
        hint: 'kubectl api-resources --namespaced=false lists the kinds that are in no namespace',
      },
    );
  }
}
