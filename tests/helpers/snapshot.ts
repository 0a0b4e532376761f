import Database from 'better-sqlite3';

/** Every row of every table (the search index included), to show an operation changed nothing. */
export function snapshot(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()]));
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
