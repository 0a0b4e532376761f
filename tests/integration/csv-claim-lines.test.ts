import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimRows } from '../../electron/backend/export/claim-rows';
import { claimCsvLines } from '../../electron/backend/export/csv-claim-lines';
import { csvRows } from '../../electron/backend/export/csv-encode';
import { writeCsvTables } from '../../electron/backend/export/csv-export';
import { newTally } from '../../electron/backend/export/span-check';
import { call, tempBackend } from '../helpers/project';

const ARTICLE = 'The harbour minister said the ferry would run. A spokesman for the port denied it 😀 on Tuesday, the outlet reported.';
const CLAIMS = 24;

// Values rich in what CSV and spreadsheets treat specially, as another program could write them into a file.
const special = fc.constantFrom('"', ',', '\r', '\n', '=', '+', '-', '@', '\t', '\uFF1D', "'", ' ', 'a', '😀', '\0', ';');
const value = fc.oneof(fc.string({ maxLength: 6 }), fc.array(special, { maxLength: 6 }).map((parts) => parts.join('')));

/** claims.csv's rows as the shared claim reader gives them, written cell by cell. */
function referenceLines(db: Database.Database, raw: boolean, articleIds: string[] | null = null): string {
  const rows = [...claimRows(db, articleIds)].map((c) => [
    c.claimId, c.articleId, c.articleTitle, c.outlet, c.publishedAt ?? '', c.holds ? c.start : '', c.holds ? c.end : '', c.quote, c.prefix, c.suffix,
    c.actorId, c.actor, c.viaId ?? '', c.via ?? '', c.claimedOn ?? '', c.tags.join('; '), c.noteText, c.createdAt, c.updatedAt, c.holds ? '' : 'yes',
  ]);
  return csvRows(rows, raw);
}

describe("claims.csv's lines, joined by SQLite where nothing needs quoting", () => {
  let env: ReturnType<typeof tempBackend>;
  let db: Database.Database;
  let articleIds: string[];

  beforeAll(async () => {
    env = tempBackend();
    const { articleId } = await call(env.backend, 'articles.paste', { text: ARTICLE, title: 'Harbour, "ferries"' });
    // A second article, whose claims share tags with the first's: an export of either article has only its own.
    const other = await call(env.backend, 'articles.paste', { text: 'A ferry spokesman said the port would reopen.', title: 'Port' });
    articleIds = [articleId, other.articleId];
    const claimIds: string[] = [];
    for (let i = 0; i < CLAIMS; i++) {
      const start = i % 20;
      const quote = [...ARTICLE].slice(start, start + 5 + (i % 7)).join('');
      const h = await call(env.backend, 'highlights.create', { articleId, start, end: start + [...quote].length, quote });
      const claimed = await call(env.backend, 'claims.set', { highlightId: h.id, actor: { name: `Speaker ${i % 5}`, kind: 'person' } });
      claimIds.push(claimed.claim.id);
    }
    // The second article's: the last of them gets one tag below ('ports, ferries').
    for (const start of [2, 8]) {
      const h = await call(env.backend, 'highlights.create', { articleId: other.articleId, start, end: start + 5, quote: 'A ferry spokesman said the port would reopen.'.slice(start, start + 5) });
      claimIds.push((await call(env.backend, 'claims.set', { highlightId: h.id, actor: { name: 'Speaker 9', kind: 'person' } })).claim.id);
    }
    env.backend.close();
    db = new Database(env.file);
    const values = fc.sample(value, { numRuns: 200, seed: 18 });
    const next = () => values.pop()!;
    db.prepare("UPDATE actors SET name = ? WHERE name = 'Speaker 0'").run('Ortega, "the elder"');
    db.prepare("UPDATE actors SET name = ? WHERE name = 'Speaker 1'").run('=Minister');
    const tag = db.prepare("INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, '2026-01-01', '2026-01-01')");
    ['ports, ferries', 'Budget', 'alpha', '@mention', 'zeta'].forEach((name, i) => tag.run(`tag-${i}`, name));
    const tagClaim = db.prepare('INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)');
    claimIds.forEach((id, i) => {
      for (let t = 0; t < i % 4; t++) tagClaim.run(id, `tag-${(i + t) % 5}`);
      db.prepare('UPDATE claims SET note_text = ?, claimed_on = ? WHERE id = ?').run(next(), i % 3 ? next() : null, id);
    });
    // Claims on one span, ordered by id as SQLite compares them (UTF-8 bytes: U+E000 before U+1F600, which UTF-16 puts first).
    for (const [suffix, claimId] of [['a', 'claim-\u{1F600}'], ['b', 'claim-\uE000'], ['c', 'claim-\u{1F600}0']]) {
      db.prepare(
        `INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, prefix, suffix, created_at, updated_at)
         SELECT 'h-same-' || ?, article_id, start_cp, end_cp, quote, prefix, suffix, created_at, updated_at FROM highlights WHERE id = (SELECT highlight_id FROM claims WHERE id = ?)`,
      ).run(suffix, claimIds[5]);
      db.prepare(
        `INSERT INTO claims (id, highlight_id, actor_id, claimed_on, note_text, created_at, updated_at)
         SELECT ?, 'h-same-' || ?, actor_id, claimed_on, note_text, created_at, updated_at FROM claims WHERE id = ?`,
      ).run(claimId, suffix, claimIds[5]);
    }
    // A tag the file lost, a via actor it lost, a note that is not valid UTF-8, and a span that no longer holds.
    db.pragma('foreign_keys = OFF');
    tagClaim.run(claimIds[1], 'tag-missing');
    db.prepare("UPDATE claims SET via_actor_id = 'actor-missing' WHERE id = ?").run(claimIds[2]);
    db.prepare("UPDATE claims SET note_text = CAST(x'61c32cf09f2c' AS TEXT) WHERE id = ?").run(claimIds[3]);
    db.prepare("UPDATE highlights SET quote = 'not there', prefix = '=p,', suffix = 's\"' WHERE id = (SELECT highlight_id FROM claims WHERE id = ?)").run(claimIds[4]);
  });
  afterAll(() => {
    db.close();
    env.dispose();
  });

  for (const raw of [false, true]) {
    it(`are byte for byte the shared reader's rows written cell by cell${raw ? ' (raw)' : ''}`, () => {
      const tally = newTally();
      const lines = [...claimCsvLines(db, null, raw, tally, {}, {}, () => {})].join('');
      expect(lines).toBe(referenceLines(db, raw));
      expect(tally.claims).toBe(1);
    });
  }

  it("hold only the chosen articles' claims, each with its own tags", () => {
    for (const chosen of [[articleIds[0]!], [articleIds[1]!], articleIds]) {
      const lines = [...claimCsvLines(db, chosen, false, newTally(), {}, {}, () => {})].join('');
      expect(lines).toBe(referenceLines(db, false, chosen));
    }
    const other = [...claimCsvLines(db, [articleIds[1]!], false, newTally(), {}, {}, () => {})];
    expect(other).toHaveLength(2);
    expect(other[1]).toContain(',"ports, ferries",');
  });

  it("links.csv: each side's cells are its claim's in claims.csv, and empty for a claim the file lacks", async () => {
    const [claimId, articleId, actorId] = db.prepare('SELECT c.id, h.article_id, c.actor_id FROM claims c JOIN highlights h ON h.id = c.highlight_id ORDER BY c.id LIMIT 1').raw().get() as string[];
    // Written with foreign keys off (see above): its second claim is not in the file ('z' sorts after every id here), nor that claim's actor.
    db.prepare(
      `INSERT INTO links (id, claim_a, claim_b, kind, created_at, updated_at, a_article, b_article, a_actor, b_actor)
       VALUES ('link-lost', ?, 'zz-lost-claim', 'contradicts', '2026-01-01', '2026-01-01', ?, ?, ?, 'actor-lost')`,
    ).run(claimId, articleId, articleId, actorId);
    const folder = path.join(env.dir, 'tables');
    fs.mkdirSync(folder);
    try {
      await writeCsvTables(db, folder, null, { bom: false, raw: false }, newTally());
      const read = (name: string) => parse(fs.readFileSync(path.join(folder, name), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      const claim = read('claims.csv').find((c) => c.claim_id === claimId)!;
      const link = read('links.csv').find((l) => l.link_id === 'link-lost')!;
      expect(link).toMatchObject({ claim_a: claimId, quote_a: claim.quote, article_id_a: articleId, article_a: claim.article_title, outlet_a: claim.outlet });
      expect(link).toMatchObject({ claim_b: 'zz-lost-claim', actor_b: '', quote_b: '', article_id_b: '', article_b: '', outlet_b: '', date_b: '' });
    } finally {
      db.prepare("DELETE FROM links WHERE id = 'link-lost'").run();
    }
  });
});
