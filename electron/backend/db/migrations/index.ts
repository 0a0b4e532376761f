import type Database from 'better-sqlite3';
import type { Migration } from '../migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-article-search';
import { migration003 } from './003-link-review';
import { migration004 } from './004-derived-versions';
import { migration005 } from './005-candidate-dismissals';
import { migration006 } from './006-suggestion-rejections';
import { migration007 } from './007-claim-search-and-pair-counts';
import { migration008 } from './008-stored-suggestions';
import { migration009 } from './009-country-actors';
import { migration010 } from './010-suggestions-rowid';
import { migration011 } from './011-review-indexes';

/** Every migration in order. Only ever append; a released migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Applies every migration newer than the file's `user_version`, each in its own transaction (a
 * migration that fails leaves the file at the version before it, with nothing of it applied).
 */
export function migrate(db: Database.Database, upTo: number = LATEST_SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    withForeignKeysOffIf(db, migration.rebuildsTables === true, () =>
      db.transaction(() => {
        const brokenBefore = migration.rebuildsTables ? brokenReferences(db) : 0;
        db.exec(migration.sql);
        if (migration.rebuildsTables && brokenReferences(db) > brokenBefore) {
          throw new Error(`Migration ${migration.version} (${migration.name}) would break references between records; nothing of it was applied.`);
        }
        db.pragma(`user_version = ${migration.version}`);
      })(),
    );
  }
}

/** Runs `step` with foreign keys off when asked (a no-op inside a transaction, so set around it). */
function withForeignKeysOffIf(db: Database.Database, off: boolean, step: () => void): void {
  const wasOn = db.pragma('foreign_keys', { simple: true }) === 1;
  if (!off || !wasOn) return step();
  db.pragma('foreign_keys = OFF');
  try {
    step();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/**
 * References to missing rows. A damaged file may hold some already; a rebuild must not add any,
 * so the count is compared before and after rather than required to be zero.
 */
function brokenReferences(db: Database.Database): number {
  return (db.pragma('foreign_key_check') as unknown[]).length;
}
