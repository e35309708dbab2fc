/**
 * Step 2 of the checker, its first half: which object this is. apiVersion
 * and kind are read and looked up for the target release; a kind it does not
 * serve, a custom resource or a typo is reported here, and the fields are
 * checked (./schema-check.ts) only for a kind with a schema.
 */
import { isMap, type Node } from 'yaml';
import { KUBERNETES_VERSION, lookupKind, type FieldType, type VersionStatus } from './k8s-schema.js';
import { reportUnset } from './kubectl-stage.js';
import { describe, isNull, type Tree } from './nodes.js';
import { quote } from './problem.js';
import type { Reporter } from './report.js';

export interface ObjectKind {
  apiVersion: string;
  kind: string;
}

/** A kind with the schema of its fields. */
export interface KnownKind extends ObjectKind {
  type: FieldType;
}

/**
 * The object's apiVersion and kind, when they name a kind with a schema;
 * else undefined, with what is wrong reported.
 */
export function identifyKind(tree: Tree, root: Node, report: Reporter): KnownKind | undefined {
  if (!isMap(root)) {
    report.at(root, [], `a Kubernetes object is a mapping of fields (apiVersion:, kind:, metadata:, ...), not ${describe(root)}`);
    return undefined;
  }
  const apiVersionEntry = tree.entry(root, 'apiVersion');
  const kindEntry = tree.entry(root, 'kind');
  const apiVersion = tree.text(apiVersionEntry?.value);
  const kind = tree.text(kindEntry?.value);
  const field = (name: 'apiVersion' | 'kind', entry: typeof kindEntry, value: string | undefined, example: string) => {
    if (!entry || isNull(entry.value)) reportUnset(tree, root, name, entry, example, report);
    else if (value === undefined) report.at(entry.value, [name], `expected text, got ${describe(entry.value)}`);
  };
  field('apiVersion', apiVersionEntry, apiVersion, 'apiVersion: v1');
  field('kind', kindEntry, kind, 'kind: Pod');
  if (apiVersion === undefined || kind === undefined) return undefined;

  const found = lookupKind(apiVersion, kind);
  const at = apiVersionEntry!.value;
  if (found.found) {
    if (found.status) notServed(report, at, apiVersion, found.status, true);
  } else {
    if (found.reason === 'custom-resource') {
      report.at(kindEntry!.value, ['kind'], `${kind} (${apiVersion}) is not built into Kubernetes, so only its YAML was checked`, {
        severity: 'warning',
        hint: 'a custom resource is checked by the cluster that has its CustomResourceDefinition',
      });
    } else if (found.reason === 'unknown-kind') {
      const message = found.suggestion ? `unknown kind ${quote(kind)}; did you mean "${found.suggestion}"?` : `unknown kind ${quote(kind)}`;
      report.at(kindEntry!.value, ['kind'], message, {
        hint: `kinds are case-sensitive; kubectl api-resources lists the kinds a cluster serves`,
      });
    } else if (found.reason === 'not-served') {
      notServed(report, at, apiVersion, found.status, false);
    } else {
      const use = found.apiVersions.map((v) => `apiVersion: ${v}`).join(' or ');
      report.at(at, ['apiVersion'], `${kind} is not in ${quote(apiVersion)}; use ${use}`);
    }
    return undefined;
  }
  return { apiVersion, kind, type: found.type };
}

const VERSION_HINT = 'kubectl api-versions lists the apiVersions a cluster serves';

/**
 * An apiVersion the target release does not serve by default. Removed is an
 * error: no supported cluster serves it. Added later, alpha and beta are
 * warnings: some clusters serve them. `checked` says whether the fields were
 * checked (kube-learn has a schema for it) or only the YAML.
 */
function notServed(report: Reporter, at: Node | null, apiVersion: string, status: VersionStatus, checked: boolean): void {
  const notChecked = checked ? '' : '; kube-learn has no schema for it, so only its YAML was checked';
  const served = `apiVersion ${quote(apiVersion)} is not served by Kubernetes ${KUBERNETES_VERSION}`;
  if (status.served === 'removed') {
    const use = status.use.map((v) => `apiVersion: ${v}`).join(' or ');
    report.at(at, ['apiVersion'], `${served} (removed in ${status.in})${use ? `; use ${use}` : ''}`, {
      hint: use ? undefined : `this kind is gone from Kubernetes; ${VERSION_HINT}`,
    });
  } else if (status.served === 'added') {
    report.at(at, ['apiVersion'], `${served} (added in ${status.in})${notChecked}`, {
      severity: 'warning',
      hint: `clusters older than ${status.in} reject it`,
    });
  } else if (status.served === 'alpha' || status.served === 'beta') {
    report.at(at, ['apiVersion'], `${served} (${status.served}, off by default)${notChecked}`, {
      severity: 'warning',
      hint: `a cluster serves it only when its administrator turns it on; ${VERSION_HINT}`,
    });
  } else if (!checked) {
    report.at(at, ['apiVersion'], `kube-learn has no schema for ${quote(apiVersion)}, so only its YAML was checked`, {
      severity: 'warning',
    });
  }
}
