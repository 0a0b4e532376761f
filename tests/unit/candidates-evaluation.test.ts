import { describe, expect, it } from 'vitest';
import { RECORDED } from '../fixtures/candidates/orlova-valley';
import { evaluateKind, fixtureClaims } from '../helpers/candidate-evaluation';
import { findCandidates } from '../../shared/assist/candidates';

/**
 * The targets on the fictional Orlova Valley project, whose links were recorded by hand
 * before the scorer was written: recall@k with k = 3 × the links recorded of that kind.
 */
describe('contradiction candidates on the Orlova Valley fixture', () => {
  it('finds at least 80% of the recorded contradictions in the top 3 × recorded', () => {
    const result = evaluateKind('contradicts');
    expect(result.recorded).toBeGreaterThanOrEqual(10);
    expect(result.recall, `missed:\n${result.missed.join('\n')}`).toBeGreaterThanOrEqual(0.8);
    // Precision@k cannot exceed 1/3 here (k is three times what was recorded).
    expect(result.precision).toBeGreaterThanOrEqual(0.25);
  });

  it('finds at least 90% of one statement reported in two wordings, and most other corroborations', () => {
    const result = evaluateKind('corroborates');
    const claims = new Map(fixtureClaims().map((claim) => [claim.id, claim]));
    const sameStatement = RECORDED.filter((link) => link.kind === 'corroborates' && claims.get(link.a)!.actorId === claims.get(link.b)!.actorId);
    expect(sameStatement.length).toBeGreaterThanOrEqual(2);
    const proposed = new Set(result.top.map((c) => [c.a, c.b].sort().join('|')));
    const found = sameStatement.filter((link) => proposed.has([link.a, link.b].sort().join('|')));
    expect(found.length / sameStatement.length).toBeGreaterThanOrEqual(0.9);
    expect(result.recall, `missed:\n${result.missed.join('\n')}`).toBeGreaterThanOrEqual(0.8);
  });

  it('says why in words: what both are about, who denies and who affirms', () => {
    const pair = findCandidates(fixtureClaims(), [], { kind: 'contradicts' }).find((c) => c.a === 'c1' && c.b === 'c5')!;
    expect(pair.reasons[0]).toMatch(/^both about .*peacekeepers/);
    expect(pair.reasons).toContain('Dmitri Voskov denies (‘no agreement’), Aurel Dragomir affirms (‘will be deployed’)');
    const turn = findCandidates(fixtureClaims(), [], { kind: 'contradicts' }).find((c) => c.a === 'c6' && c.b === 'c26')!;
    expect(turn.reasons).toContain('Dmitri Voskov on 2025-03-04 and on 2026-02-17: a change of position?');
    const headline = findCandidates(fixtureClaims(), [], { kind: 'contradicts' }).find((c) => c.a === 'c12' && c.b === 'c13')!;
    expect(headline.reasons.join(' ')).toContain('the headline of “Velmora rules out pulling troops from the border” against its body');
  });

  it('never proposes a pair already linked or dismissed, and gives the same list every time', () => {
    const excluded = RECORDED.map(({ a, b }) => ({ a: b, b: a }));
    const list = findCandidates(fixtureClaims(), excluded);
    const recorded = new Set(RECORDED.map((link) => [link.a, link.b].sort().join('|')));
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((c) => recorded.has([c.a, c.b].sort().join('|')))).toEqual([]);
    expect(findCandidates(fixtureClaims(), excluded)).toEqual(list);
  });
});
