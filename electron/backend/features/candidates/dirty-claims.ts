import type Database from 'better-sqlite3';

/**
 * Which claims changed since the candidate index last looked, kept by temporary triggers (of this
 * connection only, never stored in the project file) on every table a candidate claim reads:
 * the claim, its highlight, tags, actors and aliases, article. Undo and redo change rows like
 * anything else, so they are caught too. Links and dismissals only mark that the pairs to leave
 * out must be read again.
 */
const TRIGGERS: Array<[table: string, events: string[], claims: (row: 'new' | 'old') => string]> = [
  ['claims', ['INSERT', 'UPDATE', 'DELETE'], (row) => `SELECT ${row}.id`],
  ['highlights', ['UPDATE'], (row) => `SELECT id FROM claims WHERE highlight_id = ${row}.id`],
  ['claim_tags', ['INSERT', 'DELETE'], (row) => `SELECT ${row}.claim_id`],
  ['tags', ['UPDATE'], (row) => `SELECT claim_id FROM claim_tags WHERE tag_id = ${row}.id`],
  ['actors', ['UPDATE'], (row) => `SELECT id FROM claims WHERE actor_id = ${row}.id OR via_actor_id = ${row}.id`],
  ['actor_aliases', ['INSERT', 'UPDATE', 'DELETE'], (row) => `SELECT id FROM claims WHERE actor_id = ${row}.actor_id`],
  ['articles', ['UPDATE'], (row) => `SELECT c.id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE h.article_id = ${row}.id`],
];

export function watchClaims(db: Database.Database): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS candidate_dirty (id TEXT PRIMARY KEY) WITHOUT ROWID');
  for (const [table, events, claims] of TRIGGERS) {
    for (const event of events) {
      const row = event === 'DELETE' ? 'old' : 'new';
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS candidate_dirty_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
               BEGIN INSERT OR IGNORE INTO candidate_dirty (id) ${claims(row)}; END`);
    }
  }
  for (const table of ['links', 'candidate_dismissals']) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS candidate_dirty_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
               BEGIN INSERT OR IGNORE INTO candidate_dirty (id) VALUES ('pairs'); END`);
    }
  }
}

/** The claims changed since the last call (existing or not), and whether links or dismissals did. */
export function takeDirty(db: Database.Database): { claimIds: string[]; pairs: boolean } {
  const ids = db.prepare('DELETE FROM temp.candidate_dirty RETURNING id').pluck().all() as string[];
  return { claimIds: ids.filter((id) => id !== 'pairs').sort(), pairs: ids.includes('pairs') };
}
