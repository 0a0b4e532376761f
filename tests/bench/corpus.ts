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

const OUTLETS = ['Northern Wire', 'Meridian Daily', 'Agence Véritas', 'Koryo Times 高丽时报', 'The Ledger', 'Baltic Courier', 'Radio Dniester', 'Anadolu Haber Ajansı'];
const FIRST = ['Ilham', 'İlham', 'Dmitri', 'Zofia', 'Mehmet', 'Søren', 'Ana', 'Hélène', 'Oleksandr', 'Giorgi', 'Ayşe', 'Jüri', 'Marta', 'Tomasz', 'Nikoloz', 'Farida', 'Kęstutis', 'Ludmila', 'Emre', 'Ioana'];
const LAST = ['Qadirov', 'Kadirov', 'Pelkarov', 'Łukasiewicz', 'Erdoğanlı', 'Ødegård', 'Petrović', 'Moreau', 'Shevchuk', 'Beridze', 'Yılmaz', 'Tamm', 'Nowak', 'Wiśniewski', 'Kvaratskhelia', 'Aliyeva', 'Žukauskas', 'Ionescu', 'Çelik', 'Horváth'];
const ROLES = ['Minister', 'spokesman', 'spokeswoman', 'General', 'envoy', 'deputy minister', 'mission chief', 'ambassador'];
const PLACES = ['Velmora', 'Dubrovnik-Novi', 'Karsk', 'Orlova Bay', 'Tervel', 'Szeged-Dolny', 'Ardahanlı', 'Lake Voren', 'Pristan', 'Keld', 'Brezno', 'Ustyn'];
const TOPICS = ['monitoring mission', 'prisoner exchange', 'grain corridor', 'demilitarised zone', 'border crossing', 'humanitarian convoy', 'drone strikes', 'power plant', 'evacuation route', 'observer rotation'];
const SENTENCES = [
  '“No foreign troops will join the {topic},” {speaker} said on Tuesday.',
  '{speaker} told reporters in {place} that the {topic} would include observers from {n} countries.',
  'According to {outlet}, the ceasefire line near {place} had been quiet for {n}\u00a0hours.',
  'The ministry’s statement — issued late at night — contradicted earlier remarks by {speaker}.',
  'Officials in {place} called the report on the {topic} “baseless” 🙄 and demanded a correction.',
  '停火监督团将于下周抵达。 The {topic} is expected next week, {outlet} reported.',
  'Residents said shelling resumed near {place} at 05:{n}, despite the truce.',
  '{speaker} denied that any agreement on the {topic} had been reached.',
  'A senior diplomat, speaking on condition of anonymity, said talks on the {topic} were “at an impasse”.',
  'The café owner in {place} said she had not seen soldiers in {n} weeks. 🇪🇺',
  '{speaker} said the {topic} would be reviewed “in the coming days”.',
  'Satellite images published by {outlet} appear to show {n} vehicles near {place}.',
  '“We have no information about that,” {speaker} said when asked about the {topic}.',
  'Aid groups said the {topic} near {place} had been suspended for {n} days.',
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

function speaker(rand: () => number): string {
  return `${pick(rand, ROLES)} ${pick(rand, FIRST)} ${pick(rand, LAST)}`;
}

function sentence(rand: () => number, outlet: string): string {
  return pick(rand, SENTENCES)
    .replace('{speaker}', speaker(rand))
    .replace('{outlet}', outlet)
    .replace('{place}', pick(rand, PLACES))
    .replace('{topic}', pick(rand, TOPICS))
    .replace('{n}', String(2 + Math.floor(rand() * 58)));
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
  const topic = pick(rand, TOPICS);
  return {
    title: `${topic[0]!.toUpperCase()}${topic.slice(1)}: ${speaker(rand)} in ${pick(rand, PLACES)} (#${seed})`,
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
