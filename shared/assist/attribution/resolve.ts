/**
 * From a source mention to an actor: the registry (names and aliases, folded), titles stripped,
 * pronouns and bare titles ("he", "the spokesman") to the last fitting person named nearby (a bare
 * title never to a person known by other titles only), and otherwise a proposed new actor with a
 * guessed kind.
 */
import type { ActorKind } from '../../domain';
import { fold } from '../../fold';
import { COUNTRY_NAMES } from '../country-names';
import { GOVERNMENT_WORDS, NOT_ROLES, ORGANISATION_WORDS, OUTLET_WORDS, PERSON_NOUNS, ROLE_SPELLINGS, TITLES } from './lexicon';
import type { Token } from './tokens';
import type { RegistryActor, ResolvedActor } from './types';

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'i', 'him', 'her', 'his']);
const GROUP_PRONOUNS = new Set(['they', 'we', 'it', 'their', 'our']);
/** How far back (UTF-16 units) a pronoun or bare title may look for its person. */
const NEARBY = 3000;
/** Descriptions that fit any person, whatever their role: "the woman" may be the mayor named before. */
const ANYONE = new Set(['man', 'woman']);

/** The role a word names, as roles are compared ("sen." → "senator"), or null ("mr.", "former", "said"). */
function roleOf(lower: string): string | null {
  if (NOT_ROLES.has(lower) || !(TITLES.has(lower) || PERSON_NOUNS.has(lower))) return null;
  return ROLE_SPELLINGS[lower] ?? lower;
}

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.value);
}

function known(actor: RegistryActor): ResolvedActor {
  return { known: true, id: actor.id, name: actor.name, kind: actor.kind };
}

/** One key per actor, known or proposed. */
function actorKey(actor: ResolvedActor): string {
  return actor.known ? `id ${actor.id}` : `new ${fold(actor.name)}`;
}

/** Guesses an unknown source's kind from its words. */
export function guessKind(words: readonly string[], capitalisedNames: number): ActorKind {
  // "Russia said", "the United States warned": a country, never a person's surname.
  if (COUNTRY_NAMES.has(fold(words.join(' ').replace(/^the\s+/iu, '')))) return 'country';
  const lower = words.map((w) => w.toLowerCase());
  if (lower.some((w) => OUTLET_WORDS.has(w)) && capitalisedNames > 0 && !lower.some((w) => PERSON_NOUNS.has(w) && !OUTLET_WORDS.has(w))) return 'outlet';
  if (lower.some((w) => GOVERNMENT_WORDS.has(w))) return 'government';
  if (lower.some((w) => ORGANISATION_WORDS.has(w))) return 'organisation';
  if (capitalisedNames >= 2 || lower.some((w) => PERSON_NOUNS.has(w) || TITLES.has(w))) return 'person';
  // A single capitalised word that speaks is most often a person's surname ("Obama said"); an
  // acronym is an organisation ("NATO said").
  const name = words.findLast((w) => /^\p{Lu}/u.test(w));
  if (capitalisedNames === 1 && name) return /^[\p{Lu}\d.&-]{2,}$/u.test(name) ? 'organisation' : 'person';
  return 'other';
}

export interface Mention {
  /** The mention as written. */
  text: string;
  actor: ResolvedActor | null;
  /** A name was found in the mention (not a pronoun, title or description). */
  named: boolean;
}

export class ActorResolver {
  private readonly byName = new Map<string, RegistryActor>();
  /** Surname → person, for "Pelkov said" after "Dmitry Pelkov" (only when one person has it). */
  private readonly bySurname = new Map<string, ResolvedActor | null>();
  private lastPerson: { actor: ResolvedActor; at: number } | null = null;
  private lastGroup: { actor: ResolvedActor; at: number } | null = null;
  /** The last news outlet named as an agency ("the Tass news agency"), for a later "the agency". */
  private lastAgency: { actor: ResolvedActor; at: number } | null = null;
  private readonly byTitle = new Map<string, { actor: ResolvedActor; at: number }>();
  /** Every role a person has been named with so far (by actorKey), in any mention of them. */
  private readonly rolesOf = new Map<string, Set<string>>();
  /** Words of named bodies ("ministry" of "the Defence Ministry"), for a later "the ministry". */
  private readonly byHeadWord = new Map<string, { actor: ResolvedActor; at: number }>();

  constructor(registry: readonly RegistryActor[]) {
    for (const actor of registry) {
      for (const name of [actor.name, ...actor.aliases]) {
        const key = fold(name);
        if (key && !this.byName.has(key)) this.byName.set(key, actor);
        if (actor.kind === 'person') this.noteSurname(key, known(actor));
      }
    }
  }

  private noteSurname(foldedName: string, actor: ResolvedActor): void {
    const parts = foldedName.split(' ');
    if (parts.length < 2) return;
    const surname = parts[parts.length - 1]!;
    const seen = this.bySurname.get(surname);
    if (seen === undefined) this.bySurname.set(surname, actor);
    else if (seen && seen.name !== actor.name) this.bySurname.set(surname, null);
  }

  /** The longest run of the mention's words that names a registry actor. */
  private lookUp(words: readonly Token[]): RegistryActor | null {
    const n = Math.min(words.length, 12);
    for (let length = Math.min(n, 6); length >= 1; length--) {
      for (let from = 0; from + length <= n; from++) {
        const key = fold(words.slice(from, from + length).map((t) => t.value).join(' '));
        const actor = this.byName.get(key);
        if (actor) return actor;
      }
    }
    return null;
  }

  /** Records that a person or group was named at `at` (with roles, see roleOf), for later pronouns and bare titles. */
  remember(actor: ResolvedActor, at: number, roles: readonly string[] = []): void {
    if (actor.kind === 'person') {
      this.lastPerson = { actor, at };
      const key = actorKey(actor);
      const known = this.rolesOf.get(key) ?? new Set<string>();
      this.rolesOf.set(key, known);
      for (const role of roles) {
        this.byTitle.set(role, { actor, at });
        known.add(role);
      }
      if (!actor.known) this.noteSurname(fold(actor.name), actor);
    } else {
      this.lastGroup = { actor, at };
      for (const word of fold(actor.name).split(' ')) this.byHeadWord.set(word, { actor, at });
    }
  }

  /**
   * Notes a name met in the text that is not a source ("Obama met survivors …"), so that a later
   * "he" or surname can find it. Only names that read as a person's are kept.
   */
  notePerson(tokens: readonly Token[], at: number): void {
    const registered = this.lookUp(tokens);
    if (registered) {
      if (registered.kind === 'person') this.remember(known(registered), at, this.rolesIn(tokens));
      return;
    }
    const { name, titled } = this.nameIn(tokens);
    if (name.length === 0 || (!titled && guessKind(tokens.map((t) => t.value), name.length) !== 'person')) return;
    const nameText = name.map((t, i) => (i > 0 && name[i - 1]!.e < t.s ? ' ' : '') + t.value).join('');
    const bySurname = name.length === 1 ? this.bySurname.get(fold(name[0]!.value)) : undefined;
    this.remember(bySurname ?? { known: false, name: nameText, kind: 'person' }, at, this.rolesIn(tokens));
  }

  /** Resolves a source mention (its tokens) found at UTF-16 offset `at`, and remembers a name for later mentions. */
  resolve(written: readonly Token[], at: number): Mention {
    const { mention, roles } = this.identify(written, at);
    if (mention.named && mention.actor) this.remember(mention.actor, at, roles);
    if (mention.named && mention.actor?.kind === 'outlet' && written.some((t) => t.lower === 'agency')) this.lastAgency = { actor: mention.actor, at };
    return mention;
  }

  /**
   * What `resolve` would answer, remembering nothing: for a mention read ahead of its turn, so
   * that it cannot become the person a pronoun before it stands for.
   */
  peek(written: readonly Token[], at: number): Mention {
    return this.identify(written, at).mention;
  }

  private identify(written: readonly Token[], at: number): { mention: Mention; roles: string[] } {
    // "Trump's claim": the possessor without its "'s".
    const last = written[written.length - 1];
    const mention = written.length > 1 && last && /^['’]s?$/.test(last.lower) ? written.slice(0, -1) : written;
    const text = mention.map((t, i) => (i > 0 && mention[i - 1]!.e < t.s ? ' ' : '') + t.value).join('');
    // "Ralf Jäger, the minister": the name is before the appositive, "the mediator, Ana Ribeiro":
    // in it; the titles of both count.
    const parts: Token[][] = [[]];
    for (const t of mention) {
      if (t.value === ',') parts.push([]);
      else parts[parts.length - 1]!.push(t);
    }
    const tokens = parts.find((part) => this.nameIn(part).name.length > 0 || this.lookUp(part)) ?? parts[0]!;
    const roles = this.rolesIn(mention);
    if (tokens.length === 1 && PERSON_PRONOUNS.has(tokens[0]!.lower)) {
      const person = this.lastPerson && at - this.lastPerson.at <= NEARBY ? this.lastPerson.actor : null;
      return { mention: { text, actor: person, named: false }, roles };
    }
    if (tokens.length === 1 && GROUP_PRONOUNS.has(tokens[0]!.lower)) {
      const group = this.lastGroup && at - this.lastGroup.at <= NEARBY ? this.lastGroup.actor : null;
      return { mention: { text, actor: group, named: false }, roles };
    }
    const registered = this.lookUp(tokens);
    if (registered) return { mention: { text, actor: known(registered), named: true }, roles };
    const { name, titled } = this.nameIn(tokens);
    if (name.length === 0) {
      // A description: a bare title with "the" is the last person named with that role, or else the
      // last person if no role of theirs is known ("the governor" is not the minister named before).
      const lower = tokens.map((t) => t.lower);
      const definite = lower[0] === 'the' || lower[0] === 'his' || lower[0] === 'her';
      const role = lower.map(roleOf).findLast((r) => r !== null);
      if (definite && role && role !== 'source' && !lower.some((w) => w.endsWith('s') && PERSON_NOUNS.has(w.slice(0, -1)))) {
        const titled = this.byTitle.get(role);
        if (titled && at - titled.at <= NEARBY) return { mention: { text, actor: titled.actor, named: false }, roles };
        const last = this.lastPerson;
        if (last && at - last.at <= NEARBY && (ANYONE.has(role) || !this.rolesOf.get(actorKey(last.actor))?.size)) return { mention: { text, actor: last.actor, named: false }, roles };
      }
      // "the ministry" after "the Defence Ministry".
      const head = lower[lower.length - 1];
      const body = definite && head ? this.byHeadWord.get(fold(head)) : undefined;
      if (body && at - body.at <= NEARBY) return { mention: { text, actor: body.actor, named: false }, roles };
      // "the agency" after "the Tass news agency" (not after "Tass" alone: it may be a government's;
      // "the newspaper" and "the website" went as often to the wrong outlet as to the right one).
      const agency = this.lastAgency;
      if (definite && head === 'agency' && agency && at - agency.at <= NEARBY) return { mention: { text, actor: agency.actor, named: false }, roles };
      return { mention: { text, actor: null, named: false }, roles };
    }
    const nameText = name.map((t, i) => (i > 0 && name[i - 1]!.e < t.s ? ' ' : '') + t.value).join('');
    const kind = titled ? 'person' : guessKind(tokens.map((t) => t.value), name.length);
    if (kind === 'person' || (name.length === 1 && this.bySurname.get(name[0]!.lower))) {
      const bySurname = name.length === 1 ? this.bySurname.get(fold(name[0]!.value)) : undefined;
      return { mention: { text, actor: bySurname ?? { known: false, name: nameText, kind: 'person' }, named: true }, roles };
    }
    return { mention: { text, actor: { known: false, name: nameText, kind }, named: true }, roles };
  }

  private rolesIn(tokens: readonly Token[]): string[] {
    return tokens.map((t) => roleOf(t.lower)).filter((r) => r !== null);
  }

  /**
   * The name in a mention: its last run of capitalised words, without leading determiners and,
   * when a person's title precedes a name ("Kremlin spokesman Dmitry Pelkov"), without the title.
   */
  private nameIn(tokens: readonly Token[]): { name: Token[]; titled: boolean } {
    let end = tokens.length;
    while (end > 0 && !isCapitalised(tokens[end - 1]!)) end--;
    let start = end;
    while (start > 0 && (isCapitalised(tokens[start - 1]!) || tokens[start - 1]!.lower === "'s" || tokens[start - 1]!.lower === '’s')) start--;
    // "a senior official in Kiev": a place after a preposition is not the speaker's name.
    const preposition = tokens[start - 1]?.lower;
    if (preposition && /^(in|from|at|near|outside)$/.test(preposition)) {
      const rest = tokens.slice(start, end);
      if (!rest.some((t) => GOVERNMENT_WORDS.has(t.lower) || ORGANISATION_WORDS.has(t.lower) || OUTLET_WORDS.has(t.lower))) return { name: [], titled: false };
    }
    let run = tokens.slice(start, end);
    const possessive = run.findLastIndex((t) => t.lower === "'s" || t.lower === '’s');
    if (possessive >= 0) run = run.slice(possessive + 1);
    while (run.length > 0 && DETERMINERS.has(run[0]!.lower)) run = run.slice(1);
    const lastTitle = run.findLastIndex((t) => TITLES.has(t.lower));
    if (lastTitle >= 0 && lastTitle < run.length - 1) {
      const rest = run.slice(lastTitle + 1);
      const institutional = rest.some((t) => GOVERNMENT_WORDS.has(t.lower) || ORGANISATION_WORDS.has(t.lower) || OUTLET_WORDS.has(t.lower));
      if (!institutional) return { name: rest, titled: true };
    }
    // "mission spokeswoman Elena Marsh": a person's title written in lower case before the name.
    const titleBefore = start > 0 && tokens.slice(0, start).some((t) => PERSON_NOUNS.has(t.lower) || TITLES.has(t.lower));
    if (run.length > 0 && run.every((t) => TITLES.has(t.lower))) return { name: [], titled: false };
    return { name: run, titled: titleBefore && run.length >= 2 };
  }
}
