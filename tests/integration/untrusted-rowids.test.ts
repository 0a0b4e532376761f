import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { writeRows } from '../helpers/hostile-rows';
import { call, tempBackend } from '../helpers/project';

const MISSION = 'Mission row\n\nThe ministry said troops would join. The embassy said no troops would join. The envoy said talks go on.';

/** Rowids JavaScript's numbers cannot hold exactly: read as numbers, both would be 2^60. */
const BEYOND = [2n ** 60n, 2n ** 60n + 1n];

describe('rowids beyond 2^53, from a project file written by another program', () => {
  let env: ReturnType<typeof tempBackend>;
  let backend: Backend;
  const edit = (write: Parameters<typeof writeRows>[1]) => {
    backend.close();
    writeRows(env.file, write);
    backend = Backend.open(env.file);
  };
  const paste = async (text: string) => (await call(backend, 'articles.paste', { text, title: '' })).articleId as string;

  beforeEach(() => {
    env = tempBackend();
    backend = env.backend;
  });
  afterEach(() => {
    backend.close();
    env.dispose();
  });

  it('lists every link of the review list, each once', async () => {
    const articleId = await paste(MISSION);
    const claims: string[] = [];
    for (const [quote, actor] of [['troops would join', 'Ministry'], ['no troops would join', 'Embassy'], ['talks go on', 'Envoy']] as const) {
      const start = Array.from(MISSION.slice(0, MISSION.indexOf(quote))).length;
      const h = await call(backend, 'highlights.create', { articleId, start, end: start + quote.length, quote });
      claims.push((await call(backend, 'claims.set', { highlightId: h.id, actor: { name: actor, kind: 'government' }, noteJson: '', noteText: '' })).claim.id);
    }
    const links = [
      (await call(backend, 'links.create', { claimA: claims[0], claimB: claims[1], kind: 'contradicts', rationaleJson: '', rationaleText: '' })).id,
      (await call(backend, 'links.create', { claimA: claims[1], claimB: claims[2], kind: 'contradicts', rationaleJson: '', rationaleText: '' })).id,
    ];
    edit((db) => links.forEach((id, i) => db.prepare('UPDATE links SET rowid = ? WHERE id = ?').run(BEYOND[i]!, id)));
    for (const sort of ['date', 'status', 'actor', 'updated'] as const) {
      const page = await call(backend, 'links.review', { filters: {}, sort });
      expect(page.total, sort).toBe(2);
      expect(page.rows.map((row: { id: string }) => row.id).sort(), sort).toEqual([...links].sort());
    }
  });

  it('finds the article a search matches, and deleting another leaves its entry in the search index', async () => {
    const first = await paste('Depot fire\n\nThe first report said the depot burned.');
    const second = await paste('Harbour closed\n\nThe second report said the harbour closed.');
    edit((db) =>
      [first, second].forEach((id, i) => {
        const { seq } = db.prepare('SELECT seq FROM articles WHERE id = ?').safeIntegers().get(id) as { seq: bigint };
        db.prepare('DELETE FROM articles_fts WHERE rowid = ?').run(seq);
        db.prepare('UPDATE articles SET seq = ? WHERE id = ?').run(BEYOND[i]!, id);
        db.prepare('INSERT INTO articles_fts (rowid, title, text) SELECT seq, title, text FROM articles WHERE id = ?').run(id);
      }),
    );
    const hitsFor = async (query: string) => (await call(backend, 'articles.search', { query })).hits.map((hit: { article: { id: string } }) => hit.article.id);
    expect(await hitsFor('second')).toEqual([second]);
    expect(await hitsFor('first')).toEqual([first]);
    await call(backend, 'articles.delete', { id: first });
    expect(await hitsFor('second')).toEqual([second]);
    expect(await hitsFor('first')).toEqual([]);
  });
});
