/**
 * The kubectl commands the reader knows: their flags, generated from
 * kubectl's own Go source (data/flags.json, see scripts/gen-kubectl-flags.mjs),
 * and what their arguments are, which the usage line says in words
 * (`exec (POD | TYPE/NAME) -- COMMAND`) and is written down here.
 */
import raw from './data/flags.json' with { type: 'json' };

export interface FlagSpec {
  name: string;
  short?: string;
  /** bool: no value; value: one value; list: repeatable, comma-separated values add up. */
  kind: 'bool' | 'value' | 'list';
  /** Takes a value only as `--flag=value` (pflag's NoOptDefVal): `--dry-run` alone is `--dry-run=unchanged`. */
  optionalValue?: boolean;
  /** A list flag whose values may hold commas (`--env`), unlike one that splits at them (`--filename a,b`). */
  keepsCommas?: boolean;
}

/**
 * What the words after the command are:
 * - resources: TYPE[,TYPE] [NAME...] or TYPE/NAME..., then KEY=VALUE words (label, set image)
 * - pod: POD or TYPE/NAME (a Pod when no type is given), then more words (ports, a container)
 * - name: one NAME of the object the command makes or picks
 * - explain: TYPE[.field.path]
 * - can-i: VERB then TYPE, TYPE/NAME or a URL
 * - none: no words
 */
export type ArgShape = 'resources' | 'pod' | 'name' | 'explain' | 'can-i' | 'none';

export interface CommandSpec {
  path: string;
  aliases: string[];
  flags: FlagSpec[];
  args: ArgShape;
  /** What the command does, and what a question expecting it asks for, in plain words. */
  does: string;
  asks: string;
}

const SHAPES: Record<string, [ArgShape, string, string]> = {
  get: ['resources', 'lists objects (or shows the ones named)', 'to list'],
  describe: ['resources', "shows one object's details and events", "to show an object's details and events"],
  logs: ['pod', "prints a container's logs", "to read a container's logs"],
  exec: ['pod', 'runs a command in a running container', 'to run a command in a container'],
  apply: ['none', 'creates or updates the objects in a manifest', 'to apply a manifest'],
  create: ['none', 'creates objects from a manifest, failing if they exist', 'to create objects from a manifest'],
  'create deployment': ['name', 'creates a Deployment', 'to create a Deployment'],
  'create namespace': ['name', 'creates a Namespace', 'to create a Namespace'],
  'create configmap': ['name', 'creates a ConfigMap', 'to create a ConfigMap'],
  'create secret generic': ['name', 'creates a Secret', 'to create a Secret'],
  'create service clusterip': ['name', 'creates a ClusterIP Service', 'to create a ClusterIP Service'],
  'create service nodeport': ['name', 'creates a NodePort Service', 'to create a NodePort Service'],
  delete: ['resources', 'deletes objects', 'to delete'],
  edit: ['resources', 'opens an object in an editor', 'to edit an object'],
  run: ['name', 'starts a new Pod', 'to start a Pod'],
  expose: ['resources', 'creates a Service for an object', 'to create a Service with expose'],
  scale: ['resources', 'sets the number of replicas', 'to scale'],
  'set image': ['resources', "changes a container's image", "to change a container's image"],
  'rollout status': ['resources', 'waits for a rollout and reports its progress', "to follow a rollout's progress"],
  'rollout history': ['resources', 'lists the revisions of a rollout', "to list a rollout's revisions"],
  'rollout undo': ['resources', 'rolls back to an earlier revision', 'to roll back'],
  'rollout restart': ['resources', 'restarts the Pods of a workload', 'to restart a rollout'],
  label: ['resources', "adds or changes an object's labels", 'to label an object'],
  'port-forward': ['pod', 'forwards local ports to a Pod', 'to forward a port'],
  explain: ['explain', 'documents a resource type or field', 'to look up documentation'],
  'api-resources': ['none', 'lists the resource types the server knows', 'to list resource types'],
  'api-versions': ['none', 'lists the API versions the server serves', 'to list API versions'],
  'cluster-info': ['none', 'shows the addresses of the control plane', 'to show cluster information'],
  'cluster-info dump': ['none', 'dumps cluster state for debugging', 'to dump cluster state'],
  'config get-contexts': ['name', 'lists the contexts in your kubeconfig', 'to list contexts'],
  'config current-context': ['none', 'prints the current context', 'to print the current context'],
  'config use-context': ['name', 'switches the current context', 'to switch context'],
  'config view': ['none', 'shows your kubeconfig', 'to show the kubeconfig'],
  'config set-context': ['name', 'changes a context in your kubeconfig', 'to change a context'],
  'auth can-i': ['can-i', 'asks whether you may do something', 'to check a permission'],
  'top pod': ['name', "shows Pods' CPU and memory use", "to show Pods' resource use"],
  'top node': ['name', "shows Nodes' CPU and memory use", "to show Nodes' resource use"],
  'rollout pause': ['resources', 'pauses a rollout', 'to pause a rollout'],
  'rollout resume': ['resources', 'resumes a paused rollout', 'to resume a rollout'],
  annotate: ['resources', "adds or changes an object's annotations", 'to annotate an object'],
  diff: ['none', 'shows what applying a manifest would change', 'to compare a manifest with the cluster'],
  cordon: ['name', 'marks a Node unschedulable', 'to cordon a Node'],
  uncordon: ['name', 'marks a Node schedulable again', 'to uncordon a Node'],
  drain: ['name', 'evicts the Pods from a Node', 'to drain a Node'],
  version: ['none', 'prints the client and server versions', 'to print versions'],
};

interface RawCommand {
  use: string;
  aliases?: string[];
  flags: unknown[];
}

export const GLOBAL_FLAGS: readonly FlagSpec[] = raw.global as FlagSpec[];

export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  Object.entries(raw.commands as Record<string, RawCommand>).map(([path, c]) => {
    const [args, does, asks] = SHAPES[path] ?? ['none', 'runs', 'something else'];
    return [path, { path, aliases: c.aliases ?? [], flags: c.flags as FlagSpec[], args, does, asks }];
  }),
);

/** Words that name a command, one level at a time: "" -> get, rollout, ...; "rollout" -> status, ... */
const CHILDREN = new Map<string, Map<string, string>>();
for (const spec of COMMANDS.values()) {
  const words = spec.path.split(' ');
  for (let i = 0; i < words.length; i++) {
    const parent = words.slice(0, i).join(' ');
    const full = words.slice(0, i + 1).join(' ');
    const children = CHILDREN.get(parent) ?? new Map<string, string>();
    children.set(words[i]!, full);
    if (i === words.length - 1) for (const alias of spec.aliases) children.set(alias, full);
    CHILDREN.set(parent, children);
  }
}

/** The command `word` names under `parent` ("" for the top level), if any. */
export function childCommand(parent: string, word: string): string | undefined {
  return CHILDREN.get(parent)?.get(word);
}

/** The command words known under `parent`, for "did you mean". */
export function childWords(parent: string): string[] {
  return [...(CHILDREN.get(parent)?.keys() ?? [])];
}

export interface FlagTable {
  long: Map<string, FlagSpec>;
  short: Map<string, FlagSpec>;
}

const tables = new Map<string, FlagTable>();

/** A command's flags and the global ones, by long and short name (the command's own win). */
export function flagTable(path: string): FlagTable {
  let table = tables.get(path);
  if (table) return table;
  table = { long: new Map(), short: new Map() };
  for (const f of [...GLOBAL_FLAGS, ...(COMMANDS.get(path)?.flags ?? [])]) {
    table.long.set(f.name, f);
    if (f.short) table.short.set(f.short, f);
  }
  tables.set(path, table);
  return table;
}
