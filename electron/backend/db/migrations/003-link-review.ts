import type { Migration } from '../migration';

/**
 * The review list of links. Joining every link to its two claims, highlights and articles costs
 * about 250 ms over 20,000 links (uuid lookups), so each link carries the facts the list filters
 * and sorts by: both sides' actor, article, quote search key and date. Triggers in the file keep
 * them right whatever writes claims, quotes or article dates (this app, its undo, a JSON import,
 * another SQLite tool). A highlight never moves to another article.
 *
 * Quotes and rationales get a folded search key (words folded for case and diacritics,
 * space-separated), so filtering by words is a plain `instr` and stays in step with undo, which
 * replays ordinary row changes (a full-text index would not). The keys themselves are computed by
 * the app (shared/fold.ts), never by SQLite: a file's triggers may not call the app's functions
 * (trusted_schema is off), so a tool other than Gainsay that writes quotes or rationales leaves
 * the keys stale until Gainsay recomputes them (db/search-keys.ts). The links' copies of the quote
 * keys do follow the highlights' keys by trigger.
 */
export const migration003: Migration = {
  version: 3,
  name: 'link review',
  sql: `
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
        UPDATE links SET 
    a_actor = (SELECT actor_id FROM claims WHERE id = new.claim_a),
    a_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = new.claim_a),
    a_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = new.claim_a),
    a_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = new.claim_a), 
    b_actor = (SELECT actor_id FROM claims WHERE id = new.claim_b),
    b_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = new.claim_b),
    b_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = new.claim_b),
    b_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = new.claim_b) WHERE id = new.id;
      END;
      CREATE TRIGGER links_facts_claim AFTER UPDATE OF actor_id, claimed_on ON claims BEGIN
        UPDATE links SET 
    a_actor = (SELECT actor_id FROM claims WHERE id = new.id),
    a_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = new.id),
    a_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = new.id),
    a_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = new.id) WHERE claim_a = new.id;
        UPDATE links SET 
    b_actor = (SELECT actor_id FROM claims WHERE id = new.id),
    b_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = new.id),
    b_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = new.id),
    b_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = new.id) WHERE claim_b = new.id;
      END;
      CREATE TRIGGER links_facts_quote AFTER UPDATE OF quote_key ON highlights BEGIN
        UPDATE links SET a_quote_key = new.quote_key WHERE claim_a IN (SELECT id FROM claims WHERE highlight_id = new.id);
        UPDATE links SET b_quote_key = new.quote_key WHERE claim_b IN (SELECT id FROM claims WHERE highlight_id = new.id);
      END;
      CREATE TRIGGER links_facts_article AFTER UPDATE OF published_at ON articles BEGIN
        UPDATE links SET 
    a_actor = (SELECT actor_id FROM claims WHERE id = links.claim_a),
    a_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = links.claim_a),
    a_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = links.claim_a),
    a_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = links.claim_a) WHERE a_article = new.id;
        UPDATE links SET 
    b_actor = (SELECT actor_id FROM claims WHERE id = links.claim_b),
    b_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = links.claim_b),
    b_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = links.claim_b),
    b_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = links.claim_b) WHERE b_article = new.id;
      END;

      -- Every link's facts from its claims (the search keys are filled in by the app).
      UPDATE links SET 
    a_actor = (SELECT actor_id FROM claims WHERE id = links.claim_a),
    a_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = links.claim_a),
    a_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = links.claim_a),
    a_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = links.claim_a), 
    b_actor = (SELECT actor_id FROM claims WHERE id = links.claim_b),
    b_article = (SELECT h.article_id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = links.claim_b),
    b_quote_key = (SELECT h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = links.claim_b),
    b_date = (SELECT coalesce(c.claimed_on, substr(ar.published_at, 1, 10)) FROM claims c
                    JOIN highlights h ON h.id = c.highlight_id JOIN articles ar ON ar.id = h.article_id WHERE c.id = links.claim_b);
    `,
};
