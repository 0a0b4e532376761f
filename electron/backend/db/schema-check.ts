import type Database from 'better-sqlite3';
import { SQLITE_STATISTICS, appSchema, readSchemaObjects, type SchemaObject } from './app-schema';

/** At most this many differences are named in a refusal; the rest are counted. */
const NAMED = 5;

function describe(o: SchemaObject): string {
  const on = o.type === 'trigger' || o.type === 'index' ? ` on ${o.tableName}` : '';
  return `${o.type === 'table' && o.sql?.startsWith('CREATE VIRTUAL') ? 'virtual table' : o.type} “${o.name.slice(0, 80)}”${on.slice(0, 90)}`;
}

/**
 * How a file's schema differs from what the app's migrations create at the file's version: every
 * table, index, trigger and view must be exactly the app's, by name, kind and normalised SQL.
 * Returns the differences in words (empty when the schema is the app's own).
 */
export function schemaDifferences(db: Database.Database, version: number): string[] {
  const expected = appSchema(version).objects;
  const found = readSchemaObjects(db);
  const differences: string[] = [];
  const seen = new Set<string>();
  for (const o of found) {
    seen.add(o.name);
    const statistics = SQLITE_STATISTICS.get(o.name);
    if (statistics !== undefined) {
      if (o.type !== 'table' || o.sql !== statistics) differences.push(`an altered ${describe(o)}`);
      continue;
    }
    const own = expected.get(o.name);
    if (!own) differences.push(`an extra ${describe(o)}`);
    else if (own.type !== o.type) differences.push(`a ${describe(o)} where Gainsay has a ${own.type}`);
    else if (own.sql !== o.sql || own.tableName !== o.tableName) differences.push(`an altered ${describe(o)}`);
  }
  for (const own of expected.values()) if (!seen.has(own.name)) differences.push(`no ${describe(own)}`);
  return differences;
}

/** The differences as a phrase for a message: the first few named, the rest counted. */
export function listDifferences(differences: string[]): string {
  const named = differences.slice(0, NAMED).join('; ');
  const more = differences.length - NAMED;
  return more > 0 ? `${named}; and ${more} more` : named;
}
