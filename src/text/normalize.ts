/** Text compared the way a learner means it: trimmed, inner whitespace collapsed, case ignored, Unicode composed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
