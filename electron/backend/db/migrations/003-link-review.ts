import { searchKey } from '../../../../shared/text/search-query';
import type { Migration } from '../migration';

/** SET clauses for one side's facts, read from its claim: actor, article, quote key, and date (the claim's, else the article's). */
function sideFacts(side: 'a' | 'b', claimId: string): string {
  return `
    ${side}_actor = (SELECT actor_id FROM claims WHERE id = ${claimId}),
    ${side}_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = ${claimId}),
    ${side}_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = ${claimId}),
    ${side}_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = ${claimId})`;
}

/**
 * The review list of links. Joining every link to its two claims, highlights and articles costs
 * about 250 ms over 20,000 links (uuid lookups), so each link carries the facts the list filters
 * and sorts by: both sides' actor, article, quote search key and date. Triggers in the file keep
 * them right whatever writes claims, quotes or article dates (this app, its undo, a JSON import,
 * another SQLite tool). A highlight never moves to another article.
 *
 * Quotes and rationales get a folded search key (shared searchKey: words folded for case and
 * diacritics, space-separated), so filtering by words is a plain `instr` and stays in step with
 * undo, which replays ordinary row changes (a full-text index would not).
 */
export const migration003: Migration = {
  version: 3,
  name: 'link review',
  up(db) {
    db.exec(`
      ALTER TABLE highlights ADD COLUMN quote_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN rationale_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN a_actor TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN b_actor TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN a_article TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN b_article TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN a_quote_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN b_quote_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE links ADD COLUMN a_date TEXT;
      ALTER TABLE links ADD COLUMN b_date TEXT;
      -- The later of the two dates: when the two claims came to stand against each other.
      ALTER TABLE links ADD COLUMN sort_date TEXT GENERATED ALWAYS AS (max(coalesce(a_date, ''), coalesce(b_date, ''))) VIRTUAL;
      CREATE INDEX links_a_actor ON links(a_actor);
      CREATE INDEX links_b_actor ON links(b_actor);
      CREATE INDEX links_a_article ON links(a_article);
      CREATE INDEX links_b_article ON links(b_article);
      CREATE INDEX links_kind_date ON links(kind, sort_date);

      -- A link written back whole (undo, which may insert it before its claims) keeps its facts.
      CREATE TRIGGER links_facts_insert AFTER INSERT ON links WHEN new.a_actor = '' OR new.b_actor = '' BEGIN
        UPDATE links SET ${sideFacts('a', 'new.claim_a')}, ${sideFacts('b', 'new.claim_b')} WHERE id = new.id;
      END;
      CREATE TRIGGER links_facts_claim AFTER UPDATE OF actor_id, claimed_on ON claims BEGIN
        UPDATE links SET ${sideFacts('a', 'new.id')} WHERE claim_a = new.id;
        UPDATE links SET ${sideFacts('b', 'new.id')} WHERE claim_b = new.id;
      END;
      CREATE TRIGGER links_facts_quote AFTER UPDATE OF quote_key ON highlights BEGIN
        UPDATE links SET a_quote_key = new.quote_key WHERE claim_a IN (SELECT id FROM claims WHERE highlight_id = new.id);
        UPDATE links SET b_quote_key = new.quote_key WHERE claim_b IN (SELECT id FROM claims WHERE highlight_id = new.id);
      END;
      CREATE TRIGGER links_facts_article AFTER UPDATE OF published_at ON articles BEGIN
        UPDATE links SET ${sideFacts('a', 'links.claim_a')} WHERE a_article = new.id;
        UPDATE links SET ${sideFacts('b', 'links.claim_b')} WHERE b_article = new.id;
      END;
    `);
    // The quote keys first (their trigger copies them to links), then every link's facts.
    const quotes = db.prepare('SELECT rowid, quote FROM highlights').all() as Array<{ rowid: number; quote: string }>;
    const setQuote = db.prepare('UPDATE highlights SET quote_key = ? WHERE rowid = ?');
    for (const row of quotes) setQuote.run(searchKey(row.quote), row.rowid);
    db.exec(`UPDATE links SET ${sideFacts('a', 'links.claim_a')}, ${sideFacts('b', 'links.claim_b')}`);
    const rationales = db.prepare("SELECT rowid, rationale_text FROM links WHERE rationale_text <> ''").all() as Array<{ rowid: number; rationale_text: string }>;
    const setRationale = db.prepare('UPDATE links SET rationale_key = ? WHERE rowid = ?');
    for (const row of rationales) setRationale.run(searchKey(row.rationale_text), row.rowid);
  },
};
