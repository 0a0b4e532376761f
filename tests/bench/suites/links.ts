import path from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import type { ReviewFilters, ReviewSort } from '../../../shared/domain';
import { percentile, sampleAsync, type BenchRow } from '../harness';
import { buildLinkedProject } from '../linked-project';
import { tempDir } from '../../helpers/temp';

const CLAIMS = 100_000;
const LINKS = 20_000;

/** The review list's backend query over 100,000 claims and 20,000 links. */
export async function linksBench(): Promise<BenchRow[]> {
  const temp = tempDir();
  const backend = Backend.open(path.join(temp.dir, 'links.gainsay'));
  try {
    const built = performance.now();
    const { actorIds, articleIds } = await buildLinkedProject(backend, 500, CLAIMS, LINKS);
    const buildSeconds = (performance.now() - built) / 1000;
    const actor = actorIds[7]!;
    const cases: Array<[string, Partial<ReviewFilters>, ReviewSort]> = [
      ['no filter', {}, 'date'],
      ['open only', { statuses: ['open'] }, 'date'],
      ['by actor', { actorId: actor }, 'actor'],
      ['actor pair', { actorId: actor, otherActorId: actorIds[8]! }, 'date'],
      ['article', { articleId: articleIds[3]! }, 'status'],
      ['outlet', { outlet: 'Agence Véritas' }, 'date'],
      ['tag', { tag: 'denial' }, 'updated'],
      ['date range', { from: '2026-03-10', to: '2026-03-20' }, 'date'],
      ['words', { text: 'observers mission' }, 'date'],
      ['status sort', {}, 'status'],
    ];
    const rows: BenchRow[] = [];
    const all: number[] = [];
    const call = async (filters: Partial<ReviewFilters>, sort: ReviewSort, offset: number) => {
      const result = await backend.invoke('links.review', { filters, sort, offset, limit: 100 });
      if (!result.ok) throw new Error(result.error.message);
    };
    for (const [name, filters, sort] of cases) {
      // Page offsets as a scrolling list asks for them: the top, then further down.
      const samples = await sampleAsync(30, (i) => call(filters, sort, i < 0 ? 0 : (i % 10) * 1000), 3);
      all.push(...samples);
      rows.push({ name: `review list: ${name}, sort by ${sort}, p95`, figure: percentile(samples, 95), unit: 'ms', target: 50, better: 'lower' });
    }
    rows.unshift({ name: `review list query, all filters and sorts, p95`, figure: percentile(all, 95), unit: 'ms', target: 50, better: 'lower', note: `${CLAIMS.toLocaleString()} claims, ${LINKS.toLocaleString()} links; built in ${buildSeconds.toFixed(0)} s` });
    const pairs = await sampleAsync(20, async () => {
      await backend.invoke('links.pairs', { limit: 50 });
    }, 2);
    rows.push({ name: 'who contradicts whom (actor pairs), p95', figure: percentile(pairs, 95), unit: 'ms', target: null, better: 'lower', note: 'random pairs of 300 actors: ~16,000 distinct pairs to sum' });
    const search = (texts: string[]) =>
      sampleAsync(20, async (i) => {
        const result = await backend.invoke('claims.search', { text: texts[Math.abs(i) % texts.length]! });
        if (!result.ok) throw new Error(result.error.message);
      }, 2);
    const common = await search(['speaker 12', 'observers', 'veritas denial', 'łukasiewicz mission']);
    rows.push({ name: 'link picker, words found in many claims, p95', figure: percentile(common, 95), unit: 'ms', target: 100, better: 'lower', note: 'quote, actor, outlet, tag words' });
    const rare = await search(['nomatchword', 'speaker 299 café']);
    rows.push({ name: 'link picker, words found in few or no claims, p95', figure: percentile(rare, 95), unit: 'ms', target: null, better: 'lower', note: 'reads every claim; a quote index would cut this' });
    return rows;
  } finally {
    backend.close();
    temp.remove();
  }
}
