import { findCandidates, type Candidate, type CandidateClaim, type CandidateKind } from '../../shared/assist/candidates';
import { ACTORS, ARTICLES, CLAIMS, RECORDED } from '../fixtures/candidates/orlova-valley';

/** The Orlova Valley fixture as the scorer reads it: claim ids are the fixture's keys. */
export function fixtureClaims(): CandidateClaim[] {
  return CLAIMS.map((claim) => {
    const article = ARTICLES.find((a) => a.key === claim.article)!;
    const actor = ACTORS.find((a) => a.key === claim.actor)!;
    return {
      id: claim.key,
      quote: claim.quote,
      actorId: actor.key,
      actorName: actor.name,
      actorAliases: actor.aliases,
      viaName: claim.via ? ACTORS.find((a) => a.key === claim.via)!.name : null,
      articleId: article.key,
      articleTitle: article.title,
      outlet: article.outlet,
      date: article.date,
      tags: claim.tags ?? [],
    };
  });
}

export interface KindEvaluation {
  kind: CandidateKind;
  recorded: number;
  k: number;
  found: number;
  recall: number;
  precision: number;
  missed: string[];
  top: Candidate[];
}

const key = (a: string, b: string) => [a, b].sort().join('|');

/** recall@k and precision@k, k = 3 × the links recorded of that kind, over the scorer's list of that kind. */
export function evaluateKind(kind: CandidateKind, claims = fixtureClaims()): KindEvaluation {
  const recorded = RECORDED.filter((link) => link.kind === kind);
  const k = 3 * recorded.length;
  const top = findCandidates(claims, [], { kind, limit: k });
  const proposed = new Set(top.map((c) => key(c.a, c.b)));
  const missed = recorded.filter((link) => !proposed.has(key(link.a, link.b)));
  const found = recorded.length - missed.length;
  return { kind, recorded: recorded.length, k, found, recall: found / recorded.length, precision: found / k, missed: missed.map((m) => `${m.a}–${m.b}: ${m.why}`), top };
}
