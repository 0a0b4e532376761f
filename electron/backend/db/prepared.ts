import type Database from 'better-sqlite3';

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for this SQL on this connection, prepared once: where a statement runs once per
 * record, preparing it each time costs more than running it. A kept statement keeps its modes
 * (pluck, raw), so each SQL text must always be used the same way; and one statement cannot be
 * iterated twice at once, so statements read while another read of them may be open are not kept.
 */
export function preparedOnce(db: Database.Database, sql: string): Database.Statement {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
