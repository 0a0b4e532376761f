import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../shared/domain';
import { noteFromText } from '../../shared/notes/note-state';
import { sliceCodePoints } from '../../shared/offsets';
import { call, tempBackend } from '../helpers/project';
import { snapshot } from '../helpers/snapshot';

const TEXT = [
  'Mission row: 👍🏽 Qadirov denies deal',
  'VELMORA (Northern Wire) — Foreign Minister İlham Qadirov said on Tuesday that “no foreign troops will join the monitoring mission”.',
  'Tass cited the spokesman Dmitri Pelkov as saying “there is no agreement and there will be none”.',
].join('\n\n');

const cp = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;
const spanOf = (needle: string) => ({ start: cp(TEXT, needle), end: cp(TEXT, needle) + Array.from(needle).length, quote: needle });

describe('highlights, claims and actors', () => {
  let env: ReturnType<typeof tempBackend>;
  let articleId: string;
  beforeEach(async () => {
    env = tempBackend();
    articleId = (await call(env.backend, 'articles.paste', { text: TEXT, title: '' })).articleId;
  });
  afterEach(() => env.dispose());

  const highlight = (needle: string): Promise<Highlight> => call(env.backend, 'highlights.create', { articleId, ...spanOf(needle) });
  const fail = async (method: string, input: unknown) => {
    const result = await env.backend.invoke(method, input);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.error.message;
  };

  it('anchors a highlight in code points, with the quote and 32 code points of context', async () => {
    const quote = '“no foreign troops will join the monitoring mission”';
    const h = await highlight(quote);
    expect(h).toMatchObject({ articleId, quote, start: spanOf(quote).start, status: 'ok', claim: null });
    expect(Array.from(h.prefix)).toHaveLength(32);
    expect(h.prefix).toBe(sliceCodePoints(TEXT, h.start - 32, h.start));
    expect(h.suffix).toBe(sliceCodePoints(TEXT, h.end, h.end + 32));
    // After the emoji, UTF-16 indexes and code points differ by 2: the stored offsets are code points.
    expect(h.start).toBe(TEXT.indexOf(quote) - 2);
  });

  it('refuses a selection that does not match the text, is empty, or runs past the end, and saves nothing', async () => {
    const before = snapshot(env.backend.project.db);
    const quote = 'Qadirov denies deal';
    const { start, end } = spanOf(quote);
    expect(await fail('highlights.create', { articleId, start: start + 1, end: end + 1, quote })).toMatch(/does not match the article at that position/);
    expect(await fail('highlights.create', { articleId, start, end: start, quote: 'x' })).toMatch(/at least one character/);
    expect(await fail('highlights.create', { articleId, start: 0, end: 100_000, quote: 'x' })).toMatch(/beyond the end/);
    expect(await fail('highlights.create', { articleId: '00000000-0000-4000-8000-000000000000', start, end, quote })).toMatch(/no longer in the project/);
    expect(snapshot(env.backend.project.db)).toEqual(before);
  });

  it('tags a highlight as a claim with a new actor, a reported-via channel and tags, in one undoable step', async () => {
    const h = await highlight('“there is no agreement and there will be none”');
    const claimed = await call(env.backend, 'claims.set', {
      highlightId: h.id,
      actor: { name: 'Dmitri Pelkov', kind: 'person', role: 'presidential spokesman' },
      via: { name: 'Tass', kind: 'outlet' },
      tags: ['foreign troops', 'Foreign Troops', 'denial'],
      noteJson: noteFromText('Quoted, not paraphrased.'),
      noteText: 'Quoted, not paraphrased.',
      claimedOn: '2026-03-04',
    });
    expect(claimed.claim).toMatchObject({ actor: { name: 'Dmitri Pelkov', kind: 'person' }, via: { name: 'Tass', kind: 'outlet' }, tags: ['denial', 'foreign troops'], claimedOn: '2026-03-04' });
    expect((await call(env.backend, 'project.info', {})).counts).toMatchObject({ claims: 1, actors: 2 });
    expect((await call(env.backend, 'articles.list', {}))[0].claimCount).toBe(1);
    expect(await call(env.backend, 'tags.list', {})).toEqual(['denial', 'foreign troops']);

    expect(await call(env.backend, 'history.undo', {})).toMatchObject({ undone: expect.stringMatching(/^Tag claim “there is no agreement/) });
    expect((await call(env.backend, 'highlights.list', { articleId }))[0].claim).toBeNull();
    expect(await call(env.backend, 'actors.list', {})).toEqual([]);
    await call(env.backend, 'history.redo', {});
    const [again] = await call(env.backend, 'highlights.list', { articleId });
    expect(again.claim.id).toBe(claimed.claim.id);
    expect(again.claim.actor.id).toBe(claimed.claim.actor.id);
    expect(again.claim.tags).toEqual(['denial', 'foreign troops']);
  });

  it('undoes and redoes deleting a claim together with its links', async () => {
    const a = await highlight('Qadirov denies deal');
    const b = await highlight('“no foreign troops will join the monitoring mission”');
    const actor = { name: 'İlham Qadirov', kind: 'person' };
    const ca = await call(env.backend, 'claims.set', { highlightId: a.id, actor });
    await call(env.backend, 'claims.set', { highlightId: b.id, actor: { id: ca.claim.actor.id } });
    const db = env.backend.project.db;
    const [x, y] = [ca.claim.id, (await call(env.backend, 'highlights.list', { articleId }))[1].claim.id].sort();
    db.prepare("INSERT INTO links (id, claim_a, claim_b, kind, created_at, updated_at) VALUES ('l1', ?, ?, 'corroborates', 't', 't')").run(x, y);
    const before = snapshot(db);
    await call(env.backend, 'highlights.delete', { id: a.id });
    expect(db.prepare('SELECT count(*) AS n FROM links').get()).toEqual({ n: 0 });
    await call(env.backend, 'history.undo', {});
    expect(snapshot(db)).toEqual(before);
    await call(env.backend, 'history.redo', {});
    expect(db.prepare('SELECT count(*) AS n FROM highlights').get()).toEqual({ n: 1 });
  });

  it('adjusts a highlight’s span and refuses an empty history', async () => {
    const h = await highlight('Qadirov');
    const moved = await call(env.backend, 'highlights.move', { id: h.id, ...spanOf('Qadirov denies deal') });
    expect(moved.quote).toBe('Qadirov denies deal');
    await call(env.backend, 'history.undo', {});
    expect((await call(env.backend, 'highlights.list', { articleId }))[0].preview).toBe('Qadirov');
    await call(env.backend, 'history.undo', {});
    expect(await call(env.backend, 'highlights.list', { articleId })).toEqual([]);
    expect(await fail('history.undo', {})).toBe('There is nothing to undo.');
    expect(await call(env.backend, 'history.state', {})).toEqual({ undo: null, redo: 'Highlight “Qadirov”' });
  });

  it('finds actors by variant spellings and adds aliases', async () => {
    const pelkov = await call(env.backend, 'actors.create', { name: 'Dmitri Pelkov', kind: 'person' });
    const ertugan = await call(env.backend, 'actors.create', { name: 'Recep Ertuğan', kind: 'person' });
    const qadirov = await call(env.backend, 'actors.create', { name: 'İlham Qadirov', kind: 'person' });
    const kinds = async (text: string) => (await call(env.backend, 'actors.match', { text })).map((m: { actor: { id: string }; kind: string }) => [m.actor.id, m.kind]);
    expect(await kinds('dmitri pelkov')).toEqual([[pelkov.id, 'exact']]);
    expect(await kinds('Dmitri Pelkow')).toEqual([[pelkov.id, 'variant']]);
    expect(await kinds('Pelkow')).toEqual([[pelkov.id, 'variant']]);
    expect(await kinds('D. Pelkow')).toEqual([[pelkov.id, 'variant']]);
    // The same surname with another given name is someone else.
    expect(await kinds('Ivan Pelkov')).toEqual([]);
    expect(await kinds('Recep Ertugan')).toEqual([[ertugan.id, 'exact']]);
    expect(await kinds('Ilcham Kadirov')).toEqual([[qadirov.id, 'variant']]);
    expect(await kinds('Pel')).toEqual([[pelkov.id, 'prefix']]);
    expect(await kinds('Nobody')).toEqual([]);

    const withAlias = await call(env.backend, 'actors.addAlias', { id: qadirov.id, alias: 'Ilcham Kadirow' });
    expect(withAlias.aliases).toEqual(['Ilcham Kadirow']);
    expect(await kinds('ilcham kadirow')).toEqual([[qadirov.id, 'exact']]);
    expect(await fail('actors.addAlias', { id: qadirov.id, alias: 'ILCHAM KADIROW' })).toMatch(/already a name of İlham Qadirov/);
    expect(await fail('actors.addAlias', { id: pelkov.id, alias: 'Ilcham Kadirow' })).toMatch(/already used by another actor, İlham Qadirov/);
    expect(await fail('actors.create', { name: 'Ilcham Kadirow', kind: 'person' })).toMatch(/already exists/);
  });

  it('merges two actors, moving their claims, and undoes the merge', async () => {
    const a = await highlight('Qadirov denies deal');
    const b = await highlight('“no foreign troops will join the monitoring mission”');
    const first = await call(env.backend, 'claims.set', { highlightId: a.id, actor: { name: 'Ilham Kadirov', kind: 'person' } });
    const second = await call(env.backend, 'claims.set', { highlightId: b.id, actor: { name: 'İlham Qadirov', kind: 'person', role: 'foreign minister' } });
    const before = snapshot(env.backend.project.db);
    const merged = await call(env.backend, 'actors.merge', { sourceId: first.claim.actor.id, targetId: second.claim.actor.id });
    expect(merged).toMatchObject({ name: 'İlham Qadirov', aliases: ['Ilham Kadirov'] });
    const claims = await call(env.backend, 'actors.claims', { id: merged.id });
    expect(claims.map((c: { quote: string }) => c.quote)).toEqual(['Qadirov denies deal', '“no foreign troops will join the monitoring mission”']);
    expect(await call(env.backend, 'actors.list', {})).toHaveLength(1);
    await call(env.backend, 'history.undo', {});
    expect(snapshot(env.backend.project.db)).toEqual(before);
    expect(await fail('actors.merge', { sourceId: merged.id, targetId: merged.id })).toMatch(/into itself/);
  });

  it('deletes an actor no claim names, with its aliases, as an undoable step; refuses one a claim names as speaker or channel, changing nothing', async () => {
    const a = await highlight('Qadirov denies deal');
    const spokesman = await call(env.backend, 'claims.set', { highlightId: a.id, actor: { name: 'İlham Qadirov', kind: 'person' }, via: { name: 'Tass', kind: 'outlet' } });
    const stray = await call(env.backend, 'actors.create', { name: 'TASS news agency', kind: 'outlet', role: '' });
    await call(env.backend, 'actors.addAlias', { id: stray.id, alias: 'ITAR-TASS' });
    const before = snapshot(env.backend.project.db);
    expect(await fail('actors.delete', { id: spokesman.claim.actor.id })).toBe('“İlham Qadirov” made 1 claim, so it was not deleted. Merge it into another actor instead (from its page): its claims move there and its name becomes an alias.');
    expect(await fail('actors.delete', { id: spokesman.claim.via.id })).toMatch(/^“Tass” passed on 1 claim, so it was not deleted\./);
    // The Actors list offers Delete by these counts.
    expect(await call(env.backend, 'actors.claimCounts', {})).toEqual({ [spokesman.claim.actor.id]: 1 });
    expect(await call(env.backend, 'actors.passedOnCounts', {})).toEqual({ [spokesman.claim.via.id]: 1 });
    expect(snapshot(env.backend.project.db)).toEqual(before);
    expect(await call(env.backend, 'actors.delete', { id: stray.id })).toEqual({ deleted: stray.id });
    expect((await call(env.backend, 'actors.list', {})).map((x: { name: string }) => x.name).sort()).toEqual(['Tass', 'İlham Qadirov']);
    expect(env.backend.project.db.prepare('SELECT count(*) FROM actor_aliases').pluck().get()).toBe(0);
    await call(env.backend, 'history.undo', {});
    expect(snapshot(env.backend.project.db)).toEqual(before);
    expect(await fail('actors.delete', { id: '00000000-0000-4000-8000-000000000000' })).toBe('That actor no longer exists.');
  });

  it('marks a highlight whose quote no longer matches the text, without moving it', async () => {
    const h = await highlight('Qadirov denies deal');
    env.backend.project.db.prepare("UPDATE highlights SET quote = 'Kadirov denies deal' WHERE id = ?").run(h.id);
    const [listed] = await call(env.backend, 'highlights.list', { articleId });
    expect(listed).toMatchObject({ status: 'moved', start: h.start, end: h.end });
  });

  it('forgets the undo history when an article is deleted', async () => {
    await highlight('Qadirov');
    await call(env.backend, 'articles.delete', { id: articleId });
    expect(await call(env.backend, 'history.state', {})).toEqual({ undo: null, redo: null });
  });

  it('anchors any span of any text: the stored quote and context are the code point slices', async () => {
    const piece = fc.constantFrom('a', 'é', 'e\u0301', '\u00a0', '停', '😀', '👍🏽', '🇪🇺', ' ', '“', 'x');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 3, maxLength: 60 }), fc.nat(), fc.nat(), async (pieces, a, b) => {
        const pasted = await call(env.backend, 'articles.paste', { text: `Start ${pieces.join('')} end`, title: 'p' });
        const article = await call(env.backend, 'articles.get', { id: pasted.articleId });
        const points = Array.from(article.text as string);
        const start = a % (points.length - 1);
        const end = start + 1 + (b % (points.length - start));
        const quote = points.slice(start, end).join('');
        const result = await env.backend.invoke('highlights.create', { articleId: article.id, start, end, quote });
        expect(result.ok).toBe(quote.trim() !== '');
        if (!result.ok) return;
        const h = (result as { value: Highlight }).value;
        expect(h.quote).toBe(quote);
        expect(h.prefix).toBe(points.slice(Math.max(0, start - 32), start).join(''));
        expect(h.suffix).toBe(points.slice(end, end + 32).join(''));
      }),
      { numRuns: 80 },
    );
  });
});
