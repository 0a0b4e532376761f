import type { Migration } from '../migration';

/**
 * The first schema. Offsets (`start_cp`, `end_cp`) are Unicode code points into `articles.text`,
 * which is stored once (NFC, LF) and never changed under its highlights. Rich-text fields keep the
 * Lexical editor state as JSON next to its plain text (for search and export).
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  // 1196638553 is 0x47534159, "GSAY": APPLICATION_ID in db/file-identity.ts.
  sql: `
      PRAGMA application_id = 1196638553;
      -- seq is a stable integer key for the full-text index (a plain rowid may change on VACUUM).
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        outlet TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        published_at TEXT,
        url TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        source_name TEXT NOT NULL DEFAULT '',
        source_kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        folded TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('person', 'government', 'organisation', 'outlet', 'other')),
        role TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX actors_folded ON actors(folded);

      CREATE TABLE actor_aliases (
        id TEXT PRIMARY KEY,
        actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        folded TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (actor_id, folded)
      ) STRICT;
      CREATE INDEX actor_aliases_folded ON actor_aliases(folded);

      CREATE TABLE highlights (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
        end_cp INTEGER NOT NULL,
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_cp > start_cp)
      ) STRICT;
      CREATE INDEX highlights_article ON highlights(article_id, start_cp);

      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        highlight_id TEXT NOT NULL UNIQUE REFERENCES highlights(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE RESTRICT,
        via_actor_id TEXT REFERENCES actors(id) ON DELETE RESTRICT,
        claimed_on TEXT,
        note_json TEXT NOT NULL DEFAULT '',
        note_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX claims_actor ON claims(actor_id);
      CREATE INDEX claims_via_actor ON claims(via_actor_id);

      CREATE TABLE tags (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE claim_tags (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX claim_tags_tag ON claim_tags(tag_id);

      -- A link is symmetric: the pair is stored once with claim_a < claim_b.
      CREATE TABLE links (
        id TEXT PRIMARY KEY,
        claim_a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        claim_b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('contradicts', 'corroborates')),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'confirmed', 'dismissed')),
        rationale_json TEXT NOT NULL DEFAULT '',
        rationale_text TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (claim_a < claim_b),
        UNIQUE (claim_a, claim_b)
      ) STRICT;
      CREATE INDEX links_claim_b ON links(claim_b);
      CREATE INDEX links_kind_status ON links(kind, status);
    `,
};
