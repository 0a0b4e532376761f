import Database from 'better-sqlite3';
import { migrate } from './migrations';

/**
 * What the app's own migrations create, read from an in-memory database built by running them.
 * This is the app's schema as code defines it, never as an opened file says it is: the schema
 * check compares a file against it, and the undo log takes its column names from it.
 */
export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  /** Normalised SQL (see normaliseSql); null for indexes SQLite makes itself. */
  sql: string | null;
}

export interface AppSchema {
  version: number;
  /** Every object by name, SQLite's internal tables excluded. */
  objects: ReadonlyMap<string, SchemaObject>;
  /** The ordinary (non-generated) columns of each table, in order. */
  columns(table: string): readonly string[];
}

/** SQLite's own tables that ANALYZE and `PRAGMA optimize` add to any database, with the only SQL SQLite writes for them. */
export const SQLITE_STATISTICS: ReadonlyMap<string, string> = new Map([
  ['sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)'],
  ['sqlite_stat4', 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'],
]);

/**
 * Whitespace is not meaningful in SQL outside literals, and SQLite keeps the text as it was
 * written: collapse runs of it and drop it beside brackets and commas, so only a change of
 * meaning makes two definitions differ.
 */
export function normaliseSql(sql: string | null): string | null {
  if (sql === null) return null;
  let out = '';
  let quote: string | null = null;
  let pendingSpace = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (quote) {
      out += c;
      if (c === quote) quote = null;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      pendingSpace = true;
      continue;
    }
    if (/\s/.test(c)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && out && !/[(,]$/.test(out) && !/[),]/.test(c)) out += ' ';
    pendingSpace = false;
    if (c === "'" || c === '"' || c === '`' || c === '[') quote = c === '[' ? ']' : c;
    out += c;
  }
  return out;
}

/** A name the app itself gives a table or column: checked before it is ever put into SQL. */
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Quotes one of the app's own identifiers for SQL, refusing anything that is not a plain name. */
export function quoteIdentifier(name: string): string {
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`Not one of Gainsay's own identifiers: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** The objects of a database's main schema, their SQL normalised. */
export function readSchemaObjects(db: Database.Database): SchemaObject[] {
  return (db.prepare('SELECT type, name, tbl_name AS tableName, sql FROM main.sqlite_schema ORDER BY name').all() as SchemaObject[]).map((o) => ({
    ...o,
    sql: normaliseSql(o.sql),
  }));
}

const built = new Map<number, AppSchema>();

/** The schema the app's migrations create at `version` (built once per version and kept). */
export function appSchema(version: number): AppSchema {
  const cached = built.get(version);
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    migrate(db, version);
    const objects = new Map(readSchemaObjects(db).filter((o) => !SQLITE_STATISTICS.has(o.name)).map((o) => [o.name, o]));
    const columns = new Map<string, string[]>();
    for (const o of objects.values()) {
      if (o.type !== 'table' || o.sql?.startsWith('CREATE VIRTUAL')) continue;
      // hidden = 0: ordinary columns; generated columns are computed, never written back.
      const names = db.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0').pluck().all(o.name) as string[];
      for (const name of names) quoteIdentifier(name);
      columns.set(o.name, names);
    }
    const schema: AppSchema = {
      version,
      objects,
      columns(table) {
        const found = columns.get(table);
        if (!found) throw new Error(`Gainsay's schema has no table called ${table}`);
        return found;
      },
    };
    built.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}
