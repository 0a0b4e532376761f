import type Database from 'better-sqlite3';
import type { Migration } from '../migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-article-search';
import { migration003 } from './003-link-review';
import { migration004 } from './004-suggestion-rejections';

/** Every migration in order. Only ever append; a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Applies every migration newer than the file's `user_version`, each in its own transaction. */
export function migrate(db: Database.Database, upTo: number = LATEST_SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
