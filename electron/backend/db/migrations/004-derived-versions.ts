import type { Migration } from '../migration';

/**
 * Which version of the app's folding (shared/fold.ts FOLD_VERSION) made the search keys a file
 * holds: `actors.folded`, `actor_aliases.folded`, `highlights.quote_key`, `links.rationale_key`
 * and the full-text index's copy of titles and texts. The keys are derived from the text by the
 * app, so no migration computes them: the app makes them again whenever it opens a file whose
 * keys are from another version (db/search-keys.ts). A file without a row here has never had
 * its keys made by a versioned folding.
 */
export const migration004: Migration = {
  version: 4,
  name: 'derived key versions',
  sql: `
      CREATE TABLE derived_versions (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      ) STRICT;
    `,
};
