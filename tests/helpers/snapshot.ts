import Database from 'better-sqlite3';

/**
 * Every row of every table (the search indexes included, by row id and content, not by the
 * b-tree pages of their shadow tables), to show an operation changed nothing.
 */
export function snapshot(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare(
      `SELECT name, sql LIKE 'CREATE VIRTUAL%' AS virtual FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'articles_fts_%' AND name NOT LIKE 'claim_quotes_%' AND name NOT LIKE 'link_words_%' ORDER BY name`,
    )
    .all() as Array<{ name: string; virtual: number }>;
  return Object.fromEntries(tables.map(({ name, virtual }) => [name, db.prepare(`SELECT ${virtual ? 'rowid, ' : ''}* FROM "${name}" ORDER BY 1`).all()]));
}

/** The snapshot of a project file no Gainsay has open (a connection left open would hold its lock). */
export function snapshotFile(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return snapshot(db);
  } finally {
    db.close();
  }
}
