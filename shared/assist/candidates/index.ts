/**
 * Contradiction and corroboration candidates over a project's claims. An inverted index from each
 * subject term to the claims that have it decides which pairs are scored at all (blocking): a
 * claim is compared only with claims that share one of its rarer terms, within a fixed budget of
 * look-ups, never with every other claim. Adding a claim updates the index in place, so one new
 * claim is scored against the rest without rebuilding anything.
 */
import { analyse } from './analyse';
import { isHeadline, reasonsFor, scorePair, type Entry, type ScoredPair } from './score';
import { TopK } from './top';
import type { Candidate, CandidateClaim, CandidateKind, ClaimPair } from './types';

export { SCORER_VERSION } from './types';
export type { Candidate, CandidateClaim, CandidateKind, ClaimPair } from './types';

/** A term in more claims than this says too little to make a pair worth scoring by itself. */
const BLOCKING_MAX_CLAIMS = 400;
/** Posting-list entries a claim may visit to find its partners: bounds the time per claim. */
const VISIT_BUDGET = 1_000;
/** Partners scored per claim, the best by shared rare terms. */
const SCORED_PER_CLAIM = 12;
/** Candidates kept per claim before ranking the project: one claim cannot flood the list. */
const KEPT_PER_CLAIM = 8;

export interface ListOptions {
  kind?: CandidateKind;
  limit?: number;
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

/** Earlier first: by date (undated first), then id, so every host orders a pair alike. */
function isEarlier(x: CandidateClaim, y: CandidateClaim): boolean {
  const dx = x.date ?? '';
  const dy = y.date ?? '';
  return dx < dy || (dx === dy && x.id < y.id);
}

interface Partner {
  index: number;
  scored: ScoredPair;
}

export class CandidateIndex {
  private readonly entries: Array<Entry | null> = [];
  private readonly byId = new Map<string, number>();
  private readonly vocabulary = new Map<string, number>();
  private readonly shownWords: string[] = [];
  private readonly postings: number[][] = [];
  private readonly excluded = new Set<string>();
  private live = 0;
  /** How many claims have each (non-empty) folded quote: a wire story printed fifty times is one statement. */
  private readonly copies = new Map<string, number>();
  /** Bumped by every add and remove: term weights and claim norms computed before are stale. */
  private version = 0;
  private weights = new Float64Array(0);
  private weightsVersion = -1;
  // Scratch space for gathering partners, reused across calls (one claim's partners at a time).
  private accumulated = new Float64Array(0);
  private stamp = new Int32Array(0);
  private round = 0;

  constructor(claims: Iterable<CandidateClaim> = [], excluded: Iterable<ClaimPair> = []) {
    for (const pair of excluded) this.exclude(pair);
    for (const claim of claims) this.add(claim);
  }

  get size(): number {
    return this.live;
  }

  /** Never propose this pair (already linked, or dismissed). */
  exclude(pair: ClaimPair): void {
    this.excluded.add(pairKey(pair.a, pair.b));
  }

  /** Replaces the pairs never to propose (a link deleted, or undone, makes its pair a candidate again). */
  excludeOnly(pairs: Iterable<ClaimPair>): void {
    this.excluded.clear();
    for (const pair of pairs) this.exclude(pair);
  }

  /** Adds a claim, or replaces the one with its id (an edited quote, actor or tags). */
  add(claim: CandidateClaim): void {
    if (this.byId.has(claim.id)) this.remove(claim.id);
    // The terms are interned and dropped: a hundred thousand claims' maps of words cost most of the memory.
    const { terms, negated, ...analysis } = analyse(claim);
    const ids: number[] = [];
    const negatedIds = new Set<number>();
    for (const [term, shown] of terms) {
      let id = this.vocabulary.get(term);
      if (id === undefined) {
        id = this.shownWords.length;
        this.vocabulary.set(term, id);
        this.shownWords.push(shown);
        this.postings.push([]);
      }
      ids.push(id);
      if (negated.has(term)) negatedIds.add(id);
    }
    const termIds = Int32Array.from(ids).sort();
    const index = this.entries.length;
    this.entries.push({ claim, analysis, termIds, negatedIds, headline: isHeadline(claim), norm: 0, normVersion: -1 });
    this.byId.set(claim.id, index);
    for (const id of termIds) this.postings[id]!.push(index);
    this.live++;
    this.version++;
    if (analysis.folded) this.copies.set(analysis.folded, (this.copies.get(analysis.folded) ?? 0) + 1);
  }

  /**
   * Forgets a claim (deleted, or about to be replaced). Its entries leave the posting lists at
   * once, so term weights stay exact; a claim's terms are few, but a common term's list is long,
   * which makes removing slower than adding (it is also rarer).
   */
  remove(claimId: string): void {
    const index = this.byId.get(claimId);
    if (index === undefined) return;
    const entry = this.entries[index]!;
    const folded = entry.analysis.folded;
    if (folded) this.copies.set(folded, this.copies.get(folded)! - 1);
    for (const term of entry.termIds) {
      const posting = this.postings[term]!;
      const at = posting.lastIndexOf(index);
      if (at >= 0) posting.splice(at, 1);
    }
    this.entries[index] = null;
    this.byId.delete(claimId);
    this.live--;
    this.version++;
  }

  /** The pairs one claim makes with the rest, best first: what a newly recorded claim shows. */
  candidatesFor(claimId: string, options: ListOptions = {}): Candidate[] {
    const index = this.byId.get(claimId);
    if (index === undefined) return [];
    const partners = this.partnersOf(index, options.kind).slice(0, options.limit ?? KEPT_PER_CLAIM);
    return partners.map((partner) => this.candidate(index, partner));
  }

  /** The project's candidates, best first, each pair once. */
  list(options: ListOptions = {}): Candidate[] {
    type Ranked = { x: number; partner: Partner };
    const better = (p: Ranked, q: Ranked) =>
      p.partner.scored.score > q.partner.scored.score ||
      (p.partner.scored.score === q.partner.scored.score && (p.x < q.x || (p.x === q.x && p.partner.index < q.partner.index)));
    const top = new TopK<Ranked>(options.limit ?? Infinity, better);
    // Each pair is looked for once, from its later-added claim: half the work, and no pair twice.
    for (let index = 0; index < this.entries.length; index++) {
      if (!this.entries[index]) continue;
      for (const partner of this.partnersOf(index, options.kind, index).slice(0, KEPT_PER_CLAIM)) top.push({ x: index, partner });
    }
    return top.sorted().map(({ x, partner }) => this.candidate(x, partner));
  }

  /** A term's weight: the rarer in the project, the more two claims sharing it say (IDF). */
  private weight = (term: number): number => {
    if (this.weightsVersion !== this.version) {
      if (this.weights.length < this.postings.length) this.weights = new Float64Array(this.postings.length * 2);
      for (let t = 0; t < this.postings.length; t++) this.weights[t] = Math.log(1 + this.live / Math.max(1, this.postings[t]!.length));
      this.weightsVersion = this.version;
    }
    return this.weights[term]!;
  };

  /** The sum of a claim's term weights, kept until the index changes. */
  private norm = (entry: Entry): number => {
    if (entry.normVersion !== this.version) {
      let total = 0;
      for (const term of entry.termIds) total += this.weight(term);
      entry.norm = total;
      entry.normVersion = this.version;
    }
    return entry.norm;
  };

  private shown = (term: number): string => this.shownWords[term]!;

  /** Scored partners of one claim, best first (at most SCORED_PER_CLAIM of them), among the claims added before `below` if given. */
  private partnersOf(index: number, kind: CandidateKind | undefined, below = Infinity): Partner[] {
    const entry = this.entries[index]!;
    this.prepareScratch();
    const round = ++this.round;
    const found: number[] = [];
    // Rarest terms first: they say most about the subject and cost least to follow.
    const terms = Array.from(entry.termIds)
      .filter((term) => this.postings[term]!.length <= BLOCKING_MAX_CLAIMS)
      .sort((p, q) => this.postings[p]!.length - this.postings[q]!.length || p - q);
    let visits = 0;
    for (const term of terms) {
      const posting = this.postings[term]!;
      if (visits + posting.length > VISIT_BUDGET) break;
      visits += posting.length;
      const weight = this.weight(term);
      for (const other of posting) {
        // Postings are in the order claims were added, so the rest are not below either.
        if (other >= below) break;
        if (other === index) continue;
        if (this.stamp[other] !== round) {
          this.stamp[other] = round;
          this.accumulated[other] = 0;
          found.push(other);
        }
        this.accumulated[other]! += weight;
      }
    }
    const partners: Partner[] = [];
    for (const other of this.mostShared(found)) {
      const otherEntry = this.entries[other]!;
      if (this.excluded.size > 0 && this.excluded.has(pairKey(entry.claim.id, otherEntry.claim.id))) continue;
      const [x, y] = isEarlier(entry.claim, otherEntry.claim) ? [entry, otherEntry] : [otherEntry, entry];
      let scored = scorePair(x, y, this.weight, this.norm);
      // Identical quotes rank lower the more copies there are, so that one quote recorded many
      // times cannot push everything else down the list.
      if (scored?.signals.identical) scored = { ...scored, score: scored.score / (1 + Math.log(this.copies.get(x.analysis.folded) ?? 1)) };
      if (scored && (!kind || scored.kind === kind)) partners.push({ index: other, scored });
    }
    return partners.sort((p, q) => q.scored.score - p.scored.score || p.index - q.index);
  }

  /** The SCORED_PER_CLAIM claims with most rare terms in common, without sorting them all. */
  private mostShared(found: number[]): number[] {
    const better = (p: number, q: number) => this.accumulated[p]! > this.accumulated[q]! || (this.accumulated[p] === this.accumulated[q] && p < q);
    const top: number[] = [];
    for (const other of found) {
      if (top.length === SCORED_PER_CLAIM && !better(other, top[top.length - 1]!)) continue;
      let at = Math.min(top.length, SCORED_PER_CLAIM - 1);
      while (at > 0 && better(other, top[at - 1]!)) at--;
      top.splice(at, top.length === SCORED_PER_CLAIM ? 1 : 0, other);
      if (top.length > SCORED_PER_CLAIM) top.pop();
    }
    return top;
  }

  private prepareScratch(): void {
    if (this.stamp.length >= this.entries.length) return;
    const size = Math.max(1024, this.entries.length * 2);
    this.accumulated = new Float64Array(size);
    this.stamp = new Int32Array(size);
    this.round = 0;
  }

  private candidate(index: number, partner: Partner): Candidate {
    const one = this.entries[index]!;
    const other = this.entries[partner.index]!;
    const [x, y] = isEarlier(one.claim, other.claim) ? [one, other] : [other, one];
    return {
      a: x.claim.id,
      b: y.claim.id,
      kind: partner.scored.kind,
      score: Math.round(partner.scored.score * 1000) / 1000,
      reasons: reasonsFor(x, y, partner.scored, this.shown, this.weight),
    };
  }
}

/** Candidates for a whole project at once: the CLI's and the evaluation's entry point. */
export function findCandidates(claims: Iterable<CandidateClaim>, excluded: Iterable<ClaimPair>, options: ListOptions = {}): Candidate[] {
  return new CandidateIndex(claims, excluded).list(options);
}
