import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit, SnippetPart } from '../../shared/domain';
import { normaliseText } from '../../shared/text/normalise';
import { runCli } from '../helpers/cli';
import { FIXTURES, writeAllFixtures } from '../helpers/fixtures';
import { call, tempBackend } from '../helpers/project';
import { snapshot } from '../helpers/snapshot';

const joined = (parts: SnippetPart[]) => parts.map((p) => p.text).join('');
const matches = (parts: SnippetPart[]) => parts.filter((p) => p.match).map((p) => p.text);

describe('the library', () => {
  let env: ReturnType<typeof tempBackend>;
  let ids: Record<string, string>;
  beforeEach(async () => {
    env = tempBackend();
    const fixtures = writeAllFixtures(env.dir);
    ids = {};
    for (const [kind, file] of Object.entries(fixtures)) {
      const outcome = await call(env.backend, 'articles.importFile', { name: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') });
      ids[kind] = outcome.articleId;
    }
  });
  afterEach(() => env.dispose());

  const search = async (query: string): Promise<SearchHit[]> => {
    const result = await call(env.backend, 'articles.search', { query });
    expect(result.total).toBe(result.hits.length);
    // What the index found, the snippet or title marks: the two match by the same rules.
    for (const hit of result.hits as SearchHit[]) {
      expect(matches(hit.snippet).length + matches(hit.titleParts).length, `${query} in ${hit.article.title}`).toBeGreaterThan(0);
    }
    return result.hits;
  };

  it('lists articles with outlet, date and counts, sorted and filtered', async () => {
    const byDate = await call(env.backend, 'articles.list', { sort: 'published', descending: false });
    expect(byDate.map((a: { sourceKind: string }) => a.sourceKind)).toEqual(['txt', 'md', 'html', 'pdf', 'docx']);
    expect(byDate[0]).toMatchObject({ outlet: 'Northern Wire', claimCount: 0, contradictionCount: 0 });
    const byTitle = await call(env.backend, 'articles.list', { sort: 'title', descending: false });
    expect(byTitle[0].title).toBe('Minister denies, then hedges, on foreign observers');
    const filtered = await call(env.backend, 'articles.list', { outlet: 'Meridian Daily' });
    expect(filtered).toHaveLength(1);
    expect(await call(env.backend, 'articles.outlets', {})).toEqual(['Agence Véritas', 'Meridian Daily', 'Northern Wire']);
  });

  it('finds words written without diacritics, in any case', async () => {
    const hits = await search('odegard');
    expect(hits.map((h) => h.article.id).sort()).toEqual([ids.md, ids.pdf].sort());
    const md = hits.find((h) => h.article.id === ids.md)!;
    expect(matches(md.snippet).every((m) => /ødegård/i.test(m))).toBe(true);
    expect((await search('ILHAM')).map((h) => h.article.id)).toContain(ids.txt);
    expect((await search('veritas')).map((h) => h.article.id)).toContain(ids.html);
    expect((await search('petrovic')).map((h) => h.article.id)).toEqual([ids.txt]);
  });

  it('finds words separated by a non-breaking space, and shows the text as stored', async () => {
    const [hit] = await search('"48 hours"');
    expect(hit!.article.id).toBe(ids.txt);
    expect(matches(hit!.snippet)).toEqual(['48\u00a0hours']);
    expect(joined(hit!.snippet)).toContain('48\u00a0hours');
    const french = await search('aucun accord');
    expect(french.map((h) => h.article.id)).toEqual([ids.html]);
  });

  it('highlights title matches and ranks them first', async () => {
    const hits = await search('impasse');
    expect(hits[0]!.article.id).toBe(ids.pdf);
    expect(matches(hits[0]!.titleParts)).toEqual(['impasse']);
  });

  it('never fails on odd queries', async () => {
    for (const query of ['', '   ', '"', 'NOT', 'a AND', '*', '(', 'title:x', '"unterminated', '🙂', 'ł']) {
      const result = await env.backend.invoke('articles.search', { query });
      expect(result.ok, query).toBe(true);
    }
  });

  it('edits metadata, and search follows the new title', async () => {
    const meta = { title: 'Pelkarov denies deal', outlet: 'Agence Véritas', author: 'H. Moreau', publishedAt: '2026-03-05', url: '', language: 'fr' };
    const updated = await call(env.backend, 'articles.update', { id: ids.html, meta });
    expect(updated).toMatchObject(meta);
    expect((await search('denies deal'))[0]!.article.id).toBe(ids.html);
    const bad = await env.backend.invoke('articles.update', { id: ids.html, meta: { ...meta, publishedAt: '5 March' } });
    expect(bad.ok).toBe(false);
    const badUrl = await env.backend.invoke('articles.update', { id: ids.html, meta: { ...meta, url: 'javascript:alert(1)' } });
    expect(badUrl.ok).toBe(false);
    expect((await call(env.backend, 'articles.get', { id: ids.html })).title).toBe('Pelkarov denies deal');
  });

  it('deletes an article with its annotations, and says what went with it', async () => {
    const db = env.backend.project.db;
    const t = '2026-03-05T00:00:00.000Z';
    db.prepare("INSERT INTO actors (id, name, folded, kind, created_at, updated_at) VALUES ('actor', 'Dmitri Pelkarov', 'dmitri pelkarov', 'person', ?, ?)").run(t, t);
    const addClaim = (n: number, article: string) => {
      db.prepare('INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, created_at, updated_at) VALUES (?, ?, 0, 5, ?, ?, ?)').run(`h${n}`, article, 'quote', t, t);
      db.prepare("INSERT INTO claims (id, highlight_id, actor_id, created_at, updated_at) VALUES (?, ?, 'actor', ?, ?)").run(`c${n}`, `h${n}`, t, t);
    };
    addClaim(1, ids.html!);
    addClaim(2, ids.md!);
    db.prepare("INSERT INTO links (id, claim_a, claim_b, kind, created_at, updated_at) VALUES ('l1', 'c1', 'c2', 'contradicts', ?, ?)").run(t, t);
    const html = (await call(env.backend, 'articles.list', {})).find((a: { id: string }) => a.id === ids.html);
    expect(html).toMatchObject({ claimCount: 1, contradictionCount: 1 });
    expect(await call(env.backend, 'articles.deletionImpact', { id: ids.html })).toEqual({ highlights: 1, claims: 1, links: 1 });
    expect(await call(env.backend, 'articles.delete', { id: ids.html })).toEqual({ highlights: 1, claims: 1, links: 1 });
    expect(await search('aucun accord')).toEqual([]);
    expect(await call(env.backend, 'articles.search', { query: 'aucun accord' })).toEqual({ total: 0, hits: [] });
    expect(db.prepare('SELECT count(*) AS n FROM links').get()).toEqual({ n: 0 });
    const again = await env.backend.invoke('articles.delete', { id: ids.html });
    expect(again).toEqual({ ok: false, error: { code: 'not_found', message: 'That article is no longer in the project.' } });
  });

  it('stores pasted text so that re-importing it is a duplicate (any text, emoji, CJK, NBSP)', async () => {
    const piece = fc.constantFrom('Erdoğan', '停火监督团', '👍🏽', '\u00a0', ' ', '\n', '\r\n', 'e\u0301', '“', '”', '—', 'said', '.', '\t', '🇪🇺');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 40 }), async (pieces) => {
        const text = `Report ${pieces.join('')} ends`;
        const first = await call(env.backend, 'articles.paste', { text, title: 'Property' });
        expect(first.status).not.toBe('refused');
        const stored = (await call(env.backend, 'articles.get', { id: first.articleId })).text as string;
        expect(stored).toBe(normaliseText(stored));
        expect(stored).toBe(stored.normalize('NFC'));
        expect(stored).not.toMatch(/\r/);
        // Every non-space character of the input is kept, in order.
        expect(stored.replace(/\s/g, '')).toBe(text.normalize('NFC').replace(/\s/g, ''));
        const before = snapshot(env.backend.project.db);
        const again = await call(env.backend, 'articles.paste', { text: stored, title: 'Property again' });
        expect(again).toMatchObject({ status: 'duplicate', articleId: first.articleId });
        expect(snapshot(env.backend.project.db)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});

describe('gainsay import', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeEach(() => (env = tempBackend()));
  afterEach(() => env.dispose());

  it('imports a folder recursively, one line per file, and skips duplicates on a second run', () => {
    env.backend.close();
    const folder = path.join(env.dir, 'reports');
    fs.mkdirSync(path.join(folder, 'nested'), { recursive: true });
    writeAllFixtures(path.join(folder, 'nested'));
    fs.writeFileSync(path.join(folder, 'notes.xlsx'), 'ignored in folders');
    fs.writeFileSync(path.join(folder, '.hidden.txt'), 'ignored');
    const first = runCli(['import', '--project', env.file, folder]);
    expect(first.status, first.stderr).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(`imported   ${path.join(folder, 'nested', 'agence-veritas.html')}: imported as “Mission de cessez-le-feu : le porte-parole dément tout accord”`);
    expect(lines[5]).toBe('5 imported, 0 skipped as duplicates, 0 refused.');
    const second = runCli(['import', '--project', env.file, folder]);
    expect(second.status).toBe(0);
    expect(second.stdout.trim().split('\n').slice(0, 5).every((line) => line.startsWith('duplicate'))).toBe(true);
  });

  it('reports refused files and missing paths, exits non-zero, and imports the rest', () => {
    env.backend.close();
    const good = path.join(env.dir, 'good.txt');
    const bad = path.join(env.dir, 'bad.pdf');
    const emptyFolder = path.join(env.dir, 'empty');
    fs.writeFileSync(good, 'Ceasefire holds\n\nThe line was quiet overnight.');
    fs.writeFileSync(bad, 'not a pdf at all');
    fs.mkdirSync(emptyFolder);
    fs.writeFileSync(path.join(emptyFolder, 'photo.jpg'), 'x');
    const missing = path.join(env.dir, 'missing.txt');
    const result = runCli(['import', '--project', env.file, bad, missing, emptyFolder, good]);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^refused    .*bad\.pdf: “bad\.pdf” is not a readable PDF/),
      `refused    ${missing}: “${missing}” does not exist.`,
      `refused    ${emptyFolder}: “${emptyFolder}” contains no files Gainsay can import (.txt, .text, .md, .markdown, .html, .htm, .pdf, .docx).`,
      `imported   ${good}: imported as “Ceasefire holds”`,
      '1 imported, 0 skipped as duplicates, 3 refused.',
    ]);
  });
  it('refuses a page that is no article and a file without a sentence, one line each, and stores nothing of them', () => {
    env.backend.close();
    const folder = path.join(env.dir, 'saved pages');
    fs.mkdirSync(folder);
    fs.writeFileSync(
      path.join(folder, 'contact.html'),
      '<html><head><title>Contact Us | Danube Courier</title></head><body><nav><a href="/">Home</a></nav><h1>Contact Us</h1>' +
        '<form><label>Name <input></label><label>Email <input></label><button>Send</button></form><footer>© 2026 Danube Courier</footer></body></html>',
    );
    fs.writeFileSync(path.join(folder, 'near-empty.txt'), '  \n.\n');
    fs.copyFileSync(path.join(FIXTURES, 'danube-courier.html'), path.join(folder, 'report.html'));
    const result = runCli(['import', '--project', env.file, folder]);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      `refused    ${path.join(folder, 'contact.html')}: “contact.html” has no article text that Gainsay could find.`,
      `refused    ${path.join(folder, 'near-empty.txt')}: “near-empty.txt” has no sentence (3 or more words in a row), so it is not taken for an article.`,
      `imported   ${path.join(folder, 'report.html')}: imported as “Harbour minister rejects monitors at river crossing”`,
      '1 imported, 0 skipped as duplicates, 2 refused.',
    ]);
    const db = new Database(env.file, { readonly: true });
    try {
      expect(db.prepare('SELECT title FROM articles').all()).toEqual([{ title: 'Harbour minister rejects monitors at river crossing' }]);
    } finally {
      db.close();
    }
  });
});

describe('search paging', () => {
  it('pages through many matches in a stable order', async () => {
    const env = tempBackend();
    try {
      for (let i = 0; i < 45; i++) {
        await call(env.backend, 'articles.paste', { text: `Report ${i}: the envoy Ødegård said talks continue (${i}).`, title: `Report ${i}` });
      }
      const first = await call(env.backend, 'articles.search', { query: 'odegard' });
      expect(first.total).toBe(45);
      expect(first.hits).toHaveLength(20);
      const second = await call(env.backend, 'articles.search', { query: 'odegard', offset: 20 });
      const third = await call(env.backend, 'articles.search', { query: 'odegard', offset: 40 });
      expect(third.hits).toHaveLength(5);
      const ids = [...first.hits, ...second.hits, ...third.hits].map((h: SearchHit) => h.article.id);
      expect(new Set(ids).size).toBe(45);
      // The total is the same on every page, full or not, and past the end.
      const whole = await call(env.backend, 'articles.search', { query: 'odegard', limit: 50 });
      const past = await call(env.backend, 'articles.search', { query: 'odegard', offset: 60 });
      expect([second.total, third.total, whole.total, past.total]).toEqual([45, 45, 45, 45]);
      expect(whole.hits.map((h: SearchHit) => h.article.id)).toEqual(ids);
      expect(past.hits).toEqual([]);
    } finally {
      env.dispose();
    }
  });
});
