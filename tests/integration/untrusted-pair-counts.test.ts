import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import Database from 'better-sqlite3';
import { writeRows } from '../helpers/hostile-rows';
import { MAX_CLAIM_TAGS } from '../../shared/domain';
import { call, tempBackend } from '../helpers/project';

const TEXT = 'Mission row\n\nThe ministry said troops would join. The embassy said no troops would join. The envoy said talks go on. The ministry later said observers would come.';
const QUOTES = ['troops would join', 'no troops would join', 'talks go on', 'observers would come'];
const ACTORS = ['Ministry', 'Embassy', 'Envoy', 'Ministry'];
const cp = (quote: string) => Array.from(TEXT.slice(0, TEXT.indexOf(quote))).length;

describe('who contradicts whom, from a project file written elsewhere', () => {
  let env: ReturnType<typeof tempBackend>;
  let backend: Backend;
  let claims: string[];
  /** Closes the project, lets `write` change the file directly, and opens it again. */
  const edit = (write: Parameters<typeof writeRows>[1]) => {
    backend.close();
    writeRows(env.file, write);
    backend = Backend.open(env.file);
  };

  beforeEach(async () => {
    env = tempBackend();
    backend = env.backend;
    const { articleId } = await call(backend, 'articles.paste', { text: TEXT, title: '' });
    claims = [];
    for (const [i, quote] of QUOTES.entries()) {
      const h = await call(backend, 'highlights.create', { articleId, start: cp(quote), end: cp(quote) + quote.length, quote });
      const set = await call(backend, 'claims.set', { highlightId: h.id, actor: { name: ACTORS[i]!, kind: 'government' }, noteJson: '', noteText: '' });
      claims.push(set.claim.id);
    }
    await call(backend, 'links.create', { claimA: claims[0], claimB: claims[1], kind: 'contradicts', rationaleJson: '', rationaleText: '' });
  });
  afterEach(() => {
    backend.close();
    env.dispose();
  });

  it('leaves out a pair whose actor the file does not have, and shows the others', async () => {
    await call(backend, 'links.create', { claimA: claims[1], claimB: claims[2], kind: 'contradicts', rationaleJson: '', rationaleText: '' });
    backend.close();
    const db = new Database(env.file);
    db.pragma('foreign_keys = OFF');
    db.prepare("UPDATE claims SET actor_id = '00000000-0000-4000-8000-00000000dead' WHERE id = ?").run(claims[0]);
    db.close();
    backend = Backend.open(env.file);
    const pairs = await call(backend, 'links.pairs', { kind: 'contradicts' });
    expect(pairs.map((p: { a: { name: string }; b: { name: string } }) => `${p.a.name} / ${p.b.name}`)).toEqual(['Embassy / Envoy']);
  });

  it('makes counts no link could make again from the links at open, so the next link between the pair is counted', async () => {
    edit((db) => db.prepare("UPDATE link_pair_counts SET total = 9223372036854775807 WHERE kind = 'contradicts'").run());
    expect(await call(backend, 'links.pairs', { kind: 'contradicts' })).toMatchObject([{ total: 1 }]);
    // The ministry's second claim against the embassy's: at 2^63 - 1 the count overflowed and the link was refused.
    await call(backend, 'links.create', { claimA: claims[3], claimB: claims[1], kind: 'contradicts', rationaleJson: '', rationaleText: '' });
    expect(await call(backend, 'links.pairs', { kind: 'contradicts' })).toMatchObject([{ total: 2, counts: { open: 2, confirmed: 0, dismissed: 0 } }]);

    edit((db) => db.prepare("UPDATE link_pair_counts SET open = -4 WHERE kind = 'contradicts'").run());
    expect(await call(backend, 'links.pairs', { kind: 'contradicts' })).toMatchObject([{ total: 2, counts: { open: 2, confirmed: 0, dismissed: 0 } }]);
  });

  it('lists a claim with thousands of tags (another tool wrote them) in its links with as many as a claim can have', async () => {
    edit((db) => {
      const tag = db.prepare('INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
      const onClaim = db.prepare('INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)');
      for (let i = 0; i < 3_000; i++) {
        const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        tag.run(id, `tag ${String(i).padStart(4, '0')}`, '2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z');
        onClaim.run(claims[0], id);
      }
    });
    const articleId = (await call(backend, 'articles.list', {}))[0].id;
    const [link] = await call(backend, 'links.forArticle', { articleId });
    const side = link.a.claimId === claims[0] ? link.a : link.b;
    expect(side.tags).toHaveLength(MAX_CLAIM_TAGS);
    expect(side.tags[0]).toBe('tag 0000');
  });
});
