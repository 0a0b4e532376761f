import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { insertArticle } from '../../electron/backend/features/articles/repository';
import { MAX_ARTICLE_LENGTH, MAX_NAME, type Highlight } from '../../shared/domain';
import { noteDisplay, noteFromText } from '../../shared/notes/note-state';
import { NOTE_WITH_LINK, NOTE_WITH_LINK_TEXT, insertArticleRow, insertClaimRow, insertHighlightRow, writeRows } from '../helpers/hostile-rows';
import { call, tempBackend } from '../helpers/project';
import { MAX_SKIPPED_REASON } from '../../electron/backend/features/suggestions/store';
import { textHash } from '../../electron/backend/features/suggestions/text-hash';
import { EXTRACTOR_VERSION } from '../../shared/assist/attribution/version';

const TEXT = 'Foreign troops to join monitors\n\nThe minister said “foreign troops will join the mission within weeks”.';
const QUOTE = '“foreign troops will join the mission within weeks”';
const cp = (needle: string) => Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;

describe('rows from a project file are untrusted', () => {
  let env: ReturnType<typeof tempBackend>;
  let backend: Backend;
  let articleId: string;
  let claim: Highlight;
  const failure = async (method: string, input: unknown) => {
    const result = await backend.invoke(method, input);
    if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
    return result.error.message;
  };
  /** Closes the project, lets `write` change the file directly, and opens it again. */
  const edit = <T>(write: Parameters<typeof writeRows<T>>[1], options?: { ignoreChecks: boolean }): T => {
    backend.close();
    const value = writeRows(env.file, write, options);
    backend = Backend.open(env.file);
    return value;
  };

  beforeEach(async () => {
    env = tempBackend();
    backend = env.backend;
    articleId = (await call(backend, 'articles.paste', { text: TEXT, title: '' })).articleId;
    const h = await call(backend, 'highlights.create', { articleId, start: cp(QUOTE), end: cp(QUOTE) + Array.from(QUOTE).length, quote: QUOTE });
    claim = await call(backend, 'claims.set', { highlightId: h.id, actor: { name: 'İlham Qadirov', kind: 'person' }, noteJson: noteFromText('Said twice.'), noteText: 'Said twice.' });
  });
  afterEach(() => {
    backend.close();
    env.dispose();
  });

  it('refuses notes and rationales the note editor does not make, in one message, and saves nothing', async () => {
    expect(await failure('claims.set', { highlightId: claim.id, actor: { id: claim.claim!.actor.id }, noteJson: NOTE_WITH_LINK, noteText: NOTE_WITH_LINK_TEXT })).toBe(
      'Invalid input for claims.set: ✖ the note holds a “link” node, which the note editor does not make; nothing was saved\n  → at noteJson',
    );
    expect(await failure('claims.set', { highlightId: claim.id, actor: { id: claim.claim!.actor.id }, noteJson: '', noteText: 'text alone' })).toMatch(/needs its editor state/);
    const other = await call(backend, 'highlights.create', { articleId, start: 0, end: 7, quote: 'Foreign' });
    const second = await call(backend, 'claims.set', { highlightId: other.id, actor: { name: 'Zofia Łukasiewicz', kind: 'person' } });
    const link = { claimA: claim.claim!.id, claimB: second.claim!.id, kind: 'contradicts' };
    expect(await failure('links.create', { ...link, rationaleJson: NOTE_WITH_LINK, rationaleText: NOTE_WITH_LINK_TEXT })).toMatch(/“link” node.*\n.*rationaleJson/);
    const made = await call(backend, 'links.create', { ...link, rationaleJson: noteFromText('Same day.'), rationaleText: 'Same day.' });
    expect(await failure('links.update', { id: made.id, rationaleJson: '{"root":{"type":"root","version":1,"children":[{"type":"heading","tag":"h1","version":1,"children":[]}]}}', rationaleText: 'x' })).toMatch(/“heading” node/);
    expect((await call(backend, 'links.get', { id: made.id })).rationaleText).toBe('Same day.');
    expect((await call(backend, 'highlights.list', { articleId })).find((h: Highlight) => h.id === claim.id).claim.noteText).toBe('Said twice.');
  });

  it('reads a note the editor cannot open as it is, for the window to show as plain text, and keeps it when the claim is edited', async () => {
    edit((db) => db.prepare('UPDATE claims SET note_json = ?, note_text = ? WHERE highlight_id = ?').run(NOTE_WITH_LINK, NOTE_WITH_LINK_TEXT, claim.id));
    const read: Highlight = await call(backend, 'highlights.list', { articleId }).then((list: Highlight[]) => list.find((h) => h.id === claim.id)!);
    expect(noteDisplay(read.claim!.noteJson, read.claim!.noteText)).toBe('plain');
    expect(read.claim!.noteText).toBe(NOTE_WITH_LINK_TEXT);
    // The window leaves the note out when it saves other fields: the note stays as the file has it.
    const edited = await call(backend, 'claims.set', { highlightId: claim.id, actor: { id: claim.claim!.actor.id }, tags: ['denial'] });
    expect(edited.claim).toMatchObject({ tags: ['denial'], noteJson: NOTE_WITH_LINK, noteText: NOTE_WITH_LINK_TEXT });
  });

  it('refuses a project JSON whose notes the editor could not open, naming the record', async () => {
    const out = await call(backend, 'project.importJson', {
      name: 'mailed.json',
      text: JSON.stringify({
        format: 'gainsay-project', formatVersion: 1, appVersion: '0.1.0', exportedAt: '2026-03-01T00:00:00.000Z', project: { name: 'x' },
        articles: [], actors: [], tags: [], highlights: [], links: [],
        claims: [{ id: '8d0c1a43-3f7e-4c55-9a61-5b0e9b1f2a10', highlightId: claim.id, actorId: claim.claim!.actor.id, viaActorId: null, claimedOn: null, tagIds: [], noteJson: NOTE_WITH_LINK, noteText: NOTE_WITH_LINK_TEXT, createdAt: 'x', updatedAt: 'x' }],
      }),
    });
    expect(out.status).toBe('refused');
    expect(out.message).toMatch(/mailed\.json was not imported; nothing was changed\. The problem:\n {2}- claims\.0: the note holds a “link” node/);
  });

  it('lists and searches a project holding a 20 MB title and a 50 MB article quickly, with bounded strings, and refuses to open the article with its size', async () => {
    const [bigTitle, bigText] = edit((db) => {
      const title = insertArticleRow(db, `Ceasefire ${'t'.repeat(20_000_000)}`, 'A short report on the ceasefire.');
      const text = insertArticleRow(db, 'Huge report', `Ceasefire holds. ${'word '.repeat(10_000_000)}`);
      db.prepare("INSERT INTO articles_fts (rowid, title, text) SELECT seq, 'huge report', 'ceasefire holds' FROM articles WHERE id = ?").run(text);
      const actor = db.prepare('SELECT actor_id FROM claims').pluck().get() as string;
      db.prepare('UPDATE actors SET name = ? WHERE id = ?').run(`Qadirov ${'q'.repeat(5_000_000)}`, actor);
      return [title, text];
    });
    let started = performance.now();
    const list = await call(backend, 'articles.list', {});
    const listed = performance.now() - started;
    expect(listed).toBeLessThan(1500);
    const title = list.find((a: { id: string }) => a.id === bigTitle).title as string;
    expect(Array.from(title)).toHaveLength(MAX_NAME);
    expect(title.endsWith('…')).toBe(true);
    expect(list.find((a: { id: string }) => a.id === bigText).length).toBe(17 + 50_000_000);

    started = performance.now();
    const found = await call(backend, 'articles.search', { query: 'ceasefire' });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(found.hits.map((hit: { article: { id: string } }) => hit.article.id)).toContain(bigText);

    expect(await failure('articles.get', { id: bigText })).toBe(
      `This article is too large to open: its text is 50,000,017 characters, over the ${MAX_ARTICLE_LENGTH.toLocaleString('en')} Gainsay keeps for one article, so the project file was probably written by another tool. The other articles are not affected.`,
    );
    expect(await failure('highlights.list', { articleId: bigText })).toMatch(/too large to open/);
    expect((await call(backend, 'articles.get', { id: bigTitle })).text).toBe('A short report on the ceasefire.');
    const actors = await call(backend, 'actors.list', {});
    expect(Array.from(actors[0].name as string)).toHaveLength(MAX_NAME);
    expect(Array.from((await call(backend, 'highlights.list', { articleId }))[0].claim.actor.name as string)).toHaveLength(MAX_NAME);
  });

  it('never stores an article text longer than it would open (a compressed document can decode to that much)', () => {
    const text = `${'😀'.repeat(10)}${'x'.repeat(MAX_ARTICLE_LENGTH - 10)}`;
    const meta = { title: 'Long', outlet: '', author: '', publishedAt: null, url: '', language: '' };
    expect(insertArticle(backend.project.db, { text, meta, kind: 'docx', sourceName: 'fits.docx' }).status).toBe('imported');
    expect(() => insertArticle(backend.project.db, { text: `${text}y`, meta, kind: 'docx', sourceName: 'huge.docx' })).toThrow(
      `“huge.docx” is ${(MAX_ARTICLE_LENGTH + 1).toLocaleString('en')} characters of text, over the ${MAX_ARTICLE_LENGTH.toLocaleString('en')} Gainsay keeps for one article.`,
    );
  });

  it('reads highlights whose offsets are outside the text, reversed or huge as needing attention, without failing', async () => {
    const ids = edit(
      (db) => [
        insertHighlightRow(db, articleId, -5, 3, 'For'),
        insertHighlightRow(db, articleId, 40, 2 ** 53, 'monitors'),
        insertHighlightRow(db, articleId, 2 ** 53 - 1, 2 ** 53, 'x'),
        insertHighlightRow(db, articleId, 20, 10, 'reversed'),
        insertHighlightRow(db, articleId, 10, 10, 'empty'),
        insertHighlightRow(db, articleId, 2n ** 62n, 2n ** 63n - 1n, 'beyond'),
      ],
      { ignoreChecks: true },
    );
    const actorId = claim.claim!.actor.id;
    edit((db) => ids.forEach((id) => insertClaimRow(db, id, actorId)));
    const list: Highlight[] = await call(backend, 'highlights.list', { articleId });
    for (const id of ids) expect(list.find((h) => h.id === id)).toMatchObject({ status: 'moved' });
    expect(await call(backend, 'claims.search', { text: 'Qadirov' })).toHaveLength(ids.length + 1);
    expect((await call(backend, 'actors.claims', { id: actorId })).length).toBe(ids.length + 1);
  });

  it('searches the library past a search-index row that names no article (written by another tool)', async () => {
    edit((db) => db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(999_999, 'Stray monitors', 'monitors arrived nowhere'));
    const found = await call(backend, 'articles.search', { query: 'monitors' });
    expect(found.hits.map((hit: { article: { id: string } }) => hit.article.id)).toEqual([articleId]);
    expect(found.total).toBe(1);
  });

  it('reads a stored reason for skipping an article bounded, whatever its size in the file', async () => {
    const huge = 'Too long to suggest. '.repeat(250_000);
    edit((db) => {
      db.prepare('DELETE FROM suggestion_runs WHERE article_id = ?').run(articleId);
      db.prepare('INSERT INTO suggestion_runs (article_id, extractor_version, text_hash, skipped, made_at) VALUES (?, ?, ?, ?, ?)').run(articleId, EXTRACTOR_VERSION, textHash(TEXT), huge, '2026-03-01T00:00:00.000Z');
    });
    const { skipped } = await call(backend, 'suggestions.forArticle', { articleId });
    expect(Array.from(skipped as string)).toHaveLength(MAX_SKIPPED_REASON);
    expect(huge.startsWith((skipped as string).slice(0, -1))).toBe(true);
  });
});
