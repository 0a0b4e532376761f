import { searchText } from '../search-text';

/**
 * Turns what the user typed into an FTS5 query that cannot be a syntax error: every word becomes
 * a quoted prefix term, "quoted phrases" stay phrases, and words are matched as the index sees
 * them (searchText). Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const pattern = /"([^"]*)"|([^\s"]+)/gu;
  for (const match of searchText(input.normalize('NFC')).matchAll(pattern)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      const words = phrase.split(/[\s\u00a0]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
      if (words.length) terms.push(`"${words.join(' ')}"`);
    } else if (word && /[\p{L}\p{N}]/u.test(word)) {
      terms.push(`"${word}"*`);
    }
  }
  return terms.length ? terms.join(' ') : null;
}
