/**
 * Contradiction candidates: the records the scorer reads and the pairs it proposes. Pure data, so
 * the scorer runs the same in a worker, the backend, browser mode and the CLI.
 */

/**
 * The scorer's version: stored with dismissals and printed by the CLI, so a change of rules or
 * lexicon can be told apart from a change of data. Bump it with every change to scoring or lexicon.
 */
export const SCORER_VERSION = 1;

export interface CandidateClaim {
  id: string;
  quote: string;
  actorId: string;
  actorName: string;
  actorAliases: string[];
  /** Who passed the claim on (an agency citing a spokesman), if anyone. */
  viaName: string | null;
  articleId: string;
  articleTitle: string;
  outlet: string;
  /** ISO date (YYYY-MM-DD…) the claim was made, else the article's date, else null. */
  date: string | null;
  tags: string[];
}

export type CandidateKind = 'contradicts' | 'corroborates';

export interface Candidate {
  /** The earlier claim (by date, then id). */
  a: string;
  /** The later claim. */
  b: string;
  kind: CandidateKind;
  /** 0..1, higher first. Comparable across pairs of one run, not across projects. */
  score: number;
  /** Why, in words, most telling first. */
  reasons: string[];
}

/** A pair already linked or dismissed: never proposed again, whatever its kind. */
export interface ClaimPair {
  a: string;
  b: string;
}
