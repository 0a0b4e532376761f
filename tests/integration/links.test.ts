import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RATIONALE_IN_LISTS, type Highlight, type Link, type ReviewFilters, type ReviewPage, type ReviewSort } from '../../shared/domain';
import { sliceCodePoints } from '../../shared/offsets';
import { call, tempBackend } from '../helpers/project';
import { snapshot } from '../helpers/snapshot';
import { noteFromText } from '../../shared/notes/note-state';

const WIRE = [
  'Troops will join mission, says Qadirov',
  'By Lena Marsh · 4 March 2026',
  'VELMORA (Northern Wire) — Foreign Minister İlham Qadirov said on Tuesday that “foreign troops will join the monitoring mission” within weeks.',
].join('\n\n');

const AGENCY = [
  'Kremlin denies deal on monitors 🇷🇺',
  'MOSCOW (Agence Véritas) — Tass cited the spokesman Dmitri Pelkov as saying “there is no agreement and there will be none”, a day after Velmora spoke of a deal.',
  'Interfax quoted Pelkov separately: “No decision on foreign participation has been taken.”',
].join('\n\n');

const cp = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;

describe('contradiction links and the review list', () => {
  let env: ReturnType<typeof tempBackend>;
  let claims: Record<string, Highlight>;

  beforeEach(async () => {
    env = tempBackend();
    const wire = (await call(env.backend, 'articles.paste', { text: WIRE, title: '' })).articleId;
    await call(env.backend, 'articles.update', { id: wire, meta: { title: 'Troops will join mission, says Qadirov', outlet: 'Northern Wire', author: '', publishedAt: '2026-03-04', url: '', language: 'en' } });
    const agency = (await call(env.backend, 'articles.paste', { text: AGENCY, title: '' })).articleId;
    await call(env.backend, 'articles.update', { id: agency, meta: { title: 'Kremlin denies deal on monitors', outlet: 'Agence Véritas', author: '', publishedAt: '2026-03-05', url: '', language: 'en' } });
    const claim = async (articleId: string, text: string, quote: string, actor: unknown, tags: string[] = [], via: unknown = null) => {
      const start = cp(text, quote);
      const h: Highlight = await call(env.backend, 'highlights.create', { articleId, start, end: start + Array.from(quote).length, quote });
      return call(env.backend, 'claims.set', { highlightId: h.id, actor, via, tags });
    };
    const qadirov = await claim(wire, WIRE, '“foreign troops will join the monitoring mission”', { name: 'İlham Qadirov', kind: 'person' }, ['foreign troops']);
    const pelkov = await claim(agency, AGENCY, '“there is no agreement and there will be none”', { name: 'Dmitri Pelkov', kind: 'person' }, ['denial'], { name: 'Tass', kind: 'outlet' });
    const pelkov2 = await claim(agency, AGENCY, '“No decision on foreign participation has been taken.”', { id: pelkov.claim.actor.id }, ['denial'], { name: 'Interfax', kind: 'outlet' });
    claims = { qadirov, pelkov, pelkov2 };
  });
  afterEach(() => env.dispose());

  const link = (x: Highlight, y: Highlight, kind = 'contradicts', rationaleText = ''): Promise<Link> =>
    call(env.backend, 'links.create', { claimA: x.claim!.id, claimB: y.claim!.id, kind, rationaleJson: noteFromText(rationaleText), rationaleText });
  const failure = async (method: string, input: unknown) => {
    const result = await env.backend.invoke(method, input);
    if (result.ok) throw new Error(`${method} should have failed`);
    return result.error.message;
  };
  const review = (filters: Record<string, unknown> = {}, more: Record<string, unknown> = {}): Promise<ReviewPage> =>
    call(env.backend, 'links.review', { filters, ...more });

  it('links two claims across articles with a rationale, earlier claim first, and shows both sides in context', async () => {
    const made = await link(claims.pelkov!, claims.qadirov!, 'contradicts', 'Pelkov flatly denies what Qadirov announced.');
    expect(made).toMatchObject({ kind: 'contradicts', status: 'open', rationaleText: 'Pelkov flatly denies what Qadirov announced.' });
    // Sides read earlier to later whichever way round they were linked.
    expect(made.a).toMatchObject({ actor: { name: 'İlham Qadirov' }, outlet: 'Northern Wire', date: '2026-03-04', tags: ['foreign troops'] });
    expect(made.b).toMatchObject({ actor: { name: 'Dmitri Pelkov' }, via: { name: 'Tass' }, outlet: 'Agence Véritas', date: '2026-03-05' });
    // Quote in context: prefix + quote + suffix is the stored text around the span, in code points.
    const article = await call(env.backend, 'articles.get', { id: made.b.articleId });
    const h = claims.pelkov!;
    expect(made.b.prefix + made.b.quote + made.b.suffix).toBe(sliceCodePoints(article.text, h.start - 32, h.end + 32));
    expect((await call(env.backend, 'project.info', {})).counts.contradictions).toBe(1);
    const listed = await call(env.backend, 'highlights.list', { articleId: made.a.articleId });
    expect(listed[0].claim.linkCount).toBe(1);
  });

  it('lists carry a rationale’s text cut to RATIONALE_IN_LISTS and no editor state; links.get gives it whole', async () => {
    const long = `Pelkov denies it. ${'The two statements cannot both hold. '.repeat(4_000)}`.trim();
    const made = await link(claims.pelkov!, claims.qadirov!, 'contradicts', long);
    const listed = [...(await review()).rows, ...(await call(env.backend, 'links.forArticle', { articleId: made.a.articleId }))];
    expect(listed).toHaveLength(2);
    for (const row of listed) {
      expect(row).not.toHaveProperty('rationaleJson');
      expect(Array.from(row.rationaleText as string)).toHaveLength(RATIONALE_IN_LISTS);
      expect(long.startsWith((row.rationaleText as string).slice(0, -1))).toBe(true);
      expect(row.rationaleText.endsWith('…')).toBe(true);
    }
    const whole = await call(env.backend, 'links.get', { id: made.id });
    expect(whole).toMatchObject({ rationaleText: long, rationaleJson: noteFromText(long) });
    // A short rationale is listed as it is.
    await call(env.backend, 'links.update', { id: made.id, rationaleJson: noteFromText('Same week.'), rationaleText: 'Same week.' });
    expect((await review()).rows[0]!.rationaleText).toBe('Same week.');
  });

  it('a Review search that matches a rationale past what lists show of it lists the rationale around the match', async () => {
    const long = `${'The two statements cannot both hold. '.repeat(100)}Only the zebrafinch report says otherwise. ${'Both were made on Tuesday. '.repeat(20)}`.trim();
    const made = await link(claims.pelkov!, claims.qadirov!, 'contradicts', long);
    const [found] = (await review({ text: 'zebrafinch' })).rows;
    expect(found!.id).toBe(made.id);
    const shown = found!.rationaleText;
    expect(shown).toContain('Only the zebrafinch report says otherwise.');
    expect(shown.startsWith('…')).toBe(true);
    expect(Array.from(shown).length).toBeLessThanOrEqual(RATIONALE_IN_LISTS);
    expect(long).toContain(shown.slice(1).replace(/…$/, ''));
    // Without the search, or with a word in the start, the start is shown.
    expect((await review()).rows[0]!.rationaleText.startsWith('The two statements')).toBe(true);
    expect((await review({ text: 'statements' })).rows[0]!.rationaleText.startsWith('The two statements')).toBe(true);
  });

  it('refuses a link to itself, a second link of the same pair either way round, a plain highlight and an unknown claim, changing nothing', async () => {
    await link(claims.qadirov!, claims.pelkov!);
    const before = snapshot(env.backend.project.db);
    const id = claims.qadirov!.claim!.id;
    expect(await failure('links.create', { claimA: id, claimB: id, kind: 'contradicts', rationaleJson: '', rationaleText: '' })).toMatch(/cannot be linked to itself/);
    expect(await failure('links.create', { claimA: claims.pelkov!.claim!.id, claimB: id, kind: 'corroborates', rationaleJson: '', rationaleText: '' })).toMatch(/already linked \(contradicting, open\)/);
    const plain: Highlight = await call(env.backend, 'highlights.create', { articleId: claims.pelkov!.articleId, start: 0, end: 7, quote: 'Kremlin' });
    const afterPlain = snapshot(env.backend.project.db);
    expect(await failure('links.create', { claimA: id, claimB: plain.id, kind: 'contradicts', rationaleJson: '', rationaleText: '' })).toMatch(/Only claims can be linked: record who made this highlight first/);
    expect(await failure('links.create', { claimA: id, claimB: '00000000-0000-4000-8000-000000000000', kind: 'contradicts', rationaleJson: '', rationaleText: '' })).toMatch(/not in this project/);
    expect(snapshot(env.backend.project.db)).toEqual(afterPlain);
    expect(before).not.toEqual(afterPlain);
  });

  it('changes status and rationale as undoable steps, and reports a link deleted in another window', async () => {
    const made = await link(claims.qadirov!, claims.pelkov!);
    const confirmed: Link = await call(env.backend, 'links.update', { id: made.id, status: 'confirmed' });
    expect(confirmed.status).toBe('confirmed');
    expect((await call(env.backend, 'history.state', {})).undo).toBe('Confirm contradiction');
    await call(env.backend, 'links.update', { id: made.id, rationaleJson: noteFromText('Same day, opposite answers.'), rationaleText: 'Same day, opposite answers.' });
    await call(env.backend, 'history.undo', {});
    await call(env.backend, 'history.undo', {});
    expect(await call(env.backend, 'links.get', { id: made.id })).toMatchObject({ status: 'open', rationaleText: '' });

    // Another window (a second browser tab on the same backend) deletes the link; this one then edits it.
    await call(env.backend, 'links.delete', { id: made.id });
    expect(await failure('links.update', { id: made.id, status: 'dismissed' })).toMatch(/no longer exists; it may have been deleted in another window/);
    expect(await failure('links.create', { claimA: claims.qadirov!.claim!.id, claimB: '6f1c1b1e-2f43-4c1a-9d3e-0a0a0a0a0a0a', kind: 'contradicts', rationaleJson: '', rationaleText: '' })).toMatch(/deleted in another window/);
  });

  it('two windows editing one link: the later write wins and the link survives', async () => {
    // Browser mode's tabs share one backend; the desktop has one window per project process.
    const made = await link(claims.qadirov!, claims.pelkov!);
    await call(env.backend, 'links.update', { id: made.id, status: 'confirmed', rationaleJson: noteFromText('first window'), rationaleText: 'first window' });
    await call(env.backend, 'links.update', { id: made.id, status: 'dismissed' });
    const seen: Link = await call(env.backend, 'links.get', { id: made.id });
    expect(seen).toMatchObject({ status: 'dismissed', rationaleText: 'first window' });
  });

  it('deleting a claim deletes its links, and one undo brings both back', async () => {
    const made = await link(claims.qadirov!, claims.pelkov!);
    await call(env.backend, 'highlights.delete', { id: claims.pelkov!.id });
    expect(await failure('links.get', { id: made.id })).toMatch(/no longer exists/);
    await call(env.backend, 'history.undo', {});
    expect(await call(env.backend, 'links.get', { id: made.id })).toMatchObject({ id: made.id, kind: 'contradicts' });
    await call(env.backend, 'claims.remove', { highlightId: claims.qadirov!.id });
    expect((await review()).total).toBe(0);
    await call(env.backend, 'history.undo', {});
    expect((await review()).total).toBe(1);
  });

  it('filters the review list by actor, pair, article, outlet, tag, status, dates and words, with counts per status', async () => {
    const one = await link(claims.qadirov!, claims.pelkov!, 'contradicts', 'The minister announced a deal the Kremlin denies.');
    const two = await link(claims.qadirov!, claims.pelkov2!);
    await link(claims.pelkov!, claims.pelkov2!, 'corroborates', 'Same denial, two agencies, two wordings.');
    await call(env.backend, 'links.update', { id: two.id, status: 'dismissed' });
    const qadirovId = claims.qadirov!.claim!.actor.id;
    const pelkovId = claims.pelkov!.claim!.actor.id;

    const all = await review();
    expect(all).toMatchObject({ total: 2, counts: { open: 1, confirmed: 0, dismissed: 1 } });
    expect((await review({ statuses: ['open'] })).rows.map((r) => r.id)).toEqual([one.id]);
    expect((await review({ statuses: [] })).total).toBe(0);
    // With an actor chosen, that actor's claim is on the left.
    const byPelkov = await review({ actorId: pelkovId });
    expect(byPelkov.total).toBe(2);
    expect(byPelkov.rows.every((r) => r.a.actor.id === pelkovId)).toBe(true);
    expect((await review({ actorId: pelkovId, otherActorId: qadirovId })).total).toBe(2);
    expect((await review({ actorId: pelkovId, otherActorId: pelkovId })).total).toBe(0);
    expect((await review({ articleId: claims.qadirov!.articleId })).total).toBe(2);
    expect((await review({ outlet: 'Agence Véritas' })).total).toBe(2);
    expect((await review({ tag: 'DENIAL' })).total).toBe(2);
    expect((await review({ tag: 'no such tag' })).total).toBe(0);
    expect((await review({ from: '2026-03-05', to: '2026-03-05' })).total).toBe(2);
    expect((await review({ to: '2026-03-04' })).total).toBe(0);
    // Words match quotes and rationale, ignoring case and diacritics, at word starts; phrases in quotes.
    expect((await review({ text: 'kreml' })).rows.map((r) => r.id)).toEqual([one.id]);
    expect((await review({ text: 'participation' })).rows.map((r) => r.id)).toEqual([two.id]);
    expect((await review({ text: '"no agreement"' })).rows.map((r) => r.id)).toEqual([one.id]);
    expect((await review({ text: 'greement' })).total).toBe(0);
    // Corroborations are the same list with another kind.
    expect(await review({ kind: 'corroborates' })).toMatchObject({ total: 1, rows: [{ rationaleText: 'Same denial, two agencies, two wordings.' }] });
    // Sorts, and stable paging.
    expect((await review({}, { sort: 'status', descending: false })).rows.map((r) => r.status)).toEqual(['open', 'dismissed']);
    const page = await review({}, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, offset: 1 });
    expect(page.rows).toHaveLength(1);
    expect(await failure('links.review', { filters: { from: '2026-03-06', to: '2026-03-01' } })).toMatch(/start date must not be after the end date/);
    expect(await failure('links.review', { filters: { otherActorId: pelkovId } })).toMatch(/an actor pair needs both actors/);
  });

  it('sums actor pairs, and offers the filter choices found in links', async () => {
    await link(claims.qadirov!, claims.pelkov!);
    await link(claims.qadirov!, claims.pelkov2!);
    const pairs = await call(env.backend, 'links.pairs', {});
    expect(pairs).toEqual([{ a: { id: expect.any(String), name: 'Dmitri Pelkov', kind: 'person' }, b: expect.objectContaining({ name: 'İlham Qadirov' }), total: 2, counts: { open: 2, confirmed: 0, dismissed: 0 } }]);
    const options = await call(env.backend, 'links.options', {});
    expect(options.actors.map((a: { name: string }) => a.name)).toEqual(['Dmitri Pelkov', 'İlham Qadirov']);
    expect(options.outlets).toEqual(['Agence Véritas', 'Northern Wire']);
    expect(options.tags).toEqual(['denial', 'foreign troops']);
  });

  it('finds claims for the link picker by quote, actor alias, outlet, channel and tag, ignoring diacritics', async () => {
    await call(env.backend, 'actors.addAlias', { id: claims.pelkov!.claim!.actor.id, alias: 'Dmitrij Pelkow' });
    const found = async (text: string, extra = {}) => ((await call(env.backend, 'claims.search', { text, ...extra })) as Array<{ claimId: string }>).map((c) => c.claimId).sort();
    const ids = (...hs: Highlight[]) => hs.map((h) => h.claim!.id).sort();
    expect(await found('pelkow')).toEqual(ids(claims.pelkov!, claims.pelkov2!));
    expect(await found('ilham troops')).toEqual(ids(claims.qadirov!));
    expect(await found('veritas denial')).toEqual(ids(claims.pelkov!, claims.pelkov2!));
    expect(await found('interfax')).toEqual(ids(claims.pelkov2!));
    expect(await found('foreign', { excludeClaimId: claims.qadirov!.claim!.id })).toEqual(ids(claims.pelkov2!));
    expect(await found('"foreign troops"', { to: '2026-03-04' })).toEqual(ids(claims.qadirov!));
    expect(await found('denial', { from: '2026-03-06' })).toEqual([]);
    expect(await found('')).toEqual([]);
  });

  it('reads the review list through indexes (query plans, on a project of 2,000 claims)', async () => {
    const { buildLinkedProject } = await import('../bench/linked-project');
    const { LINK_SETS, reviewSql } = await import('../../electron/backend/features/links/review');
    const { actorIds, articleIds } = await buildLinkedProject(env.backend, 20, 2_000, 400);
    const db = env.backend.project.db;
    const explain = (sql: string, params: Record<string, unknown>) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ ...params, limit: 100, offset: 0, ...(sql.includes(':status') ? { status: 'open' } : {}) }) as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join('\n');
    const sqlOf = (filters: Partial<ReviewFilters>, sort: ReviewSort) => reviewSql(db, { kind: 'contradicts', statuses: ['open', 'confirmed', 'dismissed'], ...filters }, sort, true)!;
    const plan = (filters: Partial<ReviewFilters>, sort: ReviewSort = 'date') => {
      const sql = sqlOf(filters, sort);
      return explain(sql.page, sql.params);
    };
    const countPlan = (filters: Partial<ReviewFilters>) => {
      const sql = sqlOf(filters, 'date');
      return explain(sql.counts, sql.params);
    };
    // Each order walks an index that yields it (a sort only within equal keys, by row), so a page
    // far down steps over index entries rather than sorting every link.
    expect(plan({})).toMatch(/SEARCH l USING (COVERING )?INDEX links_review_date \(kind=\?\)/);
    expect(plan({ statuses: ['open', 'dismissed'] })).toMatch(/INDEX links_review_date \(kind=\?\)/);
    expect(plan({}, 'status')).toMatch(/INDEX links_review_status \(kind=\? AND status=\?\)/);
    expect(plan({}, 'updated')).toMatch(/INDEX links_review_updated \(kind=\?\)/);
    expect(plan({ from: '2026-03-10', to: '2026-03-20' })).toMatch(/INDEX links_review_date \(kind=\? AND sort_date>\? AND sort_date<\?\)/);
    const walks: Array<[Partial<ReviewFilters>, ReviewSort]> = [[{}, 'date'], [{}, 'status'], [{}, 'updated'], [{ statuses: ['open'] }, 'date'], [{ from: '2026-03-10' }, 'date']];
    for (const [filters, sort] of walks) {
      expect(plan(filters, sort)).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
    // Narrow filters go in through their own indexes.
    expect(plan({ actorId: actorIds[1]! })).toMatch(/MULTI-INDEX OR[\s\S]*INDEX links_a_actor[\s\S]*INDEX links_b_actor/);
    expect(plan({ articleId: articleIds[1]! }, 'status')).toMatch(/MULTI-INDEX OR[\s\S]*INDEX links_a_article[\s\S]*INDEX links_b_article/);
    // An outlet, a tag and words are sets of links found from indexes only, then given by rowid.
    for (const filters of [{ outlet: 'Northern Wire' }, { tag: 'denial' }, { text: 'observers mission' }]) expect(plan(filters)).toMatch(/json_each/);
    const setPlan = (sql: string, params: Record<string, unknown>) => explain(sql, params);
    expect(setPlan(LINK_SETS.tag, { tag: 'x' })).toMatch(/COVERING INDEX sqlite_autoindex_links_2 \(claim_a=\?\)[\s\S]*COVERING INDEX claim_tags_tag[\s\S]*COVERING INDEX links_claim_b/);
    expect(setPlan(LINK_SETS.outlet, { outlet: 'x' })).toMatch(/COVERING INDEX links_a_article[\s\S]*COVERING INDEX links_b_article/);
    expect(setPlan(LINK_SETS.words, { words: '" observers"' })).toMatch(/link_words VIRTUAL TABLE INDEX 0:M/);
    // The counts by status come from the status index alone.
    expect(countPlan({})).toMatch(/COVERING INDEX links_review_status/);
    for (const filters of [{}, { actorId: actorIds[1]! }, { text: 'observers' }, { outlet: 'Northern Wire' }, { tag: 'denial' }]) {
      expect(plan(filters)).not.toMatch(/SCAN l\b|JOIN|SCAN (claims|highlights)/);
      expect(countPlan(filters)).not.toMatch(/SCAN l\b|JOIN|SCAN (claims|highlights)/);
    }
    // A file just migrated has no statistics for the new indexes: an actor still goes in by its own.
    db.exec('DELETE FROM sqlite_stat1; ANALYZE sqlite_schema');
    expect(plan({ actorId: actorIds[1]! }, 'actor')).toMatch(/MULTI-INDEX OR[\s\S]*INDEX links_a_actor[\s\S]*INDEX links_b_actor/);
    expect(countPlan({ articleId: articleIds[1]! })).toMatch(/MULTI-INDEX OR[\s\S]*INDEX links_a_article[\s\S]*INDEX links_b_article/);
    // And each order still walks its own index.
    expect(plan({})).toMatch(/INDEX links_review_date \(kind=\?\)/);
    expect(plan({}, 'status')).toMatch(/INDEX links_review_status \(kind=\? AND status=\?\)/);
    expect(plan({}, 'updated')).toMatch(/INDEX links_review_updated \(kind=\?\)/);
  });

  it('answers the next page from counts and filter sets kept since the last write, and any write lets them go: a tag, undo, redo, a status, an outlet, a row written by other code', async () => {
    const made = await link(claims.qadirov!, claims.pelkov!);
    await link(claims.qadirov!, claims.pelkov2!, 'contradicts', 'Both deny the monitors.');
    const ids = async (filters: Record<string, unknown>) => (await review(filters)).rows.map((r) => r.id).sort();
    const both = [made.id, (await review({ text: 'monitors' })).rows[0]!.id].sort();
    // Asked twice with nothing written between: the same answer (the second from what was kept).
    for (let i = 0; i < 2; i++) {
      expect(await ids({ tag: 'denial' })).toEqual(both);
      expect(await ids({ outlet: 'Northern Wire' })).toEqual(both);
      expect((await review({ text: 'troops' })).counts).toEqual({ open: 2, confirmed: 0, dismissed: 0 });
    }
    // The Pelkov claim loses its tag: one link is left with it; undo brings it back, redo takes it again.
    await call(env.backend, 'claims.set', { highlightId: claims.pelkov!.id, actor: { id: claims.pelkov!.claim!.actor.id }, tags: [] });
    expect(await ids({ tag: 'denial' })).toEqual(both.filter((id) => id !== made.id));
    await call(env.backend, 'history.undo', {});
    expect(await ids({ tag: 'denial' })).toEqual(both);
    await call(env.backend, 'history.redo', {});
    expect(await ids({ tag: 'denial' })).toEqual(both.filter((id) => id !== made.id));
    // A status changes the counts kept for the filters.
    await call(env.backend, 'links.update', { id: made.id, status: 'confirmed' });
    expect((await review({ text: 'troops' })).counts).toEqual({ open: 1, confirmed: 1, dismissed: 0 });
    expect(await ids({ text: 'troops', statuses: ['confirmed'] })).toEqual([made.id]);
    // The wire's outlet renamed: its links leave the old outlet's set.
    const wire = await call(env.backend, 'articles.get', { id: claims.qadirov!.articleId });
    await call(env.backend, 'articles.update', { id: wire.id, meta: { title: wire.title, outlet: 'Southern Wire', author: '', publishedAt: '2026-03-04', url: '', language: 'en' } });
    expect(await ids({ outlet: 'Northern Wire' })).toEqual([]);
    expect(await ids({ outlet: 'Southern Wire' })).toEqual(both);
    // Any write on the project's connection counts, whatever makes it (an import job, a repair).
    env.backend.project.db.prepare("UPDATE articles SET outlet = 'Northern Wire' WHERE id = ?").run(wire.id);
    expect(await ids({ outlet: 'Northern Wire' })).toEqual(both);
    env.backend.project.db.prepare('DELETE FROM links WHERE id = ?').run(made.id);
    expect(await ids({ tag: 'Foreign troops' })).toEqual(both.filter((id) => id !== made.id));
    expect((await review({ text: 'troops' })).counts).toEqual({ open: 1, confirmed: 0, dismissed: 0 });
  });

  it('keeps the review filters right when a claim changes actor or date, a quote moves, an article is redated, actors merge, and on undo', async () => {
    const made = await link(claims.qadirov!, claims.pelkov!);
    const pelkovId = claims.pelkov!.claim!.actor.id;
    const ids = async (filters: Record<string, unknown>) => (await review(filters)).rows.map((r) => r.id);
    // A new actor for the Pelkov claim: the link leaves Pelkov's list and joins the newcomer's.
    const changed: Highlight = await call(env.backend, 'claims.set', { highlightId: claims.pelkov!.id, actor: { name: 'Maria Zavrina', kind: 'person' }, claimedOn: '2026-03-09' });
    expect(await ids({ actorId: pelkovId })).toEqual([]);
    expect(await ids({ actorId: changed.claim!.actor.id })).toEqual([made.id]);
    expect(await ids({ from: '2026-03-09' })).toEqual([made.id]);
    await call(env.backend, 'history.undo', {});
    expect(await ids({ actorId: pelkovId })).toEqual([made.id]);
    expect(await ids({ from: '2026-03-09' })).toEqual([]);
    // The wire's article redated: the row's date follows (the Qadirov claim has no date of its own).
    const wire = await call(env.backend, 'articles.get', { id: claims.qadirov!.articleId });
    await call(env.backend, 'articles.update', { id: wire.id, meta: { title: wire.title, outlet: wire.outlet, author: '', publishedAt: '2026-04-01', url: '', language: 'en' } });
    expect(await ids({ from: '2026-04-01' })).toEqual([made.id]);
    // The quote moved onto other words: word search follows it.
    const quote = 'within weeks';
    const start = cp(WIRE, quote);
    await call(env.backend, 'highlights.move', { id: claims.qadirov!.id, start, end: start + quote.length, quote });
    expect(await ids({ text: 'weeks' })).toEqual([made.id]);
    expect(await ids({ text: 'troops' })).toEqual([]);
    await call(env.backend, 'history.undo', {});
    expect(await ids({ text: 'troops' })).toEqual([made.id]);
    await call(env.backend, 'history.redo', {});
    expect(await ids({ text: 'weeks' })).toEqual([made.id]);
    // Merging Pelkov into Qadirov makes the link one actor contradicting himself.
    await call(env.backend, 'actors.merge', { sourceId: pelkovId, targetId: claims.qadirov!.claim!.actor.id });
    expect(await ids({ actorId: claims.qadirov!.claim!.actor.id, otherActorId: claims.qadirov!.claim!.actor.id })).toEqual([made.id]);
  });
});
