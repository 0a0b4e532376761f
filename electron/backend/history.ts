import type Database from 'better-sqlite3';
import { GainsayError } from '../../shared/errors';
import { appSchema, quoteIdentifier } from './db/app-schema';
import { LATEST_SCHEMA_VERSION } from './db/migrations';

/**
 * Undo and redo for annotation work, by the technique described in SQLite's own "Undo/Redo"
 * note: temporary triggers on the annotation tables write, for every change, the SQL statement
 * that reverses it into a temporary log. A user action is one recorded step (a range of the log).
 * Undoing a step runs its statements backwards, and the triggers record the statements that
 * redo it. One mechanism covers create, edit, tag, delete and merge alike.
 *
 * The history belongs to this connection (one window) and ends when the project is closed.
 */

/** The tables whose changes can be undone, with the key that identifies a row. */
const TRACKED: Array<{ table: string; key: string[] }> = [
  { table: 'actors', key: ['rowid'] },
  { table: 'actor_aliases', key: ['rowid'] },
  { table: 'tags', key: ['rowid'] },
  { table: 'highlights', key: ['rowid'] },
  { table: 'claims', key: ['rowid'] },
  { table: 'claim_tags', key: ['claim_id', 'tag_id'] },
  { table: 'links', key: ['rowid'] },
];

interface Step {
  label: string;
  from: number;
  to: number;
}

export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

/** SQL text that builds, inside a trigger, a literal statement from the row `ref` (old/new). */
function whereKey(key: string[], ref: 'old' | 'new'): string {
  return key.map((k, i) => `'${i ? ' AND ' : ''}${quoteIdentifier(k)}=' || quote(${ref}.${quoteIdentifier(k)})`).join(' || ');
}

/**
 * The three triggers that log how to reverse a change to `table`. Table and column names come
 * from the app's own schema (its migrations, run in memory), never from the opened file, and
 * each is checked and quoted before it is put into SQL: a file cannot smuggle SQL in as a name.
 */
function triggerSql(table: string, key: string[]): string {
  const columns = appSchema(LATEST_SCHEMA_VERSION).columns(table).map(quoteIdentifier);
  const name = quoteIdentifier(table);
  const withRowid = key[0] === 'rowid' ? ['rowid', ...columns] : columns;
  const insertBack = `'INSERT INTO ${name}(${withRowid.join(',')}) VALUES(' || ${withRowid.map((c) => `quote(old.${c})`).join(" || ',' || ")} || ')'`;
  const updateBack = `'UPDATE ${name} SET ' || ${columns.map((c, i) => `'${i ? ',' : ''}${c}=' || quote(old.${c})`).join(' || ')} || ' WHERE ' || ${whereKey(key, 'old')}`;
  const deleteBack = `'DELETE FROM ${name} WHERE ' || ${whereKey(key, 'new')}`;
  return `
    CREATE TEMP TRIGGER IF NOT EXISTS ${quoteIdentifier(`undo_${table}_insert`)} AFTER INSERT ON main.${name}
    BEGIN INSERT INTO undo_log(statement) VALUES (${deleteBack}); END;
    CREATE TEMP TRIGGER IF NOT EXISTS ${quoteIdentifier(`undo_${table}_update`)} AFTER UPDATE ON main.${name}
    BEGIN INSERT INTO undo_log(statement) VALUES (${updateBack}); END;
    CREATE TEMP TRIGGER IF NOT EXISTS ${quoteIdentifier(`undo_${table}_delete`)} BEFORE DELETE ON main.${name}
    BEGIN INSERT INTO undo_log(statement) VALUES (${insertBack}); END;`;
}

export class History {
  private readonly undoSteps: Step[] = [];
  private readonly redoSteps: Step[] = [];

  /** `replayed` runs after undo or redo wrote rows back, so what is derived from them can be forgotten. */
  constructor(
    private readonly db: Database.Database,
    private readonly replayed: () => void = () => {},
  ) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_log (seq INTEGER PRIMARY KEY, statement TEXT NOT NULL)');
    for (const { table, key } of TRACKED) db.exec(triggerSql(table, key));
  }

  private lastSeq(): number {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM temp.undo_log').get() as { n: number }).n;
  }

  get state(): HistoryState {
    return {
      undo: this.undoSteps[this.undoSteps.length - 1]?.label ?? null,
      redo: this.redoSteps[this.redoSteps.length - 1]?.label ?? null,
    };
  }

  /** Runs `change` in one transaction as one undoable step called `label`. */
  record<T>(label: string, change: () => T): T {
    return this.db.transaction(() => {
      const from = this.lastSeq() + 1;
      const result = change();
      const to = this.lastSeq();
      if (to >= from) {
        this.undoSteps.push({ label, from, to });
        this.dropSteps(this.redoSteps);
      }
      return result;
    })();
  }

  undo(): string {
    return this.replay(this.undoSteps, this.redoSteps, 'undo');
  }

  redo(): string {
    return this.replay(this.redoSteps, this.undoSteps, 'redo');
  }

  /** Forgets every step, e.g. after a change that cannot be undone (deleting an article). */
  clear(): void {
    this.undoSteps.length = 0;
    this.redoSteps.length = 0;
    this.db.prepare('DELETE FROM temp.undo_log').run();
  }

  private dropSteps(steps: Step[]): void {
    for (const step of steps.splice(0)) {
      this.db.prepare('DELETE FROM temp.undo_log WHERE seq BETWEEN ? AND ?').run(step.from, step.to);
    }
  }

  private replay(from: Step[], to: Step[], verb: 'undo' | 'redo'): string {
    const step = from[from.length - 1];
    if (!step) throw new GainsayError('conflict', `There is nothing to ${verb}.`);
    try {
      this.db.transaction(() => {
        // Rows come back children-first when a cascade removed them; check keys at commit.
        this.db.pragma('defer_foreign_keys = ON');
        const start = this.lastSeq() + 1;
        const statements = this.db
          .prepare('SELECT statement FROM temp.undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC')
          .pluck()
          .all(step.from, step.to) as string[];
        for (const statement of statements) this.db.exec(statement);
        this.db.prepare('DELETE FROM temp.undo_log WHERE seq BETWEEN ? AND ?').run(step.from, step.to);
        from.pop();
        to.push({ label: step.label, from: start, to: this.lastSeq() });
      })();
    } catch (error) {
      // Something else changed the same records (another window, a deleted article): the step
      // no longer applies. Nothing was changed; the history is reset rather than left wrong.
      this.clear();
      throw new GainsayError('conflict', `“${step.label}” can no longer be ${verb === 'undo' ? 'undone' : 'redone'}: the records it touched have changed since. (${(error as Error).message})`);
    }
    this.replayed();
    return step.label;
  }
}
