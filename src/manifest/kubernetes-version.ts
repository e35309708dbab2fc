/**
 * The Kubernetes release manifests are checked against: the oldest one the
 * Kubernetes project still supports, so a manifest that passes works on every
 * supported cluster. Kept apart from the schema data so that the CLI's help
 * can name it without loading the data; test/manifest/data.test.ts holds the
 * two equal.
 */
export const KUBERNETES_VERSION = '1.35';
