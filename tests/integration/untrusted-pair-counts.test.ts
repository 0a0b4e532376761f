import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import Database from 'better-sqlite3';
import { writeRows } from '../helpers/hostile-rows';
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
});
