/**
 * A deterministic synthetic news corpus for benchmarks and tests: fictional reports about a
 * ceasefire-monitoring mission, with the mess real reporting has (curly quotes, diacritics,
 * non-breaking spaces, emoji, CJK, a sentence standing twice). Same seed, same corpus.
 */

/** Mulberry32: small, fast, good enough for test data, and identical on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = ['Northern Wire', 'Meridian Daily', 'Agence Véritas', 'Koryo Times 高丽时报', 'The Ledger'];
const SPEAKERS = [
  'Minister Ilham Qadirov',
  'Minister İlham Kadirov',
  'spokesman Dmitri Peskarov',
  'spokeswoman Zofia Łukasiewicz',
  'General Mehmet Erdoğanlı',
  'envoy Søren Ødegård',
];
const SENTENCES = [
  '“No foreign troops will join the monitoring mission,” {speaker} said on Tuesday.',
  '{speaker} told reporters that the mission would include observers from three countries.',
  'According to {outlet}, the ceasefire line had been quiet for 48\u00a0hours.',
  'The ministry’s statement — issued late at night — contradicted earlier remarks by {speaker}.',
  'Officials in the capital called the report “baseless” 🙄 and demanded a correction.',
  '停火监督团将于下周抵达。 The mission is expected next week, {outlet} reported.',
  'Residents said shelling resumed near the river crossing at 05:40, despite the truce.',
  '{speaker} denied that any agreement on foreign participation had been reached.',
  'A senior diplomat, speaking on condition of anonymity, said talks were “at an impasse”.',
  'The café owner in Dubrovnik-Novi said she had not seen soldiers in weeks. 🇪🇺',
];

export interface SyntheticArticle {
  title: string;
  outlet: string;
  publishedAt: string;
  text: string;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function sentence(rand: () => number, outlet: string): string {
  return pick(rand, SENTENCES).replace('{speaker}', pick(rand, SPEAKERS)).replace('{outlet}', outlet);
}

/** One article of roughly `targetChars` UTF-16 units; its first sentence repeats (subtitle and body). */
export function syntheticArticle(seed: number, targetChars: number): SyntheticArticle {
  const rand = prng(seed);
  const outlet = pick(rand, OUTLETS);
  const lead = sentence(rand, outlet);
  const paragraphs: string[] = [lead];
  let size = lead.length;
  while (size < targetChars) {
    const count = 2 + Math.floor(rand() * 4);
    const paragraph = Array.from({ length: count }, () => sentence(rand, outlet)).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  paragraphs.splice(Math.min(2, paragraphs.length), 0, lead);
  const day = 1 + Math.floor(rand() * 28);
  return {
    title: `Ceasefire mission: ${pick(rand, SPEAKERS)} on foreign troops (#${seed})`,
    outlet,
    publishedAt: `2026-03-${String(day).padStart(2, '0')}`,
    text: paragraphs.join('\n\n'),
  };
}

export function* syntheticCorpus(count: number, averageChars: number, seed = 1): Generator<SyntheticArticle> {
  const rand = prng(seed);
  for (let i = 0; i < count; i++) {
    const size = Math.round(averageChars * (0.5 + rand()));
    yield syntheticArticle(seed * 1_000_003 + i, size);
  }
}
