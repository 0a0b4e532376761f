import { fold } from './fold';

/**
 * A rough phonetic skeleton of a folded name, so that common transliteration variants of the
 * same name meet: Pelkov/Pelkow, Shoigu/Shoygu, Ilham/Ilcham, Qadirov/Kadirov, Zelensky/Selenskyj.
 * Used only to offer "is this the same actor?", never to merge by itself.
 */
const RULES: Array<[RegExp, string]> = [
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh/g, 'j'],
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/ch/g, 'h'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/c/g, 'k'],
  [/w/g, 'v'],
  [/ou/g, 'u'],
  [/[yj]/g, 'i'],
  [/ks/g, 'x'],
  [/([a-z])\1+/g, '$1'],
  [/ii+/g, 'i'],
];

export function nameSkeleton(name: string): string {
  let text = fold(name).replace(/[^a-z0-9\s]/g, ' ').replace(/\s+/g, ' ').trim();
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  // Zelensky / Selenskyj: an initial z and s, and a final -i/-ii, are too often spelt either way.
  return text
    .split(' ')
    .map((word) => word.replace(/^z/, 's'))
    .join(' ');
}
