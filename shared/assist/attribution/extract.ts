/**
 * The attribution extractor: who said what in an article. Pure and deterministic (no DOM, no
 * Node APIs), so it runs the same in a worker, the backend and the CLI.
 *
 * wink-nlp gives tokens, parts of speech, lemmas and sentences; rules on top find
 *   SOURCE CUE (that) CONTENT          Pelkov said (that) the talks failed.
 *   CONTENT, SOURCE CUE / CUE SOURCE   “…,” he said.   …, said the spokesman.
 *   according to SOURCE, CONTENT       and CONTENT, according to SOURCE.
 *   split and paragraph-spanning quotations, and quotations with no cue of their own
 * and channels: "told Tass", "Tass cited X as saying", "X was quoted by Y as saying",
 * "…, Russia's Tass news agency reported", "…, according to Interfax".
 */
import { firstIndex } from '../../first-index';
import { OffsetMap } from '../../offsets';
import { whyNotEnglish } from './language';
import { ADDRESSEE_VERBS, ADJECTIVE_CUES, AFTER_QUOTE_CUES, CITED_PRONOUNS, CUE_VERBS, FORWARD_ONLY_CUES, NOUN_CUES, OUTLET_WORDS, PHRASAL_CUES, SOURCE_PRONOUNS, STANCE_VERBS } from './lexicon';
import { findQuotations, type Quotation } from './quotes';
import { ActorResolver, type Mention } from './resolve';
import { analyse, type Token } from './tokens';
import type { Extraction, RegistryActor, Span, Suggestion } from './types';
import { EXTRACTOR_VERSION } from './version';

/** Token index range [from, to). */
interface Range {
  from: number;
  to: number;
}

/** A suggestion while it is being built: UTF-16 offsets, token ranges. */
interface Draft {
  fragments: { s: number; e: number }[];
  source: Range | null;
  mention: Mention | null;
  cue: Range | null;
  channel: { range: Range; mention: Mention } | null;
  direct: boolean;
  confidence: number;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);
const HEAD_POS = new Set(['PROPN', 'NOUN']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const NP_LINKS = new Set(['of', 'for', 'at', 'from', 'in', 'with']);
const SENTENCE_END = new Set(['.', '!', '?', ',', ';', ':', '—', '–', '-']);
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tonight', 'earlier', 'later', 'last', 'this', 'week', 'month', 'year', 'morning', 'afternoon',
  'evening', 'night', 'on', 'in', 'at', 'during', 'a', 'an', 'the', 'statement', 'interview',
  'speech', 'briefing', 'conference', 'news', 'press', 'also', 'again', 'repeatedly', 'recently',
  'publicly', 'privately', 'then', 'now', 'once', 'previously', 'separately', 'here', 'there',
]);
const MAX_NP = 10;
/** Titles that make one capitalised word after them a person's name. */
const TITLE_ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'president', 'minister', 'senator', 'sen.', 'gov.', 'rep.', 'gen.', 'spokesman', 'spokeswoman']);
/** Labels that open a line with a colon without anyone speaking ("BYLINE: …", "Answer: …"). */
const NOT_SPEAKERS = new Set([
  'byline', 'answer', 'question', 'q', 'a', 'update', 'updated', 'photo', 'source', 'sources', 'note',
  'related', 'editor', "editor's", 'editor’s', 'correction', 'watch', 'read', 'video', 'listen', 'see',
  'also', 'more', 'subscribe', 'share', 'tags', 'filed', 'posted', 'published', 'date', 'location',
]);
/** Words of time that stand between a source and its cue ("Clinton on Tuesday said"). */
const WHEN = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tonight', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'earlier', 'later',
]);
/** Verbs whose passive takes an infinitive, the clause being someone's unnamed statement: "is expected to". */
const PASSIVE_RAISING = new Set(['expect', 'say', 'believe', 'think', 'report', 'rumor', 'rumour', 'know']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s', "'re", '’re']);
/** Words for a share of people that can head a speaker: "a third said", "most believe". */
const SHARES = new Set(['third', 'thirds', 'quarter', 'quarters', 'half', 'most', 'many', 'some', 'few', 'majority', 'others']);
/** Words that start the circumstances of a stance rather than its object ("… during a visit"). */
const STANCE_CIRCUMSTANCES = new Set(['during', 'after', 'before', 'since', 'while', 'when', 'because', 'last']);
/** Tokens an appositive may have between a source's name and its cue. */
const MAX_APPOSITIVE = 40;

function isWord(token: Token): boolean {
  return /[\p{L}\p{N}]/u.test(token.value);
}

/** "'s", or a bare apostrophe right after its word ("Sanders’"). */
function isPossessive(token: Token, previous: Token | undefined): boolean {
  if (token.lower === "'s" || token.lower === '’s') return true;
  return (token.lower === "'" || token.lower === '’') && previous !== undefined && previous.e === token.s && /\p{L}$/u.test(previous.value);
}

class ArticleExtractor {
  private readonly tokens: Token[];
  private readonly used: Uint8Array;
  /** Tokens inside quotation marks: their verbs are quoted words, never cues. */
  private readonly quoted: Uint8Array;
  private readonly drafts: Draft[] = [];
  private readonly resolver: ActorResolver;
  private readonly quotations: Quotation[];
  private readonly quotationByStart = new Map<number, Quotation>();
  private readonly quotationByEnd = new Map<number, Quotation>();

  constructor(private readonly text: string, registry: readonly RegistryActor[]) {
    const analysis = analyse(text);
    this.tokens = analysis.tokens;
    this.used = new Uint8Array(this.tokens.length);
    this.resolver = new ActorResolver(registry);
    this.quotations = findQuotations(text);
    this.quoted = new Uint8Array(this.tokens.length);
    for (const q of this.quotations) {
      this.quotationByStart.set(q.s, q);
      this.quotationByEnd.set(q.e, q);
      for (let i = this.tokenAt(q.s) + 1; i < this.tokens.length && this.tokens[i]!.e < q.e; i++) this.quoted[i] = 1;
    }
    for (const sentence of analysis.sentences) this.sentence(sentence);
    this.unattributedQuotations();
  }

  suggestions(): Suggestion[] {
    const map = new OffsetMap(this.text);
    const span = (s: number, e: number): Span => ({ start: map.toCodePoint(s), end: map.toCodePoint(e) });
    const range = (r: Range): Span => span(this.tokens[r.from]!.s, this.tokens[r.to - 1]!.e);
    return this.drafts
      .map((draft): Suggestion => {
        const fragments = draft.fragments.map((f) => span(f.s, f.e));
        const start = fragments[0]!.start;
        const end = fragments[fragments.length - 1]!.end;
        return {
          start,
          end,
          quote: map.slice(start, end),
          fragments,
          source: {
            span: draft.source ? range(draft.source) : null,
            // The mention exactly as stored (the resolver's text has its spaces made plain).
            text: draft.source ? map.slice(range(draft.source).start, range(draft.source).end) : (draft.mention?.text ?? ''),
            actor: draft.mention?.actor ?? null,
          },
          cue: draft.cue ? range(draft.cue) : null,
          channel: draft.channel && draft.channel.mention.actor
            ? { span: range(draft.channel.range), text: draft.channel.mention.text, actor: draft.channel.mention.actor }
            : null,
          direct: draft.direct,
          confidence: Math.round(Math.min(0.99, Math.max(0.05, draft.confidence)) * 100) / 100,
        };
      })
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }

  // --- noun phrases -------------------------------------------------------------------------

  /**
   * Whether a token can be part of a noun phrase. The lite model tags some names as verbs ("Ted"),
   * so a capitalised word inside a sentence counts as a name whatever its tag, and hyphenated
   * words ("teary-eyed") hold together.
   */
  private nounish(i: number, sentenceStart: number): boolean {
    const t = this.tokens[i]!;
    if (NP_POS.has(t.pos) || isPossessive(t, this.tokens[i - 1])) return true;
    if (t.pos === 'PUNCT') return t.value === '.' || (t.value === '-' && this.tokens[i - 1]?.e === t.s && this.tokens[i + 1]?.s === t.e);
    if (i > sentenceStart && /^\p{Lu}/u.test(t.value) && t.pos !== 'PRON') return true;
    return this.tokens[i - 1]?.value === '-' && this.tokens[i - 1]!.e === t.s;
  }

  /** The noun phrase ending just before `end` (after skipping adverbs and auxiliaries). */
  private npLeft(from: number, end: number): Range | null {
    let i = end - 1;
    for (;;) {
      const t = this.tokens[i];
      if (i < from || !t) break;
      // "Clinton on Tuesday said", "a poll released Saturday found": the time is not the speaker.
      if (t.pos === 'ADV' || t.pos === 'AUX' || t.lower === 'not' || WHEN.has(t.lower)) i--;
      else if (/^(on|last|this|early|late)$/.test(t.lower) && WHEN.has(this.tokens[i + 1]?.lower ?? '')) i--;
      // "a poll released Saturday found", "Cuban-Americans polled said": a participle after the phrase.
      else if (t.pos === 'VERB' && t.lower.endsWith('ed') && (i === end - 1 || WHEN.has(this.tokens[i + 1]?.lower ?? '')) && i - 1 >= from && HEAD_POS.has(this.tokens[i - 1]!.pos)) i--;
      else break;
    }
    if (i < from) return null;
    const last = this.tokens[i]!;
    if (last.pos === 'PRON' || SOURCE_PRONOUNS.has(last.lower)) {
      return SOURCE_PRONOUNS.has(last.lower) ? { from: i, to: i + 1 } : null;
    }
    // "more than 4 in 10 said", "a third said": a share of people is a speaker too; "the
    // self-described harbour socialist said": an adjective after a noun heads the phrase.
    const otherHead = last.pos === 'NUM' || SHARES.has(last.lower) || (last.pos === 'ADJ' && i - 1 >= from && this.tokens[i - 1]!.pos === 'NOUN');
    if (!HEAD_POS.has(last.pos) && !otherHead && !(i > from && /^\p{Lu}/u.test(last.value))) {
      if (last.value === ',') return this.apposition(from, i);
      if (last.value === ')') return this.parenthesised(from, i);
      return null;
    }
    let start = i;
    while (start - 1 >= from && i - start + 1 < MAX_NP) {
      const prev = this.tokens[start - 1]!;
      if (prev.pos === 'DET' || POSSESSIVE_DETERMINERS.has(prev.lower)) {
        start--;
        // "The director of the European Centre": the phrase goes on before a link.
        const link = this.tokens[start - 1];
        if (link && NP_LINKS.has(link.lower) && start - 2 >= from && HEAD_POS.has(this.tokens[start - 2]!.pos)) {
          start -= 2;
          continue;
        }
        break;
      }
      if (this.nounish(start - 1, from)) {
        start--;
        continue;
      }
      // "a spokesman for the ministry", "Secretary of State John Kerry", "4 in 10"
      const beforeLink = this.tokens[start - 2];
      if (NP_LINKS.has(prev.lower) && start - 2 >= from && (HEAD_POS.has(beforeLink!.pos) || beforeLink!.pos === 'NUM')) {
        start -= 2;
        continue;
      }
      // "more than 4 in 10"
      if (prev.lower === 'than' && start - 2 >= from && /^(more|less|fewer)$/.test(beforeLink!.lower)) {
        start -= 2;
        continue;
      }
      break;
    }
    return { from: start, to: i + 1 };
  }

  /**
   * A source with an appositive before its cue: "Dmitry Pelkov, the Kremlin spokesman, said",
   * "Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said". Walks back
   * from the comma before the cue to a comma after a name that starts the clause, preferring the
   * one that starts the sentence.
   */
  private apposition(from: number, comma: number): Range | null {
    let found: Range | null = null;
    for (let k = comma - 1; k > from && comma - k <= MAX_APPOSITIVE; k--) {
      if (this.tokens[k]!.value !== ',') continue;
      const first = this.npLeft(from, k);
      if (!first || SOURCE_PRONOUNS.has(this.tokens[first.from]!.lower)) continue;
      if (!this.tokens.slice(first.from, first.to).some((t) => /^\p{Lu}/u.test(t.value))) continue;
      const before = this.tokens[first.from - 1];
      // "VARNITSA — A spokesman for the ministry, Aurel Cojocaru, said": a dateline is no clause.
      const opening = first.from === from || first.from === this.afterDateline({ from, to: comma }).from;
      const startsClause = opening || !before || before.value === ',' || this.closesQuote(first.from - 1) || before.pos === 'CCONJ';
      if (!startsClause) continue;
      found = { from: first.from, to: comma };
      if (opening) break;
    }
    return found;
  }

  /** "Sen. Bernie Sanders (I-Vt.)": the phrase before a short parenthesis, with it. */
  private parenthesised(from: number, close: number): Range | null {
    for (let k = close - 1; k >= from && close - k <= 8; k--) {
      if (this.tokens[k]!.value !== '(') continue;
      const np = this.npLeft(from, k);
      return np ? { from: np.from, to: close + 1 } : null;
    }
    return null;
  }

  /** The subject at the start of a clause ("Obama met … and said …"), if it is a name or pronoun. */
  private clauseSubject(from: number, to: number): Range | null {
    const np = this.npRight(this.afterDateline({ from, to }).from, to);
    if (!np) return null;
    const next = this.tokens[np.to];
    if (!next || !(next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV')) return null;
    const named = SOURCE_PRONOUNS.has(this.tokens[np.from]!.lower) || this.tokens.slice(np.from, np.to).some((t) => /^\p{Lu}/u.test(t.value));
    return named ? np : null;
  }

  /** After an opening phrase and its comma ("In Varna on Tuesday, the mayor …"): where the clause starts, or `from`. */
  private afterOpeningPhrase(from: number, to: number): number {
    if (!/^(ADP|ADV|SCONJ)$/.test(this.tokens[from]?.pos ?? '')) return from;
    for (let k = from + 1; k < to && k - from <= 12; k++) {
      const t = this.tokens[k]!;
      if (t.value === ',') return k + 1;
      if (t.pos === 'VERB' || t.pos === 'AUX' || this.quoted[k]) break;
    }
    return from;
  }

  /** The noun phrase starting at `start`, or null. */
  private npRight(start: number, to: number): Range | null {
    if (start >= to) return null;
    const first = this.tokens[start]!;
    if (SOURCE_PRONOUNS.has(first.lower)) return { from: start, to: start + 1 };
    let i = start;
    let lastHead = -1;
    while (i < to && i - start < MAX_NP) {
      const t = this.tokens[i]!;
      // Capitalised words are names whatever their tag (the lite model tags "Herald" a verb).
      const hyphen = (k: number) => this.tokens[k]?.value === '-' && this.tokens[k - 1]?.e === this.tokens[k]!.s && this.tokens[k + 1]?.s === this.tokens[k]!.e;
      if (HEAD_POS.has(t.pos) || (/^\p{Lu}/u.test(t.value) && t.pos !== 'PRON' && t.pos !== 'PUNCT')) lastHead = i;
      // "the 61-year-old": hyphenated words hold together, and the last of them is the head.
      else if (hyphen(i) && i > start) {
        // continues
      } else if (hyphen(i - 1) && i - 1 > start && isWord(t)) lastHead = i;
      else if (NP_POS.has(t.pos) || isPossessive(t, this.tokens[i - 1]) || POSSESSIVE_DETERMINERS.has(t.lower)) {
        // A determiner starts a new phrase, unless it follows a link ("a monitor with the mission").
        if (t.pos === 'DET' && i > start && !NP_LINKS.has(this.tokens[i - 1]!.lower)) break;
      } else if (NP_LINKS.has(t.lower) && lastHead === i - 1 && i + 1 < to) {
        // a link continues the phrase only if a noun phrase follows it
      } else break;
      i++;
    }
    return lastHead >= 0 ? { from: start, to: lastHead + 1 } : null;
  }

  private mentionOf(range: Range): Mention {
    return this.resolver.resolve(this.tokens.slice(range.from, range.to), this.tokens[range.from]!.s);
  }

  /**
   * Whether a source read ahead of its turn is a news outlet ("Tass", "a Tass correspondent"), or
   * one named by its kind alone ("the agency", "the newspaper").
   */
  private isOutlet(range: Range): boolean {
    const words = this.tokens.slice(range.from, range.to);
    if (this.resolver.peek(words, words[0]!.s).actor?.kind === 'outlet') return true;
    return words.length === 2 && words[0]!.lower === 'the' && OUTLET_WORDS.has(words[1]!.lower);
  }

  // --- content ------------------------------------------------------------------------------

  /** Trims trailing sentence punctuation (outside quotation marks) and leading commas. */
  private trim(range: Range): Range {
    let { from, to } = range;
    while (to > from && SENTENCE_END.has(this.tokens[to - 1]!.value)) to--;
    while (from < to && (this.tokens[from]!.value === ',' || this.tokens[from]!.value === ':' || this.tokens[from]!.value === '—')) from++;
    return { from, to };
  }

  private words(range: Range): number {
    let n = 0;
    for (let i = range.from; i < range.to; i++) if (isWord(this.tokens[i]!)) n++;
    return n;
  }

  private free(range: Range): boolean {
    for (let i = range.from; i < range.to; i++) if (this.used[i]) return false;
    return true;
  }

  /** The quotation starting at UTF-16 offset `s`, or ending at `e`. */
  private quotationAt(s: number | null, e: number | null): Quotation | undefined {
    return s !== null ? this.quotationByStart.get(s) : e !== null ? this.quotationByEnd.get(e) : undefined;
  }

  /** Token `i` opens a quotation. */
  private opensQuote(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && this.quotationByStart.has(t.s);
  }

  /** Token `i` closes a quotation. */
  private closesQuote(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && this.quotationByEnd.has(t.e);
  }

  /** The first token at or after UTF-16 offset `offset`. */
  private tokenAt(offset: number): number {
    return firstIndex(this.tokens.length, (i) => this.tokens[i]!.s < offset);
  }

  private markUsed(s: number, e: number): void {
    for (let i = this.tokenAt(s); i < this.tokens.length && this.tokens[i]!.s < e; i++) this.used[i] = 1;
  }

  /** Widens a content range that opens or closes a quotation to the whole quotation. */
  private contentSpan(range: Range): { s: number; e: number; direct: boolean } {
    let s = this.tokens[range.from]!.s;
    let e = this.tokens[range.to - 1]!.e;
    let direct = false;
    if (this.opensQuote(range.from)) {
      const q = this.quotationAt(s, null);
      if (q) {
        e = Math.max(e, q.e);
        direct = true;
      }
    }
    // "He said Cruz “has courage …. He’s not only unafraid …”": a quotation opened in the content
    // runs on to its end, past the sentence.
    for (let i = range.from + 1; i < range.to; i++) {
      const q = this.opensQuote(i) ? this.quotationAt(this.tokens[i]!.s, null) : undefined;
      if (q && q.e > e) e = q.e;
    }
    if (this.closesQuote(range.to - 1)) {
      const q = this.quotationAt(null, e);
      if (q) {
        // "Brief: “…,” said Lind": what stands before a colon is a lead-in, not the quotation.
        const opening = this.tokenAt(q.s);
        s = q.s > s && this.tokens[opening - 1]?.value === ':' ? q.s : Math.min(s, q.s);
        direct = true;
      }
    }
    return { s, e, direct };
  }

  // --- sentences ----------------------------------------------------------------------------

  private sentence(sentence: Range): void {
    /** Where the next content may start (after the previous attribution in this sentence). */
    let floor = sentence.from;
    let previous: Draft | null = null;
    for (let c = sentence.from; c < sentence.to; c++) {
      if (this.used[c]) {
        floor = c + 1;
        continue;
      }
      const token = this.tokens[c]!;
      if (this.quoted[c]) continue;
      let draft: Draft | null = null;
      let consumedTo = c + 1;
      if (token.value === ':' && floor === sentence.from) {
        const result = this.colonLine(sentence, c);
        if (result) ({ draft, consumedTo } = result);
      } else if (token.lower === 'according' && this.tokens[c + 1]?.lower === 'to' && c + 1 < sentence.to) {
        const result = this.accordingTo(sentence, floor, c, previous);
        if (result === 'channel') {
          floor = sentence.to;
          continue;
        }
        if (result) ({ draft, consumedTo } = result);
      } else if (token.pos === 'NOUN' && NOUN_CUES.has(token.lemma) && /^(that|to)$/.test(this.tokens[c + 1]?.lower ?? '')) {
        const result = this.nounCue(sentence, floor, c);
        if (result) ({ draft, consumedTo } = result);
      } else if (ADJECTIVE_CUES[token.lower]?.has(this.tokens[c + 1]?.lower ?? '') && c > floor) {
        const result = this.adjectiveCue(sentence, floor, c);
        if (result) ({ draft, consumedTo } = result);
      } else if ((CUE_VERBS.has(token.lemma) && this.isCueVerb(c)) || (AFTER_QUOTE_CUES.has(token.lemma) && this.afterQuotation(c))) {
        const result = this.verbCue(sentence, floor, c, previous);
        if (result === 'channel') {
          floor = sentence.to;
          continue;
        }
        if (result) ({ draft, consumedTo } = result);
      }
      if (!draft) continue;
      this.commit(draft);
      previous = draft;
      floor = consumedTo;
      c = consumedTo - 1;
    }
    this.notePeople(sentence);
  }

  /** Names of two or more capitalised words, or one after a title ("Mr. Pelkov"), outside quotations and sources. */
  private notePeople(sentence: Range): void {
    let i = sentence.from;
    while (i < sentence.to) {
      const t = this.tokens[i]!;
      if (t.pos !== 'PROPN' || this.quoted[i] || this.used[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < sentence.to && j - i < 6 && this.tokens[j]!.pos === 'PROPN' && !WHEN.has(this.tokens[j]!.lower) && !this.used[j]) j++;
      if (j === i) j++;
      const run = this.tokens.slice(i, j);
      const titled = i > sentence.from && TITLE_ABBREVIATIONS.has(this.tokens[i - 1]!.lower);
      if (run.length >= 2 || titled) this.resolver.notePerson(titled ? this.tokens.slice(i - 1, j) : run, t.s);
      i = j;
    }
  }

  /**
   * A speech verb used as a verb. The lite model sometimes tags one as a noun after a plural
   * subject ("Polls show Clinton …"); such a word counts when it has a verb's ending, follows a
   * noun and is followed by the start of a clause.
   */
  private isCueVerb(c: number): boolean {
    const t = this.tokens[c]!;
    if (t.pos === 'VERB' || t.lower === 'said' || t.lower === 'says') return true;
    const before = this.tokens[c - 1];
    // "Six in 10 say …": the lite model takes "say" after a number for a noun.
    if (t.lower === 'say' && before !== undefined && (before.pos === 'NUM' || SHARES.has(before.lower))) return true;
    // "Polls show …", "records show …": the base form after a plural noun.
    const afterPlural = before !== undefined && HEAD_POS.has(before.pos) && /[^s]s$/.test(before.lower);
    if (t.pos !== 'NOUN' || !(/(s|ed)$/.test(t.lower) || afterPlural)) return false;
    const after = this.tokens[c + 1];
    const endsSentence = after === undefined || /^[.!?]$/.test(after.value) || this.text.slice(t.e, after.s).includes('\n');
    // "…, new fundraising reports show.": the base form ending the sentence.
    if (afterPlural && endsSentence) return true;
    if (endsSentence && this.presentAfterName(c)) return true;
    return before !== undefined && HEAD_POS.has(before.pos) && after !== undefined && (after.lower === 'that' || /^(DET|PRON|PROPN|NUM)$/.test(after.pos));
  }

  /**
   * "…,” Tass reports", "…, Viguerie says": a present tense in -s (which the lite model tags a noun)
   * right after a name of a few words that follows a comma or a quotation's close.
   */
  private presentAfterName(c: number): boolean {
    if (!/[^s]s$/.test(this.tokens[c]!.lower)) return false;
    let k = c - 1;
    while (k > 0 && c - k <= 4 && this.tokens[k]!.pos === 'PROPN') k--;
    return k < c - 1 && (this.tokens[k]!.value === ',' || this.closesQuote(k));
  }

  /**
   * "“…,” he continued." and "“…,” continued Mr. Fox.": a quotation closes a few words before the
   * verb (with nothing but a name or pronoun between) and punctuation follows it.
   */
  private afterQuotation(c: number): boolean {
    const next = this.tokens[c + 1];
    if (next && !/^[.,;:!?]$/.test(next.value) && !this.opensQuote(c + 1) && !/^(SCONJ|PRON|PROPN|NOUN|DET)$/.test(next.pos)) return false;
    for (let k = c - 1; k >= 0 && c - k <= 6; k--) {
      if (this.closesQuote(k)) return true;
      const t = this.tokens[k]!;
      if (t.value === ',') continue;
      if (t.pos === 'VERB' || t.pos === 'AUX' || (t.pos === 'PUNCT' && t.value !== '.')) return false;
    }
    return false;
  }

  /** "Trump's claim that …", "her pledge to …": the possessor is the source. */
  private nounCue(sentence: Range, floor: number, c: number): { draft: Draft; consumedTo: number } | null {
    let k = c - 1;
    while (k > floor && k > c - 3 && this.tokens[k]!.pos === 'ADJ') k--;
    const owner = this.tokens[k];
    if (!owner || k < floor) return null;
    let source: Range | null = null;
    if (POSSESSIVE_DETERMINERS.has(owner.lower) && owner.lower !== 'its') source = { from: k, to: k + 1 };
    else if (isPossessive(owner, this.tokens[k - 1])) {
      const np = this.npLeft(floor, k);
      if (np) source = { from: np.from, to: k + 1 };
    }
    if (!source) return null;
    const content = this.contentAfter(c + 1, sentence);
    if (this.words(content) < 2) return null;
    return this.build({ sentence, source, cue: { from: c, to: c + 1 }, channel: null, content, confidence: 0.35 });
  }

  /** "The minister was critical of the plan", "Pelkov is confident that …". */
  private adjectiveCue(sentence: Range, floor: number, c: number): { draft: Draft; consumedTo: number } | null {
    const before = this.tokens[c - 1]!;
    if (before.pos !== 'AUX' && before.pos !== 'ADV' && before.pos !== 'VERB') return null;
    const source = this.npLeft(floor, c);
    if (!source) return null;
    const particle = this.tokens[c + 1]!.lower;
    const content = this.contentAfter(particle === 'that' ? c + 1 : c + 2, sentence);
    if (this.words(content) < 1) return null;
    return this.build({ sentence, source, cue: { from: c, to: particle === 'that' ? c + 1 : c + 2 }, channel: null, content, confidence: 0.35 });
  }

  /** "Clinton: Time for ‘intensification’ of ISIL strategy" — a headline or line opening with a name and a colon. */
  private colonLine(sentence: Range, c: number): { draft: Draft; consumedTo: number } | null {
    // "The report: “…”": a phrase opening the sentence, a colon, a quotation.
    const phrase = this.npLeft(sentence.from, c);
    if (phrase && phrase.from === sentence.from && phrase.to === c && this.opensQuote(c + 1)) {
      const content = this.contentAfter(c + 1, sentence);
      return this.build({ sentence, source: phrase, cue: { from: c, to: c + 1 }, channel: null, content, confidence: 0.5 });
    }
    if (c === sentence.from || c - sentence.from > 4) return null;
    const source = { from: sentence.from, to: c };
    if (NOT_SPEAKERS.has(this.tokens[source.from]!.lower)) return null;
    for (let i = source.from; i < source.to; i++) if (!/^\p{Lu}/u.test(this.tokens[i]!.value) && this.tokens[i]!.value !== '.') return null;
    const content = this.contentAfter(c + 1, sentence);
    if (this.words(content) < 2) return null;
    return this.build({ sentence, source, cue: { from: c, to: c + 1 }, channel: null, content, confidence: 0.4 });
  }

  private commit(draft: Draft): void {
    for (const f of draft.fragments) this.markUsed(f.s, f.e);
    for (const r of [draft.source, draft.cue, draft.channel?.range]) if (r) for (let i = r.from; i < r.to; i++) this.used[i] = 1;
    this.drafts.push(draft);
  }

  /** Content after a cue: from `start` to the end of the sentence (or the next attribution). */
  private contentAfter(start: number, sentence: Range): Range {
    let to = start;
    while (to < sentence.to && !this.used[to]) to++;
    to = this.beforeNextAttribution(start, to);
    return this.trim({ from: start, to: this.beforeTrailingAttribution(start, to) });
  }

  /**
   * Where content running from `from` gives way to another attribution in the same sentence:
   * "…: “France is no longer France,” he claimed", "… ; officials said …". `to` if it does not.
   */
  private beforeNextAttribution(from: number, to: number): number {
    for (let k = from + 2; k < to; k++) {
      const t = this.tokens[k]!;
      if (t.value === ';') return k;
      if (t.value === ':' && this.opensQuote(k + 1)) return k;
      // "…, leading authorities to question …": a participle after a comma is the writer's own
      // clause; "…, including …" goes on with the content.
      if (t.value === ',' && !this.quoted[k] && this.tokens[k + 1]?.pos === 'VERB' && this.tokens[k + 1]!.lower.endsWith('ing') && this.tokens[k + 1]!.lower !== 'including') return k;
      // "…, but that …" goes on with what was said.
      if (t.value === ',' && !this.quoted[k] && /^(but|while|although|though|whereas)$/.test(this.tokens[k + 1]?.lower ?? '') && this.tokens[k + 2]?.lower !== 'that') return k;
      // "the talks “will end by spring,” referring to the summit": the same after a quotation's comma.
      if (this.closesQuote(k) && this.tokens[k - 1]?.value === ',' && this.tokens[k + 1]?.pos === 'VERB' && this.tokens[k + 1]!.lower.endsWith('ing')) return k + 1;
      // "… — a play on words …": an aside of the writer's.
      // Paired dashes ("the terms — the price above all — of the deal") hold an aside inside the content.
      if ((t.value === '—' || t.value === '–') && !this.quoted[k]) {
        let pair = k + 1;
        while (pair < to && this.tokens[pair]!.value !== t.value) pair++;
        if (pair >= to) return k;
        k = pair;
      }
      if (this.quoted[k] || !(CUE_VERBS.has(t.lemma) && (t.pos === 'VERB' || this.presentAfterName(k)))) continue;
      // "… praised the mayor and said that …": the same speaker's next cue.
      const conj = this.tokens[k - 1]?.pos === 'ADV' ? k - 2 : k - 1;
      if (conj > from + 1 && this.tokens[conj]!.pos === 'CCONJ' && !this.quoted[conj] && !t.lower.endsWith('ing')) return conj;
      const np = this.npLeft(from, k);
      const before = np ? this.tokens[np.from - 1] : undefined;
      if (np && np.from > from + 1 && before && (before.value === ',' || before.pos === 'CCONJ' || /^(while|whereas)$/.test(before.lower) || this.closesQuote(np.from - 1))) {
        if (!this.closesQuote(np.from - 1)) return np.from - 1;
        // "Lavrenko said talks “will resume next week,” Tass reported", "… said: “Talks will …,”
        // Tass reported": a quotation that goes on with the content's own words, or opens the
        // content, is the first speaker's, and the agency that reports it its channel. Any other
        // later speaker is the quotation's ("… the money to “keep up,” Lind said", "…: “…,” he claimed").
        const opening = this.startOfQuoteBefore(np.from);
        const goesOn = opening > from && isWord(this.tokens[opening - 1]!);
        const opens = this.words(this.trim({ from, to: opening })) === 0;
        return (goesOn || opens) && this.isOutlet(np) ? np.from : opening;
      }
    }
    return to;
  }

  /** The token where the quotation that closes just before token `i` opens. */
  private startOfQuoteBefore(i: number): number {
    const q = this.quotationAt(null, this.tokens[i - 1]!.e);
    return q ? this.tokenAt(q.s) : i;
  }

  /**
   * Where a trailing ", Russia's Tass news agency reported" or ", according to Interfax" starts
   * (its comma), so that it is not taken into the content before it; `to` if there is none.
   */
  private beforeTrailingAttribution(from: number, to: number): number {
    let end = to;
    while (end > from && SENTENCE_END.has(this.tokens[end - 1]!.value)) end--;
    const last = this.tokens[end - 1];
    if (!last) return to;
    let clauseStart = -1;
    if (CUE_VERBS.has(last.lemma) && this.isCueVerb(end - 1)) {
      const np = this.npLeft(from, end - 1);
      if (np) clauseStart = np.from;
    } else {
      for (let k = end - 2; k >= from && end - k <= MAX_NP + 2; k--) {
        if (this.tokens[k]!.lower === 'according' && this.tokens[k + 1]?.lower === 'to') {
          clauseStart = k;
          break;
        }
      }
    }
    if (clauseStart > from && this.tokens[clauseStart - 1]!.value === ',') return clauseStart - 1;
    return to;
  }

  /** Skips a dateline ("GENEVA (Wire) –", "VARNA, March 3 (Wire) –") at the start of content. */
  private afterDateline(range: Range): Range {
    const first = this.tokens[range.from];
    if (!first || !/^\p{Lu}{2,}/u.test(first.value)) return range;
    for (let k = range.from + 1; k < range.to && k - range.from <= 12; k++) {
      if (/^[–—-]$/.test(this.tokens[k]!.value)) return { from: k + 1, to: range.to };
    }
    return range;
  }

  /** Skips "on Tuesday", "in a statement", "to reporters" ... up to a following "that". */
  private skipToThat(start: number, sentence: Range): number {
    for (let i = start; i < Math.min(sentence.to, start + 7); i++) {
      const lower = this.tokens[i]!.lower;
      if (lower === 'that') return i;
      if (!TIME_WORDS.has(lower) && this.tokens[i]!.pos !== 'PROPN' && this.tokens[i]!.pos !== 'NUM') break;
    }
    // "said on the station's “Morning Hour” that …", "said in an interview with the Herald that …": a
    // prepositional phrase, with no verb of its own, before "that".
    if (/^(on|in|at|during|to|with|after|before|from|via|over|through)$/.test(this.tokens[start]?.lower ?? '')) {
      for (let i = start + 1; i < Math.min(sentence.to, start + 16); i++) {
        const t = this.tokens[i]!;
        if (t.lower === 'that' && !this.quoted[i]) return i;
        if (this.quoted[i] || this.opensQuote(i) || this.closesQuote(i) || isPossessive(t, this.tokens[i - 1]) || /^\p{Lu}/u.test(t.value)) continue;
        if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PRON' || (SENTENCE_END.has(t.value) && t.value !== '-')) break;
      }
    }
    // "said on Tuesday, “…”" and "said in a statement: …"
    let i = start;
    while (i < sentence.to && i < start + 7 && (TIME_WORDS.has(this.tokens[i]!.lower) || this.tokens[i]!.pos === 'NUM' || (this.tokens[i]!.pos === 'PROPN' && TIME_WORDS.has(this.tokens[i - 1]?.lower ?? '')))) i++;
    if (i > start && i < sentence.to && (this.tokens[i]!.value === ',' || this.tokens[i]!.value === ':')) return i + 1;
    // "said on Friday he had met …": the clause after the time.
    if (i > start && i < sentence.to && SOURCE_PRONOUNS.has(this.tokens[i]!.lower) && this.tokens[i]!.lower !== 'it') return i;
    return start;
  }

  private verbCue(sentence: Range, floor: number, c: number, previous: Draft | null): { draft: Draft; consumedTo: number } | 'channel' | null {
    const cueToken = this.tokens[c]!;
    const lemma = cueToken.lemma;
    const cue: Range = { from: c, to: c + 1 };
    let source = this.npLeft(floor, c);
    let channel: Draft['channel'] = null;
    let after = c + 1;
    let inverted = false;

    // "Tass cited the spokesman as saying …" / "He was quoted by Interfax as saying …"
    if (lemma === 'cite' || lemma === 'quote') {
      const by = this.tokens[after]?.lower === 'by' ? after + 1 : after;
      const np = this.citedSpeaker(by, sentence.to);
      const contentFrom = np ? this.afterAsSaying(np.to, sentence) : null;
      if (np && contentFrom !== null) {
        const npMention = this.mentionOf(np);
        if (by > after && source) {
          channel = { range: np, mention: npMention };
        } else {
          if (source) channel = { range: source, mention: this.mentionOf(source) };
          source = np;
        }
        const start = this.skipToThat(contentFrom, sentence);
        let content = this.contentAfter(start, sentence);
        // "The shelling damaged a school, Tass cited a local official as saying (on Tuesday)."
        if (this.words(content) < 2 || !this.opensContent(start, content)) content = this.afterDateline(this.trim({ from: floor, to: Math.min(c, channel?.range.from ?? c, source?.from ?? c) }));
        if (this.words(content) === 0 && previous && channel && !previous.channel && source && this.isPronoun(source)) {
          // "Cojocaru said …, Tass cited him as saying.": the claim just before is the pronoun's,
          // and the agency that cited it is its channel.
          previous.channel = channel;
          for (let i = Math.min(c, channel.range.from, source.from); i < contentFrom; i++) this.used[i] = 1;
          return 'channel';
        }
        if (this.words(content) < 2) return null;
        return this.build({ sentence, source, cue: { from: c, to: c + 1 }, channel, content, confidence: 0.7 });
      }
    }

    // "The vote is expected to pass": annotators mark the whole clause, with no source.
    const passive = this.passiveRaising(sentence, floor, c);
    if (passive) return passive;
    const question = this.askedClause(sentence, floor, c);
    if (question) return question;
    const byAgent = this.passiveWithAgent(sentence, floor, c);
    if (byAgent) return byAgent;
    // "the facts reported by the government", "was announced on Tuesday": not a speaker's cue.
    const next = this.tokens[c + 1];
    // "Berg is telling voters that …": a progressive is the verb of its clause, as "told" is.
    const progressive = cueToken.lower.endsWith('ing') && BE_FORMS.has(this.tokens[c - 1]?.lower ?? '');
    if (next?.lower === 'by' || (!progressive && /^(was|were|been|being|is|are|be)$/.test(this.tokens[c - 1]?.lower ?? ''))) return null;
    // "…, adding that …": the speaker is the one of the attribution just before in the sentence.
    if (cueToken.lower.endsWith('ing') && !progressive) {
      const start = this.skipToThat(c + 1, sentence);
      const content = this.contentAfter(start, sentence);
      const first = this.tokens[start];
      // "…, adding that …", "…, saying he lacks …", "…, calling it an “area of contention.”"
      const quoting = lemma === 'call' && this.hasQuotation(content);
      // "…, saying Olsen would “close the pier”": a clause with a named subject too.
      const clause = (first?.pos === 'PRON' || first?.pos === 'PROPN' || first?.pos === 'DET') && this.looksLikeClause(content);
      const reported = first !== undefined && (first.lower === 'that' || this.opensQuote(start) || first.value === ':' || quoting || clause);
      if (previous?.source && previous.mention) {
        if (!reported) return null;
        return this.build({ sentence, source: previous.source, cue, channel: previous.channel, content, confidence: 0.5, mention: previous.mention });
      }
      // "The mayor took a swipe at the plan, saying that …": with no attribution before it in the
      // sentence, the speaker is the sentence's subject.
      const subject = c - 1 > floor && /^[,–—]$/.test(this.tokens[c - 1]!.value) ? this.clauseSubject(floor, c - 1) ?? this.clauseSubject(this.afterOpeningPhrase(floor, c - 1), c - 1) : null;
      if (subject && reported) return this.build({ sentence, source: subject, cue, channel: null, content, confidence: 0.45 });
      // "with GOP primary voters saying they want …": the phrase before is the speaker.
      if (!source || this.words(content) < 3 || !this.opensContent(c + 1, content)) return null;
      return this.build({ sentence, source, cue, channel: null, content, confidence: 0.4 });
    }
    if (!source) source = this.beforeRelativeClause(floor, c);
    // "residents who said they wanted …": the relative pronoun stands for the speaker.
    if (!source && c - 1 >= floor && this.tokens[c - 1]!.lower === 'who') source = { from: c - 1, to: c };
    if (!source && previous?.source && previous.mention) {
      // "He said … and said that …": the speaker of the attribution just before.
      let k = c - 1;
      while (k >= floor && this.tokens[k]!.pos === 'ADV') k--;
      if (k === floor && this.tokens[k]!.pos === 'CCONJ') {
        const start = this.skipToThat(c + 1, sentence);
        const content = this.contentAfter(start, sentence);
        if (this.words(content) >= 2 && this.opensContent(c + 1, content)) {
          return this.build({ sentence, source: previous.source, cue, channel: previous.channel, content, confidence: 0.5, mention: previous.mention });
        }
      }
    }
    if (!source) {
      // "Obama met survivors … and said …": the subject of the clause.
      let k = c - 1;
      while (k >= floor && (this.tokens[k]!.pos === 'ADV' || this.tokens[k]!.pos === 'AUX')) k--;
      if (k > floor && this.tokens[k]!.pos === 'CCONJ') source = this.clauseSubject(floor, k);
    }
    if (!source) {
      // Inverted: "…,” said the spokesman." / "…, said Pelkov."
      const before = this.tokens[c - 1];
      if (before && c - 1 >= floor && (before.value === ',' || this.closesQuote(c - 1))) {
        source = this.npRight(c + 1, sentence.to);
        // "…, said it was too late": a phrase followed by its verb is the content's subject, not a speaker.
        const following = source ? this.tokens[source.to] : undefined;
        if (source && following && source.to < sentence.to && (following.pos === 'VERB' || following.pos === 'AUX')) source = null;
        if (source) {
          inverted = true;
          // "…,” said Peter Rice, chairman of Fox Networks Group." and "…,” said Mr. Regalado, 69, who
          // was born in Havana.": what follows the name to the end of the sentence describes the source.
          if (this.tokens[source.to]?.value === ',') {
            const rest = this.trim({ from: source.to + 1, to: sentence.to });
            let plain = rest.to - rest.from <= MAX_APPOSITIVE;
            for (let i = rest.from; plain && i < rest.to; i++) if (this.opensQuote(i) || this.used[i]) plain = false;
            if (plain && rest.to > rest.from) source = { from: source.from, to: rest.to };
          }
          after = source.to;
        }
      }
    }
    if (!source) return null;

    // "called for a ceasefire": the particle belongs to the cue, what follows it is the content.
    if (!inverted && PHRASAL_CUES[lemma]?.has(this.tokens[after]?.lower ?? '')) {
      const content = this.stanceObject(this.contentAfter(after + 1, sentence));
      if (this.words(content) < 1) return null;
      return this.build({ sentence, source, cue: { from: c, to: after + 1 }, channel, content, confidence: 0.4 });
    }
    // "told reporters/Tass (that) …": the addressee is not content; an outlet addressee is the channel.
    if (!inverted && ADDRESSEE_VERBS.has(lemma)) {
      const addressee = this.addresseeOf(after, sentence);
      if (addressee && this.tokens[addressee.from]!.lower !== 'that') {
        const mention = this.mentionOf(addressee);
        if (mention.actor?.kind === 'outlet') channel = { range: addressee, mention };
        after = addressee.to;
      }
    }
    if (!inverted) after = this.skipToThat(after, sentence);

    const forward = this.contentAfter(after, sentence);
    const forwardWords = this.words(forward);
    const mention = this.mentionOf(source);

    // A later cue whose own content was already taken is a channel for the attribution before it:
    // "Pelkov said …, Russia's Tass news agency reported."
    if (previous && forwardWords < 2 && mention.actor?.kind === 'outlet' && !previous.channel) {
      const gap = this.trim({ from: floor, to: inverted ? c : source.from });
      if (this.words(gap) === 0) {
        previous.channel = { range: source, mention };
        for (let i = source.from; i < Math.max(source.to, c + 1); i++) this.used[i] = 1;
        return 'channel';
      }
    }

    // "“…,” Marsh said, “…”": a quotation closing just before the source is the content (and the
    // one after the cue its second part).
    const beforeSource = source.from - 1 - (this.tokens[source.from - 1]?.value === ',' ? 1 : 0);
    const quoteBefore = !inverted && beforeSource >= floor && this.closesQuote(beforeSource) && (this.opensQuote(forward.from) || this.opensQuote(this.trim({ from: floor, to: source.from }).from));
    // "wants to run", "declined to comment": an infinitive is the content of a stance verb.
    const infinitive = STANCE_VERBS.has(lemma) && this.tokens[forward.from]?.lower === 'to';
    // "voters who support Sanders": a stance towards someone named is content enough.
    const named = STANCE_VERBS.has(lemma) && forwardWords === 1 && this.tokens[forward.from]!.pos === 'PROPN';
    if ((forwardWords >= 2 || named) && !inverted && !quoteBefore && (infinitive || this.opensContent(after, forward))) {
      const confidence = 0.55 + (FORWARD_ONLY_CUES.has(lemma) ? -0.2 : 0) + (this.tokens[after]?.lower === 'that' ? 0.1 : 0);
      const content = STANCE_VERBS.has(lemma) && !infinitive ? this.stanceObject(forward) : forward;
      return this.build({ sentence, source, cue, channel, content, confidence, mention });
    }
    // "…, records compiled by the commission show.": a cue of stance or knowledge ending the
    // sentence after a comma and its source looks back too.
    const closing = !inverted && this.tokens[source.from - 1]?.value === ',' && (c + 1 >= sentence.to || /^[.!?]$/.test(this.tokens[c + 1]!.value));
    if (FORWARD_ONLY_CUES.has(lemma) && !closing) return null;
    const backward = this.afterDateline(this.trim({ from: floor, to: inverted ? c : source.from }));
    const quotation = this.closesQuote(backward.to - 1) && this.opensQuote(backward.from);
    // One quoted word is content enough ("“Absolutely,” he said."); words before a cue that are no
    // clause ("During a rally Tuesday, Trump remarked", "MACAU (Reuters) -") are not content.
    // "In both years, Tomas Berg said, the grants paid for …": a cue set off by commas in
    // the middle of a sentence, with no clause before it, has the rest of the sentence as content.
    const parenthetical = () =>
      !inverted && !quoteBefore && this.tokens[after]?.value === ',' && forwardWords >= 3 && this.looksLikeClause(forward)
        ? this.build({ sentence, source, cue, channel, content: forward, confidence: 0.45, mention })
        : null;
    if (this.words(backward) < (quotation ? 1 : 2)) return parenthetical();
    if (!quotation && !this.looksLikeClause(backward)) return parenthetical();
    const built = this.build({ sentence, source, cue, channel, content: backward, confidence: 0.55, mention, splitAfter: Math.max(after, cue.to) });
    return built && !built.draft.direct ? this.goOnAfterAside(built, Math.max(after, cue.to), sentence) : built;
  }

  /**
   * "The ferry is expected to sail on Friday", "The mayor was said to be furious": a passive cue
   * followed by "to" makes the whole clause, its subject included, the content of no one named.
   */
  private passiveRaising(sentence: Range, floor: number, c: number): { draft: Draft; consumedTo: number } | null {
    if (!PASSIVE_RAISING.has(this.tokens[c]!.lemma) || this.tokens[c + 1]?.lower !== 'to') return null;
    const clause = this.passiveClause(floor, c);
    const rest = this.contentAfter(c + 2, sentence);
    if (!clause || this.words(rest) < 1) return null;
    const content = { from: clause.subject, to: rest.to };
    if (!this.free(content)) return null;
    return { draft: this.draftOf(content, null, { from: clause.be, to: c + 1 }), consumedTo: content.to };
  }

  /**
   * The form of "be" before a passive cue at `c` (adverbs and "not" between) and where its subject
   * starts (after a dateline and a conjunction: "But the mayor was said …"), or null.
   */
  private passiveClause(floor: number, c: number): { be: number; subject: number } | null {
    let be = c - 1;
    while (be > floor && (this.tokens[be]!.pos === 'ADV' || this.tokens[be]!.pos === 'PART')) be--;
    if (be <= floor || !BE_FORMS.has(this.tokens[be]!.lower)) return null;
    let subject = this.afterDateline({ from: floor, to: be }).from;
    while (subject < be && (this.tokens[subject]!.pos === 'CCONJ' || this.tokens[subject]!.value === ',')) subject++;
    return subject < be ? { be, subject } : null;
  }

  /** A draft of low confidence that `build` cannot make, its source missing or put by a question. */
  private draftOf(content: Range, source: Range | null, cue: Range): Draft {
    const main = this.contentSpan(content);
    const mention = source ? this.mentionOf(source) : null;
    return { fragments: [{ s: main.s, e: main.e }], source, mention, cue, channel: null, direct: main.direct, confidence: 0.3 };
  }

  /**
   * What a verb of stance is about, without the writer's circumstances after it: "endorsed Berg
   * last week", "praised the plan during a visit to the port", "backed Olsen, who …". A clause
   * ("that …") or a quotation is kept whole.
   */
  private stanceObject(content: Range): Range {
    const first = this.tokens[content.from];
    if (!first || first.lower === 'that' || this.opensQuote(content.from)) return content;
    for (let k = content.from + 1; k < content.to; k++) {
      const t = this.tokens[k]!;
      if (this.quoted[k]) continue;
      if (t.value === ',' || STANCE_CIRCUMSTANCES.has(t.lower)) return { from: content.from, to: k };
    }
    return content;
  }

  /**
   * "The plan was first reported by the Herald", "Berg was endorsed by the union": in a passive
   * with its agent, the agent is the source and the subject the content.
   */
  private passiveWithAgent(sentence: Range, floor: number, c: number): { draft: Draft; consumedTo: number } | null {
    if (this.tokens[c + 1]?.lower !== 'by' || FORWARD_ONLY_CUES.has(this.tokens[c]!.lemma)) return null;
    const clause = this.passiveClause(floor, c);
    const source = this.npRight(c + 2, sentence.to);
    if (!clause || !source) return null;
    const content = this.trim({ from: clause.subject, to: clause.be });
    if (this.words(content) < 1) return null;
    return this.build({ sentence, source, cue: { from: clause.be, to: c + 2 }, channel: null, content, confidence: 0.3 });
  }

  /**
   * "Asked about the fares, Berg said …", "When asked by reporters whether …, she said …": the
   * question up to the comma is content of its own, put by the one after "by" or by no one named.
   */
  private askedClause(sentence: Range, floor: number, c: number): { draft: Draft; consumedTo: number } | null {
    const opening = c === this.afterDateline({ from: floor, to: c }).from || (c - 1 === floor && /^(when|if|after|once|before)$/.test(this.tokens[floor]!.lower));
    if (this.tokens[c]!.lower !== 'asked' || !opening) return null;
    let i = c + 1;
    const cue: Range = { from: c, to: this.tokens[i]?.lower === 'about' ? ++i : i };
    let source: Range | null = null;
    if (this.tokens[i]?.lower === 'by') {
      source = this.npRight(i + 1, sentence.to);
      if (!source) return null;
      i = source.to;
    }
    let comma = i;
    while (comma < sentence.to && (this.quoted[comma] || this.tokens[comma]!.value !== ',')) comma++;
    const content = this.trim({ from: i, to: comma });
    if (comma >= sentence.to || this.words(content) < 1 || !this.free(content)) return null;
    return { draft: this.draftOf(content, source, cue), consumedTo: comma + 1 };
  }

  /** Who is cited: "him" in "Tass cited him as saying", else the noun phrase ("her spokesman"). */
  private citedSpeaker(start: number, to: number): Range | null {
    if (CITED_PRONOUNS.has(this.tokens[start]?.lower ?? '') && this.tokens[start + 1]?.lower === 'as') return { from: start, to: start + 1 };
    return this.npRight(start, to);
  }

  /**
   * Where the content may start after "as saying" or "as telling reporters" at `as`, or null when
   * the words there are not that.
   */
  private afterAsSaying(as: number, sentence: Range): number | null {
    if (this.tokens[as]?.lower !== 'as') return null;
    const verb = this.tokens[as + 1]?.lower ?? '';
    if (/^(saying|says|said)$/.test(verb)) return as + 2;
    if (!/^(telling|tells|told)$/.test(verb)) return null;
    const addressee = this.npRight(as + 2, sentence.to);
    return addressee && this.tokens[addressee.from]!.lower !== 'that' ? addressee.to : as + 2;
  }

  /**
   * Who is told, at `start`: a noun phrase, without the subject of the content when the lite
   * model runs the two together ("told reporters talks “will resume …”": "reporters" is told).
   */
  private addresseeOf(start: number, sentence: Range): Range | null {
    const np = this.npRight(start, sentence.to);
    if (!np) return null;
    const next = this.opensQuote(np.to) ? np.to + 1 : np.to;
    if (!/^(VERB|AUX)$/.test(this.tokens[next]?.pos ?? '')) return np;
    for (let k = np.from; k < np.to - 1; k++) {
      const t = this.tokens[k]!;
      const rest = this.tokens.slice(k + 1, np.to);
      if (t.pos === 'NOUN' && /^\p{Ll}.*[^s]s$/u.test(t.value) && t.lower !== 'news' && rest.every((r) => r.pos === 'NOUN' && /^\p{Ll}/u.test(r.value))) return { from: np.from, to: k + 1 };
    }
    return np;
  }

  /** A source that is a pronoun alone ("he", "him"). */
  private isPronoun(range: Range): boolean {
    const lower = this.tokens[range.from]!.lower;
    return range.to === range.from + 1 && (SOURCE_PRONOUNS.has(lower) || CITED_PRONOUNS.has(lower));
  }

  /**
   * The subject before a relative clause that ends just before the cue: "Maria Olsen, who
   * chairs the harbour board, said …", "A fisherman who sails from here said …".
   */
  private beforeRelativeClause(floor: number, c: number): Range | null {
    const commaBeforeCue = this.tokens[c - 1]?.value === ',';
    for (let k = c - 2; k > floor && c - k <= MAX_APPOSITIVE; k--) {
      const t = this.tokens[k]!;
      if (this.quoted[k] || this.used[k] || SENTENCE_END.has(t.value) && t.value !== ',') return null;
      // "… who sails from here and who asked not to be named said": the first of two clauses.
      if (t.lower !== 'who' || this.tokens[k - 1]?.pos === 'CCONJ') continue;
      const comma = this.tokens[k - 1]?.value === ',';
      // "X, who …, said" closes the clause with a comma; "X who … said" has none.
      if (comma !== commaBeforeCue) return null;
      const np = this.npLeft(floor, comma ? k - 1 : k);
      if (!np || SOURCE_PRONOUNS.has(this.tokens[np.from]!.lower) || np.to !== (comma ? k - 1 : k)) return null;
      return np;
    }
    return null;
  }

  /** Whether a quotation opens inside `range`. */
  private hasQuotation(range: Range): boolean {
    for (let i = range.from; i < range.to; i++) if (this.opensQuote(i)) return true;
    return false;
  }

  /**
   * A clause, roughly: "that …", a quotation, or a verb among its first 40 words (enough for a
   * subject with an appositive: "Olsen, a mother of three and a pilot at the port, was …").
   */
  private looksLikeClause(range: Range): boolean {
    const first = this.tokens[range.from];
    if (!first) return false;
    if (first.lower === 'that' || first.pos === 'SCONJ' || this.opensQuote(range.from)) return true;
    for (let i = range.from; i < range.to && i < range.from + 40; i++) {
      const t = this.tokens[i]!;
      // "it’s", "he's": the apostrophe-s after a pronoun is "is" or "has", not a possessive.
      const contracted = /^['’]s$/.test(t.lower) && this.tokens[i - 1]?.pos === 'PRON';
      if ((t.pos === 'VERB' || t.pos === 'AUX' || contracted) && /^\p{Ll}|^['’]/u.test(t.value) && (contracted || !isPossessive(t, this.tokens[i - 1]))) return true;
    }
    return false;
  }

  /**
   * Whether what follows a cue reads as its content: "that …", a quotation, a clause; not an
   * adverbial ("said in an interview with …") or a participle after a comma ("said, referring to …").
   */
  private opensContent(after: number, content: Range): boolean {
    const first = this.tokens[content.from];
    if (!first) return false;
    if (first.lower === 'that' || this.opensQuote(content.from)) return true;
    const separator = this.tokens[after];
    if (separator && separator.value === ',' && content.from > after) return false;
    // "said in an interview", "said and left"; but "said if he were president, …" is content.
    if (first.pos === 'ADP' || first.pos === 'PART' || first.pos === 'CCONJ') return false;
    return true;
  }

  /** A few words up to the next comma or the end ("according to complete but unofficial returns"). */
  private phraseUpToComma(start: number, to: number): Range | null {
    let end = start;
    while (end < to && end - start < MAX_NP && !SENTENCE_END.has(this.tokens[end]!.value)) end++;
    return end > start && end - start < MAX_NP ? { from: start, to: end } : null;
  }

  private accordingTo(sentence: Range, floor: number, c: number, previous: Draft | null): { draft: Draft; consumedTo: number } | 'channel' | null {
    const source = this.npRight(c + 2, sentence.to) ?? this.phraseUpToComma(c + 2, sentence.to);
    if (!source) return null;
    const cue: Range = { from: c, to: c + 2 };
    const mention = this.mentionOf(source);
    const backward = this.afterDateline(this.trim({ from: floor, to: c }));
    // "The ministry insisted …, according to the Tass news agency."
    if (previous && mention.actor?.kind === 'outlet' && !previous.channel && this.words(backward) === 0) {
      previous.channel = { range: source, mention };
      for (let i = c; i < source.to; i++) this.used[i] = 1;
      return 'channel';
    }
    if (this.words(backward) >= 2) {
      const built = this.build({ sentence, source, cue, channel: null, content: backward, confidence: 0.6, mention });
      return built ? this.goOnAfterAside(built, source.to, sentence) : null;
    }
    let start = source.to;
    // "According to a survey conducted by the university, most residents …":
    // what describes the source runs to the comma.
    const describing = this.tokens[start];
    if (describing && (describing.pos === 'ADP' || (describing.pos === 'VERB' && /(ed|ing)$/.test(describing.lower)))) {
      for (let k = start; k < sentence.to && k - start <= MAX_APPOSITIVE / 2; k++) {
        if (this.quoted[k] || this.used[k] || (SENTENCE_END.has(this.tokens[k]!.value) && this.tokens[k]!.value !== ',')) break;
        if (this.tokens[k]!.value === ',') {
          start = k + 1;
          break;
        }
      }
    }
    const forward = this.contentAfter(start, sentence);
    if (this.words(forward) < 2) return null;
    return this.build({ sentence, source, cue, channel: null, content: forward, confidence: 0.6, mention });
  }

  /**
   * An attribution set off by commas in the middle of a sentence ("At the heart of the dispute,
   * according to Ana Berg, a former envoy, was the price"; "The talks were short, the agency said,
   * and ended without a date"): the rest of the sentence is the content's second part, as annotators
   * mark it. `end` is where the attribution (source and cue) ends; an appositive after it is skipped.
   */
  private goOnAfterAside(built: { draft: Draft; consumedTo: number }, end: number, sentence: Range): { draft: Draft; consumedTo: number } {
    if (this.tokens[end]?.value !== ',') return built;
    let from = end + 1;
    for (let k = from; k < sentence.to && k - from <= MAX_APPOSITIVE / 2; k++) {
      const t = this.tokens[k]!;
      if (t.pos === 'VERB' || t.pos === 'AUX' || this.quoted[k] || this.opensQuote(k)) break;
      if (t.value === ',') {
        from = k + 1;
        break;
      }
    }
    const rest = this.contentAfter(from, sentence);
    const first = this.tokens[rest.from];
    // "…, he said, adding that …" is an attribution of its own.
    if (!first || this.words(rest) < 2 || !this.free(rest) || (first.pos === 'VERB' && first.lower.endsWith('ing') && CUE_VERBS.has(first.lemma))) return built;
    const span = this.contentSpan(rest);
    built.draft.fragments.push({ s: span.s, e: span.e });
    return { draft: built.draft, consumedTo: rest.to };
  }

  private build(args: {
    sentence: Range;
    source: Range;
    cue: Range;
    channel: Draft['channel'];
    content: Range;
    confidence: number;
    mention?: Mention;
    /** Where a second quotation of a split quote may start (“…,” he said, “…”). */
    splitAfter?: number;
  }): { draft: Draft; consumedTo: number } | null {
    if (args.content.to <= args.content.from || !this.free(args.content)) return null;
    const mention = args.mention ?? this.mentionOf(args.source);
    const main = this.contentSpan(args.content);
    const fragments = [{ s: main.s, e: main.e }];
    let consumedTo = Math.max(args.content.to, args.source.to, args.cue.to);
    if (args.splitAfter !== undefined && main.direct) {
      let i = args.splitAfter;
      while (i < args.sentence.to && (this.tokens[i]!.value === ',' || this.tokens[i]!.value === ':')) i++;
      const next = this.tokens[i];
      const q = next ? this.quotationAt(next.s, null) : undefined;
      if (q && !this.used[i]) {
        fragments.push({ s: q.s, e: q.e });
        consumedTo = Math.max(consumedTo, this.tokenAt(q.e));
      }
    }
    let confidence = args.confidence;
    if (main.direct) confidence += 0.25;
    if (mention.actor?.known) confidence += 0.1;
    else if (!mention.named && !mention.actor) confidence -= 0.1;
    return {
      draft: { fragments, source: args.source, mention, cue: args.cue, channel: args.channel, direct: main.direct, confidence },
      consumedTo: Math.min(consumedTo, args.sentence.to),
    };
  }

  /**
   * Quotations that no cue claimed. One that follows a quotation of an attribution in the same
   * paragraph, with nothing but that attribution's source and cue between ("“…,” he said. “…”"),
   * continues its content, as annotators mark it; one further away is attributed to the speaker
   * just before, if close, with low confidence. Short scare quotes (a “peace plan”) are left alone.
   */
  private unattributedQuotations(): void {
    const bySpan = [...this.drafts].sort((a, b) => a.fragments[0]!.s - b.fragments[0]!.s);
    let k = 0;
    let last: Draft | null = null;
    for (const q of this.quotations) {
      while (k < bySpan.length && bySpan[k]!.fragments[0]!.s < q.s) last = bySpan[k++]!;
      const range = { from: this.tokenAt(q.s), to: this.tokenAt(q.e) };
      if (!this.free(range) || this.words(range) < 1) continue;
      const lastEnd = last ? last.fragments[last.fragments.length - 1]!.e : -Infinity;
      // A short quotation too continues the speaker's ("“They wait,” he said. “Everyone waits.”").
      if (last && last.direct && lastEnd <= q.s && (this.onlyAttributionBetween(last, lastEnd, q.s) || this.nextParagraphQuote(last, lastEnd, q))) {
        last.fragments.push({ s: q.s, e: q.e });
        this.markUsed(q.s, q.e);
        continue;
      }
      if (this.words(range) < 5 || this.isTitle(range)) continue;
      const speaker = last && q.s - lastEnd < 600 ? last : null;
      const draft: Draft = {
        fragments: [{ s: q.s, e: q.e }],
        source: speaker?.source ?? null,
        mention: speaker?.mention ?? null,
        cue: null,
        channel: speaker?.channel ?? null,
        direct: true,
        confidence: speaker ? 0.4 : 0.25,
      };
      this.markUsed(q.s, q.e);
      this.drafts.push(draft);
    }
  }

  /**
   * A paragraph that is nothing but a quotation, right after a paragraph whose attribution ends in
   * a quotation, continues it: annotators mark the speaker's following paragraph as the same content.
   */
  private nextParagraphQuote(draft: Draft, lastEnd: number, q: Quotation): boolean {
    const paragraphEnd = this.text.indexOf('\n', lastEnd);
    if (paragraphEnd < 0 || paragraphEnd > q.s || /\S/.test(this.text.slice(paragraphEnd, q.s))) return false;
    const after = this.text.indexOf('\n', q.e);
    if (/\S/.test(this.text.slice(q.e, after < 0 ? this.text.length : after))) return false;
    return this.onlyAttributionBetween(draft, lastEnd, paragraphEnd);
  }

  /** A quoted title ("The Morning Hour With Anna Berg"): every word capitalised, no sentence punctuation. */
  private isTitle(range: Range): boolean {
    for (let i = range.from + 1; i < range.to - 1; i++) {
      const t = this.tokens[i]!;
      if (/^[.!?,;:]$/.test(t.value)) return false;
      if (isWord(t) && !/^[\p{Lu}\p{N}]/u.test(t.value) && !/^(a|an|the|of|and|or|for|in|on|at|to|with|by|from)$/.test(t.lower)) return false;
    }
    return true;
  }

  /**
   * Between `s` and `e` there is no paragraph break, no other cue, and no sentence but the rest of
   * `draft`'s own ("“…,” said Ms. Samour, 56, who was raised in El Salvador. “…”").
   */
  private onlyAttributionBetween(draft: Draft, s: number, e: number): boolean {
    if (this.text.slice(s, e).includes('\n')) return false;
    const inside = (i: number, r: Range | null | undefined) => r != null && i >= r.from && i < r.to;
    let sentenceEnded = false;
    for (let i = this.tokenAt(s); i < this.tokens.length && this.tokens[i]!.s < e; i++) {
      const t = this.tokens[i]!;
      if (inside(i, draft.source) || inside(i, draft.cue) || inside(i, draft.channel?.range)) continue;
      if (t.value === '.' || t.value === '!' || t.value === '?') sentenceEnded = true;
      // "…,” he told the Herald when asked if he had met Olsen. “…”": a cue in a subordinate clause is no other speaker's.
      else if (t.pos !== 'PUNCT' && (sentenceEnded || (CUE_VERBS.has(t.lemma) && t.pos === 'VERB' && !/^(when|if|after|before|as|once)$/.test(this.tokens[i - 1]?.lower ?? '')))) return false;
    }
    return true;
  }
}

/** Suggests attributions (who said what) in one article's stored text. Never throws on any text. */
export function extractAttributions(text: string, registry: readonly RegistryActor[]): Extraction {
  const skipped = whyNotEnglish(text);
  if (skipped) return { version: EXTRACTOR_VERSION, suggestions: [], skipped };
  return { version: EXTRACTOR_VERSION, suggestions: new ArticleExtractor(text, registry).suggestions(), skipped: null };
}
