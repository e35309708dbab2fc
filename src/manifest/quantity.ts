/**
 * Kubernetes quantities (`500m`, `128Mi`, `1.5`, `2e3`), read as
 * resource.ParseQuantity reads them (k8s.io/apimachinery/pkg/api/resource/quantity.go):
 *
 *   <quantity> ::= <signedNumber><suffix>
 *   <number>   ::= <digits> | <digits>.<digits> | <digits>. | .<digits>
 *   <suffix>   ::= Ki | Mi | Gi | Ti | Pi | Ei | m | "" | k | M | G | T | P | E | (e|E)<signedNumber>
 *
 * and the usual ways people get them wrong (`1GB`, `512mb`, `500 m`), each
 * with what they probably meant.
 */

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { m: -1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

export const QUANTITY_HINT =
  'a quantity is a number with an optional suffix: Ki Mi Gi Ti Pi Ei (powers of 1024), k M G T P E (powers of 1000) or m (thousandths), like 500m or 128Mi';

/** The value of a quantity as a number (close enough to compare two), or undefined when it is not one. */
export function quantityValue(text: string): number | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const number = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return number * 1024 ** BINARY[suffix]!;
  if (suffix in DECIMAL) return number * 1000 ** DECIMAL[suffix]!;
  return suffix === '' ? number : number * 10 ** Number(suffix.slice(1));
}

export function isQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

/** What a wrong quantity was probably meant to be: `1GB` -> [`1G`, `1Gi`], `512mb` -> [`512Mi`], `500 m` -> [`500m`]. */
export function quantitySuggestions(text: string): string[] {
  const squeezed = text.replace(/\s+/g, '');
  if (squeezed !== text && isQuantity(squeezed)) return [squeezed];
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))([A-Za-z]+)$/.exec(squeezed);
  if (!m) return [];
  const [, number, unit] = m as unknown as [string, string, string];
  const letter = unit[0]!.toUpperCase();
  if (!'KMGTPE'.includes(letter)) return [];
  const decimal = letter === 'K' ? 'k' : letter;
  const binary = `${letter}i`;
  const rest = unit.slice(1);
  const both = [`${number}${decimal}`, `${number}${binary}`];
  if (/^ib?$/i.test(rest)) return [`${number}${binary}`]; // 1gi, 1GiB
  // 512mb: a lowercase m is milli, so the writer meant megabytes, and Mi is what is usual for memory.
  if (/^b$/i.test(rest)) return unit[0] === 'm' ? [`${number}${binary}`] : both; // 1GB, 1kb
  return rest === '' ? both : []; // 1K, 2g
}
