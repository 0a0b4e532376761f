import { CandidateIndex } from '../../../shared/assist/candidates';
import { RECORDED } from '../../fixtures/candidates/orlova-valley';
import { evaluateKind, fixtureClaims } from '../../helpers/candidate-evaluation';
import { syntheticCandidateClaims } from '../candidate-claims';
import { percentile, type BenchRow } from '../harness';

const CLAIMS = 100_000;
const UPDATES = 200;

/**
 * Contradiction candidates: recall and precision in the top 3 × recorded on the Orlova Valley
 * fixture (links recorded by hand), the whole list for 100,000 synthetic claims, and the update
 * after one new claim (added to the index and scored against the rest).
 */
export async function candidatesBench(): Promise<BenchRow[]> {
  const contradictions = evaluateKind('contradicts');
  const corroborations = evaluateKind('corroborates');
  const claims = new Map(fixtureClaims().map((claim) => [claim.id, claim]));
  const sameStatement = RECORDED.filter((link) => link.kind === 'corroborates' && claims.get(link.a)!.actorId === claims.get(link.b)!.actorId);
  const proposed = new Set(corroborations.top.map((c) => [c.a, c.b].sort().join('|')));
  const sameStatementFound = sameStatement.filter((link) => proposed.has([link.a, link.b].sort().join('|'))).length;

  const synthetic = syntheticCandidateClaims(CLAIMS + UPDATES);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const index = new CandidateIndex(synthetic.slice(0, CLAIMS));
  const listed = index.list({ limit: 1_000 });
  const whole = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const updates = synthetic.slice(CLAIMS).map((claim) => {
    const begin = performance.now();
    index.add(claim);
    index.candidatesFor(claim.id);
    return performance.now() - begin;
  });

  const fixtureNote = (k: number, recorded: number) => `Orlova Valley fixture, k = ${k} (3 × ${recorded} recorded)`;
  return [
    { name: 'contradictions: recall in the top k', figure: contradictions.recall * 100, unit: '%', target: 80, better: 'higher', note: fixtureNote(contradictions.k, contradictions.recorded) },
    { name: 'contradictions: precision in the top k', figure: contradictions.precision * 100, unit: '%', target: null, better: 'higher', note: 'at most 33% when k = 3 × recorded' },
    { name: 'same statement, two wordings: recall in the top k', figure: (sameStatementFound / sameStatement.length) * 100, unit: '%', target: 90, better: 'higher', note: `${sameStatementFound} of ${sameStatement.length}; ${fixtureNote(corroborations.k, corroborations.recorded)}` },
    { name: 'all corroborations: recall in the top k', figure: corroborations.recall * 100, unit: '%', target: null, better: 'higher', note: `precision ${(corroborations.precision * 100).toFixed(0)}%` },
    { name: `candidates for ${CLAIMS.toLocaleString('en')} synthetic claims`, figure: whole, unit: 'ms', target: 10_000, better: 'lower', note: `index + best ${listed.length}; ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU` },
    { name: 'update after one new claim, p95', figure: percentile(updates, 95), unit: 'ms', target: 50, better: 'lower', note: `${UPDATES} claims added to ${CLAIMS.toLocaleString('en')}; max ${Math.max(...updates).toFixed(1)} ms` },
  ];
}
