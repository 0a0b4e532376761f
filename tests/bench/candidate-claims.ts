import type { CandidateClaim } from '../../shared/assist/candidates';
import { prng, syntheticArticle } from './corpus';

const SYLLABLES = ['ka', 'lo', 'mir', 'va', 'ten', 'os', 'ru', 'bel', 'zan', 'ko', 'di', 'mar', 'ul', 'sha', 'nev', 'ti'];

/** An invented word per index: the names of villages, units and officials a real project is full of. */
function inventedWord(index: number): string {
  let word = '';
  let n = index + SYLLABLES.length;
  while (n > 0) {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * `count` claims on sentences of the synthetic corpus, by 300 actors, with one word from a
 * vocabulary of 20,000 invented names drawn with a Zipf-like (log-uniform) law: the corpus's own
 * templates repeat every word thousands of times, where real reporting has a long tail of rare
 * names, and the tail is what the scorer's blocking works on. Deterministic.
 */
export function syntheticCandidateClaims(count: number, seed = 11): CandidateClaim[] {
  const rand = prng(seed);
  const claims: CandidateClaim[] = [];
  for (let article = 0; claims.length < count; article++) {
    const source = syntheticArticle(seed * 7919 + article, 3_000);
    const sentences = source.text.split(/(?<=[.!?”])\s+/).filter((s) => s.length > 20);
    for (const sentence of sentences.slice(0, 10)) {
      if (claims.length >= count) break;
      const rare = inventedWord(Math.floor(Math.pow(20_000, rand())) - 1);
      const actor = Math.floor(rand() * 300);
      claims.push({
        id: `claim-${String(claims.length).padStart(6, '0')}`,
        quote: `${sentence} (${rare})`,
        actorId: `actor-${actor}`,
        actorName: `Speaker ${actor}`,
        actorAliases: [],
        viaName: null,
        articleId: `article-${article}`,
        articleTitle: source.title,
        outlet: source.outlet,
        date: source.publishedAt,
        tags: rand() < 0.5 ? [['denial', 'ceasefire', 'observers', 'aid'][Math.floor(rand() * 4)]!] : [],
      });
    }
  }
  return claims;
}
