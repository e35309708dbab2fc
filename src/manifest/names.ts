/**
 * The name and label formats the API server enforces (upstream:
 * k8s.io/apimachinery/pkg/util/validation/validation.go). Each returns what is
 * wrong in plain words, or undefined when the value is fine.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

function characters(value: string, allowDots: boolean): string | undefined {
  if (/[A-Z]/.test(value)) return 'must be lowercase';
  if (/_/.test(value)) return 'may not contain "_" (use "-")';
  if (!allowDots && value.includes('.')) return 'may not contain "."';
  if (/[^-a-z0-9.]/.test(value)) return `may contain only lowercase letters, digits, "-"${allowDots ? ' and "."' : ''}`;
  if (/^[-.]|[-.]$/.test(value)) return 'must start and end with a letter or digit';
  return undefined;
}

/** IsDNS1123Label: container names, namespace names. */
export function dns1123Label(value: string): string | undefined {
  if (value.length > 63) return `must be at most 63 characters (it has ${value.length})`;
  if (DNS1123_LABEL.test(value)) return undefined;
  return characters(value, false) ?? 'must be lowercase letters, digits and "-", starting and ending with a letter or digit';
}

/** IsDNS1123Subdomain: the names of most objects, Pods included. */
export function dns1123Subdomain(value: string): string | undefined {
  if (value.length > 253) return `must be at most 253 characters (it has ${value.length})`;
  if (DNS1123_SUBDOMAIN.test(value)) return undefined;
  if (/\.\./.test(value) || /\.-|-\./.test(value)) return 'each part between dots must start and end with a letter or digit';
  return characters(value, true) ?? 'must be lowercase letters, digits, "-" and ".", starting and ending with a letter or digit';
}

/** IsDNS1035Label: Service names (they become DNS names and environment variables). */
export function dns1035Label(value: string): string | undefined {
  if (value.length > 63) return `must be at most 63 characters (it has ${value.length})`;
  if (DNS1035_LABEL.test(value)) return undefined;
  if (/^[0-9]/.test(value)) return 'must start with a letter';
  return characters(value, false) ?? 'must be lowercase letters, digits and "-", starting with a letter and ending with a letter or digit';
}

/** IsValidPortName (IANA_SVC_NAME): at most 15 of [-a-z0-9], a letter somewhere, no "--", no "-" at either end. */
export function portName(value: string): string | undefined {
  if (value.length > 15) return `must be at most 15 characters (it has ${value.length})`;
  if (/[A-Z]/.test(value)) return 'must be lowercase';
  if (/[^-a-z0-9]/.test(value)) return 'may contain only lowercase letters, digits and "-"';
  if (!/[a-z]/.test(value)) return 'must contain at least one letter';
  if (value.includes('--')) return 'may not contain "--"';
  if (/^-|-$/.test(value)) return 'may not start or end with "-"';
  return undefined;
}

/** IsValidPortNum: 1 to 65535. */
export function portNumber(value: number): string | undefined {
  return Number.isInteger(value) && value >= 1 && value <= 65535 ? undefined : 'must be a port number from 1 to 65535';
}

/** IsQualifiedName: a label or annotation key, `[prefix/]name`. */
export function qualifiedName(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return 'may contain at most one "/" (prefix/name)';
  const name = parts.at(-1)!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') return 'the prefix before "/" must not be empty';
    const bad = dns1123Subdomain(prefix);
    if (bad) return `the prefix ${JSON.stringify(prefix)} ${bad}`;
  }
  if (name === '') return 'the name must not be empty';
  if (name.length > 63) return `the name part must be at most 63 characters (it has ${name.length})`;
  if (!LABEL_NAME.test(name))
    return 'the name part may contain only letters, digits, "-", "_" and ".", and must start and end with a letter or digit';
  return undefined;
}

/** IsValidLabelValue: empty, or like a label name without a prefix. */
export function labelValue(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `must be at most 63 characters (it has ${value.length})`;
  if (!LABEL_NAME.test(value)) return 'may contain only letters, digits, "-", "_" and ".", and must start and end with a letter or digit';
  return undefined;
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const REPOSITORY_PART = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?$|^\[[0-9a-fA-F:]+\](?::[0-9]+)?$/;

/**
 * An image reference `[registry/]repository[:tag][@digest]` per the OCI
 * distribution rules. The API server accepts any text; a bad reference
 * fails later, when the kubelet pulls (InvalidImageName).
 */
export function imageReference(value: string): string | undefined {
  let rest = value;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const digest = rest.slice(at + 1);
    if (!DIGEST.test(digest)) return `the digest ${JSON.stringify(digest)} is not algorithm:hex, like sha256:...`;
    if (digest.startsWith('sha256:') && !/^sha256:[a-f0-9]{64}$/.test(digest)) return 'a sha256 digest is 64 lowercase hex digits';
    rest = rest.slice(0, at);
  }
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    const tag = rest.slice(colon + 1);
    if (!TAG.test(tag))
      return `the tag ${JSON.stringify(tag)} may contain only letters, digits, "_", "." and "-" (at most 128, not starting with "." or "-")`;
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost') && HOST.test(parts[0]!))
    parts.shift();
  if (parts.length === 0 || parts.some((p) => p === '')) return 'the repository name is missing or has an empty part';
  for (const part of parts) {
    if (/[A-Z]/.test(part)) return 'the repository name must be lowercase';
    if (!REPOSITORY_PART.test(part))
      return `the repository name part ${JSON.stringify(part)} may contain only lowercase letters, digits and single ".", "_", "__" or "-" between them`;
  }
  return undefined;
}
