/**
 * What the claim editor can fill in for a selected span, from the sentence around it: the speaker
 * and the channel found by the attribution extractor (resolved against the project's actors and
 * aliases), and the date the claim was made (the article's date, or a relative date in the
 * sentence resolved against it). Each comes with the words it was read from, for the analyst to
 * trust or correct. Runs the extractor on the paragraphs around the span only, so its cost does
 * not grow with the article.
 */
import { fold } from '../fold';
import { OffsetMap } from '../offsets';
import { isoDay, resolveRelativeDate } from '../text/relative-date';
import { guessActorKind } from './actor-kind';
import { extractAttributions } from './attribution/extract';
import type { RegistryActor, ResolvedActor, Span, Suggestion } from './attribution/types';

export interface PrefilledActor {
  actor: ResolvedActor;
  /** Where it came from, e.g. "speaker from ‘said … Pelkov’". */
  reason: string;
}

export interface ClaimPrefill {
  actor: PrefilledActor | null;
  via: PrefilledActor | null;
  /** Why no speaker was filled in although the sentence attributes the span, e.g. to "officials". */
  noSpeaker: string | null;
  claimedOn: { date: string; reason: string } | null;
}

/** How much text before the span (UTF-16 units) is read for names that pronouns refer back to. */
const CONTEXT_BEFORE = 6000;
/** How much text after the span is read at most, when its paragraph runs on. */
const CONTEXT_AFTER = 3000;
/** Phrases longer than this are shortened to their ends in a reason. */
const SHORT_PHRASE = 60;

/** Moves a UTF-16 index off the second half of a surrogate pair. */
function onBoundary(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  return unit >= 0xdc00 && unit <= 0xdfff ? at + 1 : at;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The suggestion whose content covers most of the span (at least half of it, or it half of theirs). */
function suggestionFor(suggestions: readonly Suggestion[], span: Span): Suggestion | null {
  let best: Suggestion | null = null;
  let bestShare = 0;
  for (const s of suggestions) {
    const shared = s.fragments.reduce((sum, f) => sum + overlap(f, span), 0);
    const content = s.fragments.reduce((sum, f) => sum + f.end - f.start, 0);
    const share = Math.max(shared / (span.end - span.start), shared / Math.max(1, content));
    if (share >= 0.5 && (share > bestShare || (share === bestShare && best && s.confidence > best.confidence))) {
      best = s;
      bestShare = share;
    }
  }
  return best;
}

export function prefillClaim(text: string, span: Span, registry: readonly RegistryActor[], articleDate: string | null): ClaimPrefill {
  const map = new OffsetMap(text);
  const from16 = map.toUtf16(span.start);
  const to16 = map.toUtf16(span.end);
  // The paragraphs around the span: from a paragraph start some way before it to its own paragraph's end.
  let windowStart = Math.max(0, from16 - CONTEXT_BEFORE);
  const paragraph = windowStart > 0 ? text.indexOf('\n', windowStart) : -1;
  if (paragraph >= 0 && paragraph < from16) windowStart = paragraph + 1;
  windowStart = onBoundary(text, windowStart);
  const lineEnd = text.indexOf('\n', to16);
  const windowEnd = onBoundary(text, Math.min(lineEnd < 0 ? text.length : lineEnd, to16 + CONTEXT_AFTER));
  const windowText = text.slice(windowStart, windowEnd);
  const base = map.toCodePoint(windowStart);
  const local = new OffsetMap(windowText);
  /** The stored text of a span found in the window (code points relative to it). */
  const words = (s: Span): string => local.slice(s.start, s.end);

  const { suggestions } = extractAttributions(windowText, registry);
  const localSpan = { start: span.start - base, end: span.end - base };
  const found = suggestionFor(suggestions, localSpan);

  const result: ClaimPrefill = { actor: null, via: null, noSpeaker: null, claimedOn: null };
  if (found) {
    const { source, cue, channel } = found;
    const sourceSpan = source.span;
    if (source.actor && sourceSpan) {
      const actor = withKind(source.actor, source.actor.kind);
      const said = phrase(words, sourceSpan, cue);
      // An agency as the only source is the channel; the speaker behind it is not named.
      if (actor.kind === 'outlet' && !channel) result.via = { actor, reason: `channel from ${said}` };
      else {
        const readAs = namedIn(source.text, actor, registry) ? '' : ` (“${source.text}” read as ${actor.name})`;
        result.actor = { actor, reason: `speaker from ${said}${readAs}` };
      }
    } else if (sourceSpan) {
      result.noSpeaker = `${phrase(words, sourceSpan, cue)} names no one in particular`;
    }
    if (channel) result.via = { actor: withKind(channel.actor, 'outlet'), reason: `channel from ${channelPhrase(words, channel.span, cue)}` };
  }

  const day = isoDay(articleDate);
  if (day) {
    const relative = resolveRelativeDate(attributionWords(windowText, local, localSpan, found), day);
    result.claimedOn = relative ? { date: relative.date, reason: `date from ‘${relative.phrase}’, counted from the article’s date ${day}` } : { date: day, reason: 'the article’s date' };
  }
  return result;
}

/** Whether a mention names its actor outright (by name or alias), not by a pronoun, title or surname. */
function namedIn(mention: string, actor: ResolvedActor, registry: readonly RegistryActor[]): boolean {
  const names = actor.known ? [actor.name, ...(registry.find((a) => a.id === actor.id)?.aliases ?? [])] : [actor.name];
  const written = fold(mention);
  return names.some((name) => written.includes(fold(name)));
}

/**
 * An unknown actor's kind guessed from its name (countries and companies included), or else the
 * kind its place usually means: the extractor's guess for a speaker, an outlet for a channel.
 */
function withKind(actor: ResolvedActor, usual: ResolvedActor['kind']): ResolvedActor {
  return actor.known ? actor : { ...actor, kind: guessActorKind(actor.name, usual) };
}

/** The words a mention and its cue were read from: ‘said … Pelkov’, or the whole run when short. */
function phrase(words: (s: Span) => string, mention: Span, cue: Span | null): string {
  if (!cue) return `‘${words(mention)}’`;
  const [first, second] = cue.start < mention.start ? [cue, mention] : [mention, cue];
  const whole = { start: first.start, end: Math.max(first.end, second.end) };
  if (whole.end - whole.start <= SHORT_PHRASE) return `‘${words(whole)}’`;
  return `‘${words(first)} … ${words(second)}’`;
}

/**
 * The words a channel was read from: with the cue when it is the channel's own ('told Interfax',
 * 'Tass cited', 'quoted by Interfax'); else, when the cue is the speaker's ("Cojocaru said …, Tass
 * cited him as saying"), the channel's clause up to the next punctuation, if short.
 */
function channelPhrase(words: (s: Span) => string, channel: Span, cue: Span | null): string {
  if (cue) {
    const gap = cue.end <= channel.start ? { start: cue.end, end: channel.start } : { start: channel.end, end: cue.start };
    if (/^\s*(by\s+)?$/u.test(words(gap))) return phrase(words, channel, cue);
  }
  const rest = words({ start: channel.end, end: channel.end + SHORT_PHRASE });
  const clauseEnd = rest.search(/[,;:.!?\n“”"]/u);
  const clause = { start: channel.start, end: channel.end + Array.from(clauseEnd < 0 ? '' : rest.slice(0, clauseEnd)).length };
  return `‘${words(clauseEnd >= 0 && clause.end - clause.start <= SHORT_PHRASE ? clause : channel)}’`;
}

/** Where a sentence ends: after its full stop (and any closing quotation mark), or at a line break. */
const SENTENCE_END = /[.!?]["”’»)]*(?=\s|$)|\n/gu;

/**
 * The sentence (or sentences) of the span and its cue, with the span and the suggested content
 * blanked out: the words of the attribution, where "said on Tuesday" stands. What the claim itself
 * says ("the talks resume on Friday") is never read as the day it was made.
 */
function attributionWords(text: string, map: OffsetMap, span: Span, found: Suggestion | null): string {
  const content = [span, ...(found?.fragments ?? [])].map((s) => ({ start: map.toUtf16(s.start), end: map.toUtf16(s.end) }));
  const reach = [...content, ...(found?.cue ? [{ start: map.toUtf16(found.cue.start), end: map.toUtf16(found.cue.end) }] : [])];
  const from = Math.min(...reach.map((r) => r.start));
  const to = Math.max(...reach.map((r) => r.end));
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(SENTENCE_END)) {
    const after = match.index + match[0].length;
    if (after <= from) start = after;
    else if (match.index >= to) {
      end = match.index;
      break;
    }
  }
  const chars = text.slice(start, end).split('');
  for (const c of content) chars.fill(' ', Math.max(0, c.start - start), Math.max(0, c.end - start));
  return chars.join('');
}
