/** "Did you mean" for kubectl words: two swapped letters (`gte`, `pdos`) are the commonest slip, then src/text's edit distance. */
import { suggest } from '../text/suggest.js';

export function near(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    const hit = list.find((c) => c === swapped);
    if (hit) return hit;
  }
  return suggest(word, list);
}
