import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_STATUSES, type LinkStatus, type ReviewFilters, type ReviewPage, type ReviewSort } from '../../shared/domain';
import { keyNeedle, parseSearch } from '../../shared/text/search-query';
import { buildLinkedProject } from '../bench/linked-project';
import { call, tempBackend } from '../helpers/project';

/**
 * The review list as it was read before the review indexes (migration 011): every filter as a
 * test on each link's row, one sort over all of them. Kept here, verbatim in its SQL, as the
 * reference the indexed reading must give row for row.
 */
function referencePage(db: Database.Database, filters: ReviewFilters, sort: ReviewSort, descending: boolean, offset: number, limit: number) {
  const SORT_KEYS: Record<ReviewSort, string> = {
    date: 'l.sort_date',
    actor: `(SELECT min(name COLLATE NOCASE) FROM actors WHERE id IN (l.a_actor, l.b_actor))`,
    status: `CASE l.status WHEN 'open' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END`,
    updated: 'l.updated_at',
  };
  const where = ['l.kind = :kind'];
  const params: Record<string, unknown> = { kind: filters.kind };
  const counts: Record<LinkStatus, number> = { open: 0, confirmed: 0, dismissed: 0 };
  if (filters.actorId && filters.otherActorId) {
    where.push('((l.a_actor = :actor AND l.b_actor = :other) OR (l.a_actor = :other AND l.b_actor = :actor))');
    Object.assign(params, { actor: filters.actorId, other: filters.otherActorId });
  } else if (filters.actorId) {
    where.push('(l.a_actor = :actor OR l.b_actor = :actor)');
    params.actor = filters.actorId;
  }
  if (filters.articleId) {
    where.push('(l.a_article = :article OR l.b_article = :article)');
    params.article = filters.articleId;
  }
  if (filters.outlet) {
    where.push('(l.a_article IN (SELECT id FROM articles WHERE outlet = :outlet) OR l.b_article IN (SELECT id FROM articles WHERE outlet = :outlet))');
    params.outlet = filters.outlet;
  }
  if (filters.tag) {
    const tagId = db.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(filters.tag.trim());
    if (!tagId) return { total: 0, counts, ids: [] };
    where.push('(l.claim_a IN (SELECT claim_id FROM claim_tags WHERE tag_id = :tag) OR l.claim_b IN (SELECT claim_id FROM claim_tags WHERE tag_id = :tag))');
    params.tag = tagId;
  }
  if (filters.from) {
    where.push('l.sort_date >= :from');
    params.from = filters.from;
  }
  if (filters.to) {
    where.push("l.sort_date <> '' AND l.sort_date <= :to");
    params.to = filters.to;
  }
  parseSearch(filters.text ?? '').forEach((term, i) => {
    where.push(`(instr(l.a_quote_key, :t${i}) OR instr(l.b_quote_key, :t${i}) OR instr(l.rationale_key, :t${i}))`);
    params[`t${i}`] = keyNeedle(term);
  });
  const statuses = filters.statuses.length === LINK_STATUSES.length ? [] : ['l.status IN (SELECT value FROM json_each(:statuses))'];
  const then = sort === 'date' ? '' : ', l.sort_date DESC';
  const all = { ...params, ...(statuses.length ? { statuses: JSON.stringify(filters.statuses) } : {}) };
  for (const row of db.prepare(`SELECT l.status, count(*) AS n FROM links l WHERE ${where.join(' AND ')} GROUP BY l.status`).all(params) as Array<{ status: LinkStatus; n: number }>) {
    counts[row.status] = row.n;
  }
  const ids = db
    .prepare(`SELECT l.id FROM links l WHERE ${[...where, ...statuses].join(' AND ')} ORDER BY ${SORT_KEYS[sort]} ${descending ? 'DESC' : 'ASC'}${then}, l.rowid LIMIT :limit OFFSET :offset`)
    .pluck()
    .all({ ...all, limit, offset }) as string[];
  return { total: filters.statuses.reduce((sum, status) => sum + counts[status], 0), counts, ids };
}

describe('the review list read through its indexes', () => {
  let env: ReturnType<typeof tempBackend>;
  let actorIds: string[];
  let articleIds: string[];
  let outlets: string[];
  let words: string[];

  beforeAll(async () => {
    env = tempBackend();
    ({ actorIds, articleIds } = await buildLinkedProject(env.backend, 20, 2_000, 600));
    const { db } = env.backend.project;
    // Many links changed in the same millisecond, so the last-change order has ties to break.
    db.exec("UPDATE links SET updated_at = '2026-03-0' || (rowid % 7) || 'T00:00:00.000Z' WHERE rowid % 3 = 0");
    outlets = db.prepare('SELECT DISTINCT outlet FROM articles').pluck().all() as string[];
    // Words of the linked quotes and rationales, whole and cut short, and some found nowhere.
    const keys = db.prepare('SELECT a_quote_key || rationale_key FROM links WHERE rowid % 40 = 0').pluck().all() as string[];
    const found = [...new Set(keys.flatMap((key) => key.split(' ').filter(Boolean)))].slice(0, 40);
    words = [...found, ...found.slice(0, 10).map((w) => w.slice(0, 2)), ...found.slice(0, 10).map((w) => w.slice(1, 4)), 'a', 'é', 'zzyzx', 'velmora’s', 'Observers'];
  }, 120_000);
  afterAll(() => env.dispose());

  it('gives the same rows, totals and counts as reading every link, for any filters, sort and page', async () => {
    const { db } = env.backend.project;
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
    const filters = fc
      .record({
        kind: fc.constantFrom('contradicts', 'corroborates'),
        statuses: fc.subarray([...LINK_STATUSES]),
        actorId: maybe(fc.constantFrom(...actorIds.slice(0, 40))),
        otherActorId: maybe(fc.constantFrom(...actorIds.slice(0, 40))),
        articleId: maybe(fc.constantFrom(...articleIds)),
        outlet: maybe(fc.constantFrom(...outlets, 'No Such Outlet')),
        tag: maybe(fc.constantFrom('denial', 'DENIAL ', 'Łódź talks', 'ceasefire', 'no such tag')),
        from: maybe(fc.constantFrom('2026-03-01', '2026-03-10', '2026-03-20')),
        to: maybe(fc.constantFrom('2026-03-05', '2026-03-20', '2026-04-01')),
        text: maybe(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '))),
      })
      .map((f) => ({ ...f, otherActorId: f.actorId ? f.otherActorId : undefined, to: f.from && f.to && f.to < f.from ? undefined : f.to }))
      // Mostly one or two filters at a time, as an analyst narrows the list.
      .filter((f) => Object.values(f).filter((v) => v !== undefined).length <= 5);
    await fc.assert(
      fc.asyncProperty(
        filters,
        fc.constantFrom<ReviewSort>('date', 'status', 'updated', 'actor'),
        fc.boolean(),
        fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 500 })),
        fc.integer({ min: 1, max: 150 }),
        async (filters, sort, descending, offset, limit) => {
          const page: ReviewPage = await call(env.backend, 'links.review', { filters, sort, descending, offset, limit });
          const expected = referencePage(db, filters as ReviewFilters, sort, descending, offset, limit);
          expect({ total: page.total, counts: page.counts, ids: page.rows.map((r) => r.id) }).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('takes a status named twice as named once, in the total as in the rows', async () => {
    const page = (statuses: LinkStatus[]): Promise<ReviewPage> => call(env.backend, 'links.review', { filters: { statuses }, offset: 0, limit: 500 });
    const once = await page(['confirmed', 'dismissed']);
    const twice = await page(['confirmed', 'dismissed', 'confirmed']);
    expect(twice).toEqual(once);
    expect(once.total).toBe(once.counts.confirmed + once.counts.dismissed);
    expect(new Set(once.rows.map((r) => r.status))).toEqual(new Set(['confirmed', 'dismissed']));
  });

  it('gives the same pages as before down the whole list, for every sort either way', async () => {
    const { db } = env.backend.project;
    const all: ReviewFilters = { kind: 'contradicts', statuses: [...LINK_STATUSES] };
    for (const sort of ['date', 'status', 'updated', 'actor'] as const) {
      for (const descending of [true, false]) {
        for (const statuses of [[...LINK_STATUSES], ['dismissed'], ['open', 'dismissed']] as LinkStatus[][]) {
          const filters = { ...all, statuses };
          const expected = referencePage(db, filters, sort, descending, 0, 1000);
          const ids: string[] = [];
          for (let offset = 0; offset < expected.total + 60; offset += 60) {
            const page: ReviewPage = await call(env.backend, 'links.review', { filters, sort, descending, offset, limit: 60 });
            ids.push(...page.rows.map((r) => r.id));
          }
          expect(ids, `${sort} ${descending} ${statuses}`).toEqual(expected.ids);
          expect(ids.length).toBe(expected.total);
        }
      }
    }
  });
});
