import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimPage, Highlight } from '../../shared/domain';
import { claimListSql } from '../../electron/backend/features/claims/claim-list';
import { call, tempBackend } from '../helpers/project';

// Two fictional reports: a minister and a spokesman contradict each other; an envoy agrees with the minister.
const WIRE = 'Troops will join mission, says minister\n\nVELMORA (Northern Wire) — The minister said “foreign troops will join the mission” and “forty observers are named”.';
const AGENCY = 'Capital denies deal on monitors\n\nMOSCOW (Agence Véritas) — The spokesman said “there is no agreement” and the envoy said “troops will come”.';

const cp = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;

describe('the Claims view’s list', () => {
  let env: ReturnType<typeof tempBackend>;
  let claims: Record<string, Highlight>;
  let articles: Record<string, string>;

  beforeEach(async () => {
    env = tempBackend();
    const add = async (text: string, outlet: string, publishedAt: string) => {
      const id = (await call(env.backend, 'articles.paste', { text, title: '' })).articleId as string;
      const title = text.split('\n')[0]!;
      await call(env.backend, 'articles.update', { id, meta: { title, outlet, author: '', publishedAt, url: '', language: 'en' } });
      return id;
    };
    articles = { wire: await add(WIRE, 'Northern Wire', '2026-03-04'), agency: await add(AGENCY, 'Agence Véritas', '2026-03-05') };
    const claim = async (articleId: string, text: string, quote: string, actor: unknown, tags: string[] = [], claimedOn: string | null = null) => {
      const start = cp(text, quote);
      const h: Highlight = await call(env.backend, 'highlights.create', { articleId, start, end: start + Array.from(quote).length, quote });
      return call(env.backend, 'claims.set', { highlightId: h.id, actor, tags, claimedOn });
    };
    const troops = await claim(articles.wire!, WIRE, '“foreign troops will join the mission”', { name: 'The minister', kind: 'person' }, ['troops']);
    const observers = await claim(articles.wire!, WIRE, '“forty observers are named”', { id: troops.claim!.actor.id }, [], '2026-03-01');
    const denial = await claim(articles.agency!, AGENCY, '“there is no agreement”', { name: 'The spokesman', kind: 'person' }, ['troops', 'denial']);
    const envoy = await claim(articles.agency!, AGENCY, '“troops will come”', { name: 'The envoy', kind: 'person' }, ['troops']);
    claims = { troops, observers, denial, envoy };
    await call(env.backend, 'links.create', { claimA: troops.claim!.id, claimB: denial.claim!.id, kind: 'contradicts', rationaleJson: '', rationaleText: '' });
    await call(env.backend, 'links.create', { claimA: troops.claim!.id, claimB: envoy.claim!.id, kind: 'corroborates', rationaleJson: '', rationaleText: '' });
  });
  afterEach(() => env.dispose());

  const list = (filters: Record<string, unknown> = {}, more: Record<string, unknown> = {}): Promise<ClaimPage> => call(env.backend, 'claims.list', { filters, ...more });
  const quotes = (page: ClaimPage) => page.rows.map((r) => r.quote);

  it('lists every claim, newest date first, with its side facts and its link counts', async () => {
    const page = await list();
    expect(page.total).toBe(4);
    // Dates: the claim's own date, else its article's; ties in reading order.
    expect(quotes(page)).toEqual(['“there is no agreement”', '“troops will come”', '“foreign troops will join the mission”', '“forty observers are named”']);
    expect(page.rows[2]).toMatchObject({ actor: { name: 'The minister' }, outlet: 'Northern Wire', date: '2026-03-04', tags: ['troops'], contradictions: 1, corroborations: 1 });
    expect(page.rows[3]).toMatchObject({ date: '2026-03-01', contradictions: 0, corroborations: 0 });
  });

  it('filters by actor, tag, article, outlet, date and words, and counts the matching claims by actor, tag, outlet and article', async () => {
    const minister = claims.troops!.claim!.actor.id;
    expect(quotes(await list({ actorId: minister }))).toHaveLength(2);
    expect(quotes(await list({ tag: 'DENIAL' }))).toEqual(['“there is no agreement”']);
    expect((await list({ articleId: articles.wire })).total).toBe(2);
    expect((await list({ outlet: 'Agence Véritas' })).total).toBe(2);
    expect((await list({ from: '2026-03-02', to: '2026-03-04' })).total).toBe(1);
    expect(quotes(await list({ text: 'troops' }))).toEqual(['“troops will come”', '“foreign troops will join the mission”']);
    const page = await list({ tag: 'troops' });
    expect(page.total).toBe(3);
    // Under the tag filter: three actors with one claim each, and the tags those claims carry.
    expect(page.facets!.actors.map((f) => [f.label, f.count])).toEqual([
      ['The envoy', 1],
      ['The minister', 1],
      ['The spokesman', 1],
    ]);
    expect(page.facets!.tags).toEqual([
      { value: 'troops', label: 'troops', count: 3 },
      { value: 'denial', label: 'denial', count: 1 },
    ]);
    expect(page.facets!.outlets.map((f) => [f.value, f.count])).toEqual([
      ['Agence Véritas', 2],
      ['Northern Wire', 1],
    ]);
    expect((await list({ tag: 'no such tag' })).total).toBe(0);
    // A list asks for the counts with its first page only.
    expect((await list({}, { offset: 2, counts: false })).facets).toBeNull();
  });

  it('sorts by actor, article and recording order, either way, and pages', async () => {
    expect((await list({}, { sort: 'actor', descending: false })).rows.map((r) => r.actor.name)).toEqual(['The envoy', 'The minister', 'The minister', 'The spokesman']);
    expect((await list({}, { sort: 'article', descending: false })).rows[0]!.articleTitle).toBe('Capital denies deal on monitors');
    expect(quotes(await list({}, { sort: 'recorded', descending: true }))[0]).toBe('“troops will come”');
    const second = await list({}, { sort: 'recorded', descending: false, offset: 1, limit: 2 });
    expect(second).toMatchObject({ total: 4, offset: 1 });
    expect(quotes(second)).toEqual(['“forty observers are named”', '“there is no agreement”']);
    // Past the end: no rows, and still the total.
    expect(await list({}, { offset: 10, counts: false })).toMatchObject({ total: 4, rows: [], facets: null });
  });

  it('counts claims per actor for the Actors list', async () => {
    const counts = await call(env.backend, 'actors.claimCounts', {});
    expect(counts[claims.troops!.claim!.actor.id]).toBe(2);
    expect(counts[claims.envoy!.claim!.actor.id]).toBe(1);
  });

  it('refuses bad filters with one clear message and reads nothing', async () => {
    for (const [input, message] of [
      [{ filters: { from: '2026-03-05', to: '2026-03-01' } }, 'the start date must not be after the end date'],
      [{ filters: { actorId: 'not-an-id' } }, 'must be an id'],
      [{ filters: { sql: 'DROP' } }, 'Unrecognized key'],
      [{ limit: 100000 }, '500'],
    ] as const) {
      const result = await env.backend.invoke('claims.list', input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(message);
    }
  });

  it('uses the actor and article indexes rather than reading every claim when filtered', () => {
    const db = env.backend.project.db;
    const plan = (filters: Record<string, string>) => {
      const sql = claimListSql(db, filters, 'date', true)!;
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql.page}`).all({ ...sql.params, limit: 100, offset: 0 }) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    };
    expect(plan({ actorId: claims.troops!.claim!.actor.id })).toMatch(/SEARCH cs USING INDEX claims_actor/);
    expect(plan({ articleId: articles.wire! })).toMatch(/SEARCH hs USING (COVERING )?INDEX highlights_article/);
  });
});
