import type { Migration } from '../migration';

/**
 * Candidate pairs the analyst dismissed: never proposed again. A pair is stored once, ordered
 * (claim_a < claim_b) like links, with the scorer version that proposed it, and goes with either
 * claim.
 */
export const migration005: Migration = {
  version: 5,
  name: 'candidate dismissals',
  sql: `
      CREATE TABLE candidate_dismissals (
        claim_a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        claim_b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        scorer_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (claim_a, claim_b),
        CHECK (claim_a < claim_b)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX candidate_dismissals_b ON candidate_dismissals(claim_b);
    `,
};
