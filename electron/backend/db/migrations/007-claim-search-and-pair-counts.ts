import type { Migration } from '../migration';

/**
 * Two indexes the file keeps by its own triggers, so they stay right whatever writes the rows:
 * this app, its undo and redo (which replay ordinary row changes), a JSON import, another tool.
 *
 * `claim_quotes`: the link picker finds claims by words of their quote. An FTS5 index of each
 * claim's folded quote key (`highlights.quote_key`, made by the app, see migration 003), keyed by
 * the claim's rowid so matches come newest first straight from the index. The trigram tokenizer
 * (case-sensitive, as the key is folded already) matches any substring, exactly as `instr` on the
 * key does. Contentless: the key is in `highlights` already. A claim may come back before its
 * highlight (undo writes a cascade back children first), so both inserts add the entry.
 *
 * `link_pair_counts`: who contradicts whom, the links of each pair of actors counted by kind and
 * status, kept as links come, go, change status or kind, or their actors change (the link facts'
 * triggers of migration 003 update `a_actor`/`b_actor`, which counts here as a move). A link is
 * counted once both its actors are known: one inserted without them gets them from the link facts'
 * trigger, whose update counts it then (whichever of the two AFTER INSERT triggers runs first).
 */
export const migration007: Migration = {
  version: 7,
  name: 'claim search and pair counts',
  sql: `
      CREATE VIRTUAL TABLE claim_quotes USING fts5(
        quote_key, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 1'
      );
      CREATE TRIGGER claim_quotes_claim_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claim_quotes (rowid, quote_key) SELECT new.rowid, quote_key FROM highlights WHERE id = new.highlight_id;
      END;
      CREATE TRIGGER claim_quotes_claim_delete AFTER DELETE ON claims BEGIN
        DELETE FROM claim_quotes WHERE rowid = old.rowid;
      END;
      CREATE TRIGGER claim_quotes_claim_move AFTER UPDATE OF highlight_id ON claims BEGIN
        DELETE FROM claim_quotes WHERE rowid = old.rowid;
        INSERT INTO claim_quotes (rowid, quote_key) SELECT new.rowid, quote_key FROM highlights WHERE id = new.highlight_id;
      END;
      CREATE TRIGGER claim_quotes_highlight_insert AFTER INSERT ON highlights BEGIN
        INSERT INTO claim_quotes (rowid, quote_key) SELECT rowid, new.quote_key FROM claims WHERE highlight_id = new.id;
      END;
      CREATE TRIGGER claim_quotes_highlight_key AFTER UPDATE OF quote_key ON highlights BEGIN
        DELETE FROM claim_quotes WHERE rowid IN (SELECT rowid FROM claims WHERE highlight_id = new.id);
        INSERT INTO claim_quotes (rowid, quote_key) SELECT rowid, new.quote_key FROM claims WHERE highlight_id = new.id;
      END;
      INSERT INTO claim_quotes (rowid, quote_key) SELECT c.rowid, h.quote_key FROM claims c JOIN highlights h ON h.id = c.highlight_id;

      CREATE TABLE link_pair_counts (
        kind TEXT NOT NULL,
        x TEXT NOT NULL,
        y TEXT NOT NULL,
        total INTEGER NOT NULL,
        open INTEGER NOT NULL,
        confirmed INTEGER NOT NULL,
        dismissed INTEGER NOT NULL,
        PRIMARY KEY (kind, x, y)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX link_pair_counts_total ON link_pair_counts(kind, total);
      CREATE TRIGGER link_pair_counts_insert AFTER INSERT ON links BEGIN
        INSERT INTO link_pair_counts (kind, x, y, total, open, confirmed, dismissed)
          SELECT new.kind, min(new.a_actor, new.b_actor), max(new.a_actor, new.b_actor), 1, new.status = 'open', new.status = 'confirmed', new.status = 'dismissed' WHERE new.a_actor <> '' AND new.b_actor <> ''
          ON CONFLICT (kind, x, y) DO UPDATE SET total = total + 1, open = open + excluded.open,
            confirmed = confirmed + excluded.confirmed, dismissed = dismissed + excluded.dismissed;
      END;
      CREATE TRIGGER link_pair_counts_delete AFTER DELETE ON links BEGIN
        UPDATE link_pair_counts SET total = total - 1, open = open - (old.status = 'open'),
            confirmed = confirmed - (old.status = 'confirmed'), dismissed = dismissed - (old.status = 'dismissed')
          WHERE (kind, x, y) = (old.kind, min(old.a_actor, old.b_actor), max(old.a_actor, old.b_actor)) AND old.a_actor <> '' AND old.b_actor <> '';
        DELETE FROM link_pair_counts WHERE (kind, x, y) = (old.kind, min(old.a_actor, old.b_actor), max(old.a_actor, old.b_actor)) AND total = 0;
      END;
      CREATE TRIGGER link_pair_counts_update AFTER UPDATE OF kind, status, a_actor, b_actor ON links BEGIN
        UPDATE link_pair_counts SET total = total - 1, open = open - (old.status = 'open'),
            confirmed = confirmed - (old.status = 'confirmed'), dismissed = dismissed - (old.status = 'dismissed')
          WHERE (kind, x, y) = (old.kind, min(old.a_actor, old.b_actor), max(old.a_actor, old.b_actor)) AND old.a_actor <> '' AND old.b_actor <> '';
        DELETE FROM link_pair_counts WHERE (kind, x, y) = (old.kind, min(old.a_actor, old.b_actor), max(old.a_actor, old.b_actor)) AND total = 0;
        INSERT INTO link_pair_counts (kind, x, y, total, open, confirmed, dismissed)
          SELECT new.kind, min(new.a_actor, new.b_actor), max(new.a_actor, new.b_actor), 1, new.status = 'open', new.status = 'confirmed', new.status = 'dismissed' WHERE new.a_actor <> '' AND new.b_actor <> ''
          ON CONFLICT (kind, x, y) DO UPDATE SET total = total + 1, open = open + excluded.open,
            confirmed = confirmed + excluded.confirmed, dismissed = dismissed + excluded.dismissed;
      END;
      INSERT INTO link_pair_counts (kind, x, y, total, open, confirmed, dismissed)
        SELECT kind, min(a_actor, b_actor), max(a_actor, b_actor), count(*),
               sum(status = 'open'), sum(status = 'confirmed'), sum(status = 'dismissed')
        FROM links WHERE a_actor <> '' AND b_actor <> '' GROUP BY 1, 2, 3;
    `,
};
