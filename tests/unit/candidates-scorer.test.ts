import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateIndex, findCandidates, type CandidateClaim } from '../../shared/assist/candidates';
import { stem, tokenise } from '../../shared/assist/candidates/analyse';
import { fixtureClaims } from '../helpers/candidate-evaluation';

function claim(id: string, quote: string, extra: Partial<CandidateClaim> = {}): CandidateClaim {
  return { id, quote, actorId: `actor-${id}`, actorName: `Actor ${id}`, actorAliases: [], viaName: null, articleId: `article-${id}`, articleTitle: '', outlet: `Outlet ${id}`, date: '2026-03-01', tags: [], ...extra };
}

describe('the candidate scorer', () => {
  it('folds diacritics and joins inflections: Vlăsceanu is Vlasceanu, deployed is deployment', () => {
    expect(tokenise('Sorin Vlăsceanu’s “troops” didn’t leave')).toEqual(['sorin', 'vlasceanu', 'troops', 'did', 'not', 'leave']);
    expect(stem('deployed')).toBe(stem('deployment'));
    expect(stem('Velmoran'.toLowerCase())).toBe(stem('velmora'));
    expect(stem('peacekeepers')).toBe(stem('peacekeeping'));
  });

  it('proposes one claim denying what another affirms as a contradiction, with both sides quoted', () => {
    const [candidate] = findCandidates(
      [
        claim('x', 'Turkish troops will be deployed in Nagorno-Karabakh', { actorName: 'Ilham Aliyev', date: '2020-11-10' }),
        claim('y', 'The deployment of Turkish soldiers in Karabakh was not agreed', { actorName: 'Dmitry Pelkov', date: '2020-11-11' }),
        claim('z', 'Grain exports through the port rose by a third', { date: '2020-11-12' }),
      ],
      [],
    );
    expect(candidate).toMatchObject({ a: 'x', b: 'y', kind: 'contradicts' });
    expect(candidate!.reasons[0]).toMatch(/^both about (?=.*troops)(?=.*karabakh)/);
    expect(candidate!.reasons).toContain('Dmitry Pelkov denies (‘not agreed’), Ilham Aliyev affirms (‘will be deployed’)');
  });

  it('calls one speaker’s words carried by two outlets a corroboration', () => {
    const [candidate] = findCandidates(
      [
        claim('x', 'There is no agreement on foreign peacekeepers', { actorId: 'p', actorName: 'Dmitri Voskov', outlet: 'Agence Véritas' }),
        claim('y', 'No deal on foreign troops has been reached', { actorId: 'p', actorName: 'Dmitri Voskov', outlet: 'Tervel Today' }),
      ],
      [],
    );
    expect(candidate).toMatchObject({ kind: 'corroborates' });
    expect(candidate!.reasons).toContain('the same statement by Dmitri Voskov in different wordings, reported by Agence Véritas and Tervel Today');
  });

  it('scores a newly added claim against the rest without rebuilding', () => {
    const claims = fixtureClaims();
    const denial = claims.find((c) => c.id === 'c5')!;
    const index = new CandidateIndex(claims.filter((c) => c !== denial));
    index.add(denial);
    const found = index.candidatesFor('c5', { kind: 'contradicts' });
    expect(found.map((c) => `${c.a}-${c.b}`)).toContain('c1-c5');
    // Replacing a claim (an edited quote) is not a second claim.
    index.add({ ...denial, quote: 'Grain ships left Karsk on Friday' });
    expect(index.size).toBe(claims.length);
    expect(index.candidatesFor('c5', { kind: 'contradicts' }).map((c) => `${c.a}-${c.b}`)).not.toContain('c1-c5');
    index.remove('c5');
    expect(index.candidatesFor('c5')).toEqual([]);
    expect(index.list().some((c) => c.a === 'c5' || c.b === 'c5')).toBe(false);
  });

  it('whatever the claims: scores in 0..1, the earlier claim first, each pair once, excluded pairs never', () => {
    const words = ['troops', 'soldiers', 'no', 'not', 'will', 'agreement', 'deal', 'Karabakh', 'Velmora', '7', 'seven', 'ships', 'closed', 'reopened', 'never', 'all', 'Łódź', '停火', '🇪🇺', ''];
    const claimArb = fc.record({
      words: fc.array(fc.constantFrom(...words), { maxLength: 12 }),
      actor: fc.integer({ min: 0, max: 3 }),
      article: fc.integer({ min: 0, max: 3 }),
      day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(claimArb, { maxLength: 25 }), fc.array(fc.tuple(fc.nat(24), fc.nat(24)), { maxLength: 10 }), (specs, exclusions) => {
        const claims = specs.map((spec, i) =>
          claim(`c${String(i).padStart(2, '0')}`, spec.words.join(' '), { actorId: `a${spec.actor}`, articleId: `r${spec.article}`, date: spec.day === null ? null : `2026-03-${String(spec.day).padStart(2, '0')}` }),
        );
        const excluded = exclusions.map(([p, q]) => ({ a: `c${String(p).padStart(2, '0')}`, b: `c${String(q).padStart(2, '0')}` }));
        const list = findCandidates(claims, excluded);
        const seen = new Set<string>();
        const byId = new Map(claims.map((c) => [c.id, c]));
        for (const candidate of list) {
          expect(candidate.score).toBeGreaterThanOrEqual(0);
          expect(candidate.score).toBeLessThanOrEqual(1);
          expect(candidate.a).not.toBe(candidate.b);
          const [a, b] = [byId.get(candidate.a)!, byId.get(candidate.b)!];
          expect((a.date ?? '') < (b.date ?? '') || ((a.date ?? '') === (b.date ?? '') && a.id < b.id)).toBe(true);
          const key = `${candidate.a}|${candidate.b}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          expect(excluded.some((e) => (e.a === candidate.a && e.b === candidate.b) || (e.a === candidate.b && e.b === candidate.a))).toBe(false);
          expect(candidate.reasons.length).toBeGreaterThan(0);
        }
        for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
      }),
      { numRuns: 200 },
    );
  });
});
