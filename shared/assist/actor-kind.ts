import type { ActorKind } from '../domain';
import { fold } from '../fold';
import { GOVERNMENT_WORDS, ORGANISATION_WORDS, OUTLET_WORDS, PERSON_NOUNS, TITLES } from './attribution/lexicon';
import { guessKind } from './attribution/resolve';
import { COMPANY_ENDINGS, COUNTRY_NAMES } from './country-names';

const ACRONYM = /^[\p{Lu}\d.&-]{2,}$/u;

/** Whether a word tells something of the kind of whoever it names. */
function telling(word: string): boolean {
  const lower = word.toLowerCase();
  return ACRONYM.test(word) || [OUTLET_WORDS, GOVERNMENT_WORDS, ORGANISATION_WORDS, PERSON_NOUNS, TITLES].some((words) => words.has(lower));
}

/**
 * The kind of a new actor guessed from its name: a country is a country ("Russia"), a company
 * ending is an organisation ("… GmbH"), and otherwise the attribution extractor's word lists
 * ("Interfax", "… News Agency", "Ministry of …", "Harbour Board", "NATO"), a title before a name
 * a person ("Defence Minister Ilya Varetsky"). A name with none of
 * those words ("Dmitry Pelkov", "Nordpress") is what the field usually holds: `usual`.
 */
export function guessActorKind(name: string, usual: ActorKind): ActorKind {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return usual;
  if (COUNTRY_NAMES.has(fold(name.replace(/^the\s+/iu, '')))) return 'country';
  if (words.length > 1 && COMPANY_ENDINGS.has(words[words.length - 1]!.toLowerCase().replace(/\.$/u, ''))) return 'organisation';
  if (!words.some(telling)) return usual;
  // A title before a plain name is a person's ("Defence Minister Ilya Varetsky").
  const lastTitle = words.findLastIndex((w) => TITLES.has(w.toLowerCase()) || PERSON_NOUNS.has(w.toLowerCase()));
  const after = words.slice(lastTitle + 1);
  if (lastTitle >= 0 && after.length > 0 && after.every((w) => /^\p{Lu}/u.test(w) && !telling(w))) return 'person';
  return guessKind(words, words.filter((w) => /^\p{Lu}/u.test(w)).length);
}
