/**
 * Fields of bytes (Secret.data, ConfigMap.binaryData, caBundle, ...) are
 * base64 in YAML and JSON; the API server decodes them before it validates
 * anything, so a value that is not base64 fails the whole request.
 */

/** The stage that refuses it, in the words kubectl users see in the error. */
export const DECODING = 'the API server refuses the request while decoding it (HTTP 400), before any validation';

/** What is wrong with a field of bytes as Go's standard base64 reads it (as encoding/json does for []byte; line breaks skipped), or undefined. */
export function base64Problem(value: string): string | undefined {
  const bad = value.search(/[^A-Za-z0-9+/=\r\n]/);
  if (bad >= 0) {
    const ch = value[bad]!;
    // URL-safe base64 ("-" and "_" for "+" and "/") is a near miss worth naming; a PEM's "-----BEGIN" is not.
    const urlSafe = /^[A-Za-z0-9\-_=\r\n]+$/.test(value) ? ' (Kubernetes uses standard base64, with "+" and "/")' : '';
    return `is not base64: ${JSON.stringify(ch)} at character ${bad + 1} is not in the base64 alphabet${urlSafe}`;
  }
  const text = value.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return 'is not base64: "=" may only pad its end';
  if (text.length % 4 !== 0) return `is not base64: its length (${text.length}) is not a multiple of 4 ("=" padding missing?)`;
  return undefined;
}
