/**
 * Scores one pair of analysed claims: how much they share (the subject, weighted by how rare each
 * shared term is in the project), whether they clash (negation on one side only, different numbers
 * for the same thing, antonyms, "all" against "none"), and who said them when. Reasons are written
 * only for the pairs that are shown, since most scored pairs are not.
 */
import { fold } from '../../fold';
import { stem, type Analysis, type Count } from './analyse';
import { ANTONYMS } from './lexicon';
import type { CandidateClaim, CandidateKind } from './types';

export interface Entry {
  claim: CandidateClaim;
  analysis: Omit<Analysis, 'terms' | 'negated'>;
  /** Interned subject terms, ascending. */
  termIds: Int32Array;
  /** The interned terms a negation in the quote denies. */
  negatedIds: Set<number>;
  /** Whether the quote is the article's headline. */
  headline: boolean;
  /** The sum of its term weights, and the index version it was computed for (kept by the index). */
  norm: number;
  normVersion: number;
}

/** A shared-subject score below this is not a candidate at all. */
const MIN_SUBJECT = 0.12;
/** A change of position needs time between the two statements. */
const POSITION_CHANGE_DAYS = 30;

interface Signals {
  subject: number;
  shared: number[];
  negatedSide: 'x' | 'y' | null;
  numberClash: [Count, Count] | null;
  numberAgreement: [Count, Count] | null;
  antonym: [string, string] | null;
  universalClash: boolean;
  sameActor: boolean;
  sameArticle: boolean;
  identical: boolean;
}

export interface ScoredPair {
  kind: CandidateKind;
  score: number;
  signals: Signals;
}

/** The terms two ascending id lists share. */
function intersect(x: Int32Array, y: Int32Array): number[] {
  const shared: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else {
      shared.push(x[i]!);
      i++;
      j++;
    }
  }
  return shared;
}

function sum(ids: ArrayLike<number>, weight: (term: number) => number): number {
  let total = 0;
  for (let k = 0; k < ids.length; k++) total += weight(ids[k]!);
  return total;
}

/** Two counts of the same thing that differ. */
function countsClash(xs: Count[], ys: Count[]): [Count, Count] | null {
  for (const x of xs) {
    for (const y of ys) if (x.value !== y.value && x.things.some((thing) => y.things.includes(thing))) return [x, y];
  }
  return null;
}

/** The same number on both sides (“seven civilians”, “seven bodies”): what is counted may be worded apart. */
function countsAgree(xs: Count[], ys: Count[]): [Count, Count] | null {
  for (const x of xs) {
    for (const y of ys) if (x.value === y.value) return [x, y];
  }
  return null;
}

function antonymOf(x: Entry['analysis'], y: Entry['analysis']): [string, string] | null {
  for (const [p, q] of ANTONYMS) {
    // A claim naming both (“reopened after a closure”) tells of a change; the clash is with a
    // claim that names only the other one.
    if (x.polar.has(p) && y.polar.has(q) && !y.polar.has(p)) return [x.polar.get(p)!, y.polar.get(q)!];
    if (x.polar.has(q) && y.polar.has(p) && !x.polar.has(p)) return [x.polar.get(q)!, y.polar.get(p)!];
  }
  return null;
}

function sameActor(x: Entry, y: Entry): boolean {
  if (x.claim.actorId === y.claim.actorId) return true;
  for (const skeleton of x.analysis.actorSkeletons) if (y.analysis.actorSkeletons.has(skeleton)) return true;
  return false;
}

function daysBetween(x: string | null, y: string | null): number | null {
  const tx = x ? Date.parse(x.slice(0, 10)) : NaN;
  const ty = y ? Date.parse(y.slice(0, 10)) : NaN;
  return Number.isNaN(tx) || Number.isNaN(ty) ? null : Math.abs(ty - tx) / 86_400_000;
}

export function scorePair(x: Entry, y: Entry, weight: (term: number) => number, norm: (entry: Entry) => number): ScoredPair | null {
  const shared = intersect(x.termIds, y.termIds);
  if (shared.length === 0) return null;
  const subject = sum(shared, weight) / Math.sqrt(norm(x) * norm(y));
  if (!(subject >= MIN_SUBJECT)) return null;
  const ax = x.analysis;
  const ay = y.analysis;
  const identical = ax.folded !== '' && ax.folded === ay.folded;
  const negatedSide = identical || (ax.negation === null) === (ay.negation === null) ? null : ax.negation !== null ? 'x' : 'y';
  const signals: Signals = {
    subject,
    shared,
    negatedSide,
    numberClash: countsClash(ax.counts, ay.counts),
    numberAgreement: countsAgree(ax.counts, ay.counts),
    antonym: identical ? null : antonymOf(ax, ay),
    universalClash: negatedSide !== null && (negatedSide === 'x' ? ay.universal !== null : ax.universal !== null),
    sameActor: sameActor(x, y),
    sameArticle: x.claim.articleId === y.claim.articleId,
    identical,
  };
  // A denial of something both claims name is a clash; a denial elsewhere in the quote, less so.
  const denied = negatedSide && shared.some((term) => (negatedSide === 'x' ? x : y).negatedIds.has(term));
  const clash = 1 - (1 - (negatedSide ? (denied ? 0.6 : 0.6) : 0)) * (1 - (signals.numberClash ? 0.65 : 0)) * (1 - (signals.antonym ? 0.55 : 0)) * (1 - (signals.universalClash ? 0.3 : 0));
  // One speaker in one report rarely contradicts or corroborates themselves, though two speakers
  // in one report often do ("X said …; Y denied it"), and so can a headline and its body.
  const sameVoice = signals.sameArticle && signals.sameActor && !x.headline && !y.headline;
  const place = sameVoice ? 0.4 : signals.sameArticle ? 0.9 : 1;
  if (clash > 0) {
    let score = Math.pow(subject, 0.6) * (0.4 + 0.6 * clash) * place;
    if (signals.sameActor && (daysBetween(x.claim.date, y.claim.date) ?? 0) < POSITION_CHANGE_DAYS) score *= 0.6;
    return { kind: 'contradicts', score: Math.min(1, score), signals };
  }
  let score = subject * place;
  // Agreeing on a denial, on a number, or one speaker's words carried by a second outlet are
  // what an analyst records as corroboration.
  const agreement = (ax.negation !== null && ay.negation !== null ? 1 : 0) + (signals.numberAgreement ? 1 : 0) + (signals.sameActor && x.claim.outlet !== y.claim.outlet ? 1 : 0);
  score *= agreement > 0 ? 1 + 0.4 * agreement : 0.8;
  // The same words twice in one outlet is a duplicate, not a second channel.
  if (identical && x.claim.outlet === y.claim.outlet && signals.sameActor) score *= 0.5;
  return { kind: 'corroborates', score: Math.min(1, score), signals };
}

function quoted(text: string): string {
  return `‘${text}’`;
}

function list(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function speaker(entry: Entry): string {
  return entry.claim.viaName ? `${entry.claim.actorName} (via ${entry.claim.viaName})` : entry.claim.actorName;
}

/**
 * The reasons for a scored pair, in words, most telling first: what both are about, then the clash
 * or the agreement, then who said them when. `x` is the earlier claim.
 */
export function reasonsFor(x: Entry, y: Entry, scored: ScoredPair, shown: (term: number) => string, weight: (term: number) => number): string[] {
  const { signals } = scored;
  const reasons: string[] = [];
  const subjects: string[] = [];
  const tags: string[] = [];
  for (const term of [...signals.shared].sort((p, q) => weight(q) - weight(p) || p - q)) {
    const word = shown(term);
    const into = word.startsWith('“') ? tags : subjects;
    // A lexicon concept and the word that named it (deploy, deployed) are said once.
    if (into.length < 4 && !into.some((seen) => stem(seen) === stem(word))) into.push(word);
  }
  if (signals.identical) reasons.push('identical quotes');
  else if (subjects.length) reasons.push(`both about ${list(subjects)}`);
  if (tags.length) reasons.push(`both tagged ${list(tags)}`);
  if (signals.negatedSide) {
    const [denier, affirmer] = signals.negatedSide === 'x' ? [x, y] : [y, x];
    const affirmed = affirmer.analysis.modal ?? affirmer.analysis.opening;
    const affirming = `affirms (${quoted(affirmed)})`;
    reasons.push(signals.sameActor ? `${speaker(denier)} denies (${quoted(denier.analysis.negation!)}) and ${affirming}` : `${speaker(denier)} denies (${quoted(denier.analysis.negation!)}), ${speaker(affirmer)} ${affirming}`);
  }
  if (signals.numberClash) {
    const [cx, cy] = signals.numberClash;
    reasons.push(`different numbers: ${quoted(cx.text)} (${speaker(x)}) against ${quoted(cy.text)} (${speaker(y)})`);
  }
  if (signals.antonym) reasons.push(`${quoted(signals.antonym[0])} against ${quoted(signals.antonym[1])}`);
  if (signals.universalClash) reasons.push('“all” on one side, a denial on the other');
  if (scored.kind === 'corroborates' && x.analysis.negation !== null && y.analysis.negation !== null) reasons.push(`both deny (${quoted(x.analysis.negation)}, ${quoted(y.analysis.negation)})`);
  if (scored.kind === 'corroborates' && signals.numberAgreement) reasons.push(`the same number: ${quoted(signals.numberAgreement[0].text)}, ${quoted(signals.numberAgreement[1].text)}`);
  if (x.headline || y.headline) {
    if (signals.sameArticle) reasons.push(`the headline of “${x.claim.articleTitle}” against its body`);
  }
  const days = daysBetween(x.claim.date, y.claim.date);
  if (signals.sameActor) {
    if (scored.kind === 'contradicts' && days !== null && days >= POSITION_CHANGE_DAYS) reasons.push(`${x.claim.actorName} on ${x.claim.date!.slice(0, 10)} and on ${y.claim.date!.slice(0, 10)}: a change of position?`);
    else if (scored.kind === 'corroborates' && !signals.sameArticle) reasons.push(`the same statement by ${x.claim.actorName} in ${signals.identical ? 'the same words' : 'different wordings'}, reported by ${x.claim.outlet || 'one source'} and ${y.claim.outlet || 'another'}`);
  } else if (scored.kind === 'contradicts') {
    reasons.push(`two versions: ${speaker(x)} and ${speaker(y)}`);
  } else {
    reasons.push(`${speaker(x)} and ${speaker(y)} agree`);
  }
  return reasons;
}

/** Whether a quote is its article's headline (the only place one article contradicts itself). */
export function isHeadline(claim: CandidateClaim): boolean {
  // Folding keeps the length within a few characters (ß → ss); most quotes differ far more.
  if (Math.abs(claim.quote.length - claim.articleTitle.length) > 8) return false;
  const quote = fold(claim.quote);
  return quote !== '' && quote === fold(claim.articleTitle);
}
