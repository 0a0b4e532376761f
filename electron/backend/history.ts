import type Database from 'better-sqlite3';
import { GainsayError } from '../../shared/errors';
import { appSchema, quoteIdentifier } from './db/app-schema';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { searchText } from '../../shared/search-text';

/**
 * Undo and redo, by the technique described in SQLite's own "Undo/Redo" note: temporary
 * triggers on the tracked tables write, for every change, the SQL statement that reverses it into
 * a temporary log (the UndoLog, one per connection). A user action is one recorded step (a range
 * of the log). Undoing a step runs its statements backwards, and the triggers record the
 * statements that redo it. One mechanism covers create, edit, tag, delete and merge alike.
 *
 * Each window (the desktop window, each browser tab) has a History of its own steps: a step is
 * undone only from the window that made it. Because another window or another tool may have
 * changed the same rows since, every statement written back first checks that the row is still
 * as the step left it, and refuses the whole undo otherwise, instead of overwriting that change.
 * The histories end when the project is closed.
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
  { table: 'candidate_dismissals', key: ['claim_a', 'claim_b'] },
  { table: 'suggestion_rejections', key: ['rowid'] },
];

/** Article details can be edited and undone; articles come and go by import and deletion, outside the history. */
const ARTICLE_DETAILS = ['title', 'outlet', 'author', 'published_at', 'url', 'language', 'updated_at'];

/** Columns the file's own triggers keep from other rows: not the user's, so not compared before writing back. */
const DERIVED: Record<string, string[]> = {
  highlights: ['quote_key'],
  links: ['a_actor', 'b_actor', 'a_article', 'b_article', 'a_quote_key', 'b_quote_key', 'a_date', 'b_date'],
};

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

/** SQL text that builds the SET list writing the row's old values back into `columns`. */
function setOld(columns: string[]): string {
  return columns.map((c, i) => `'${i ? ',' : ''}${c}=' || quote(old.${c})`).join(' || ');
}

/** SQL text for a condition that the row still holds `ref`'s values in `columns`. */
function stillAs(columns: string[], ref: 'old' | 'new'): string {
  return columns.map((c) => `' AND ${c} IS ' || quote(${ref}.${c})`).join(' || ');
}

/**
 * The triggers that log how to reverse a change to `table`. Table and column names come from the
 * app's own schema (its migrations, run in memory), never from the opened file, and each is
 * checked and quoted before it is put into SQL: a file cannot smuggle SQL in as a name.
 */
function triggerSql(table: string, key: string[]): string {
  const names = appSchema(LATEST_SCHEMA_VERSION).columns(table);
  const columns = names.map(quoteIdentifier);
  const compared = names.filter((c) => !DERIVED[table]?.includes(c)).map(quoteIdentifier);
  const name = quoteIdentifier(table);
  const withRowid = key[0] === 'rowid' ? ['rowid', ...columns] : columns;
  const insertBack = `'INSERT INTO ${name}(${withRowid.join(',')}) VALUES(' || ${withRowid.map((c) => `quote(old.${c})`).join(" || ',' || ")} || ')'`;
  const updateBack = `'UPDATE ${name} SET ' || ${setOld(columns)} || ' WHERE ' || ${whereKey(key, 'old')} || ${stillAs(compared, 'new')}`;
  const deleteBack = `'DELETE FROM ${name} WHERE ' || ${whereKey(key, 'new')} || ${stillAs(compared, 'new')}`;
  // A row this deletes may be gone already, removed with its parent by a cascade of the same step.
  const gone = `'SELECT 1 FROM ${name} WHERE ' || ${whereKey(key, 'new')}`;
  return `
    CREATE TEMP TRIGGER IF NOT EXISTS ${quoteIdentifier(`undo_${table}_insert`)} AFTER INSERT ON main.${name}
    BEGIN INSERT INTO undo_log(statement, unless_gone) VALUES (${deleteBack}, ${gone}); END;
    CREATE TEMP TRIGGER IF NOT EXISTS ${quoteIdentifier(`undo_${table}_update`)} AFTER UPDATE ON main.${name}
    BEGIN INSERT INTO undo_log(statement) VALUES (${updateBack}); END;
    CREATE TEMP TRIGGER IF NOT EXISTS ${quoteIdentifier(`undo_${table}_delete`)} BEFORE DELETE ON main.${name}
    BEGIN INSERT INTO undo_log(statement) VALUES (${insertBack}); END;`;
}

/** Edits of an article's details, logged without its text (which never changes). */
function articleTriggerSql(): string {
  const columns = ARTICLE_DETAILS.map(quoteIdentifier);
  const updateBack = `'UPDATE "articles" SET ' || ${setOld(columns)} || ' WHERE "id"=' || quote(old."id") || ${stillAs(columns, 'new')}`;
  return `
    CREATE TEMP TRIGGER IF NOT EXISTS "undo_articles_update" AFTER UPDATE OF ${columns.join(', ')} ON main."articles"
    BEGIN INSERT INTO undo_log(statement) VALUES (${updateBack}); END;
    -- The full-text index's copy of the title follows every edit, undo and redo included.
    CREATE TEMP TRIGGER IF NOT EXISTS "search_title_update" AFTER UPDATE OF "title" ON main."articles"
    BEGIN UPDATE "articles_fts" SET "title" = gainsay_search_text(new."title") WHERE rowid = new."seq"; END;`;
}

/** How many windows' histories are kept at most. */
const KEPT_WINDOWS = 32;

/** The log of reversing statements on one connection, shared by every window's history. */
export class UndoLog {
  private readonly windows = new Map<string, History>();

  /** `replayed` runs after undo or redo wrote rows back, so what is derived from them can be forgotten. */
  constructor(
    readonly db: Database.Database,
    private readonly replayed: () => void = () => {},
  ) {
    db.function('gainsay_search_text', { deterministic: true }, (text: unknown) => searchText(String(text)));
    // unless_gone: for a statement that deletes a row, a query finding that row; when the row is
    // already gone, the statement changing nothing is as intended.
    db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_log (seq INTEGER PRIMARY KEY, statement TEXT NOT NULL, unless_gone TEXT)');
    for (const { table, key } of TRACKED) db.exec(triggerSql(table, key));
    db.exec(articleTriggerSql());
  }

  /**
   * The history of one window (created on first use). Windows come and go without saying so (a
   * closed or reloaded tab), so only the most recently used are kept, with their steps.
   */
  window(id: string): History {
    let history = this.windows.get(id);
    if (history) this.windows.delete(id);
    else history = new History(this, id);
    this.windows.set(id, history);
    if (this.windows.size > KEPT_WINDOWS) {
      const [oldest, forgotten] = this.windows.entries().next().value!;
      this.windows.delete(oldest);
      forgotten.forget();
    }
    return history;
  }

  /** Forgets every window's steps, e.g. after a change that cannot be undone (deleting an article). */
  clear(): void {
    this.windows.clear();
    this.db.prepare('DELETE FROM temp.undo_log').run();
  }

  lastSeq(): number {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM temp.undo_log').get() as { n: number }).n;
  }

  drop(step: Step): void {
    this.db.prepare('DELETE FROM temp.undo_log WHERE seq BETWEEN ? AND ?').run(step.from, step.to);
  }

  /**
   * Writes a step back (newest statement first) in one transaction and returns the range of the
   * log that reverses it again. Every statement must find its row as the step left it; if one
   * does not (someone changed it since), nothing is written and the step is refused.
   */
  replay(step: Step, verb: 'undo' | 'redo'): Step {
    const cannot = (why: string) => new GainsayError('conflict', `“${step.label}” cannot be ${verb === 'undo' ? 'undone' : 'redone'}: ${why} Nothing was changed.`);
    let reversed: Step;
    try {
      reversed = this.db.transaction(() => {
        // Rows come back children-first when a cascade removed them; check keys at commit.
        this.db.pragma('defer_foreign_keys = ON');
        const start = this.lastSeq() + 1;
        const statements = this.db
          .prepare('SELECT statement, unless_gone AS unlessGone FROM temp.undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC')
          .all(step.from, step.to) as Array<{ statement: string; unlessGone: string | null }>;
        const changes = this.db.prepare('SELECT changes()').pluck();
        for (const { statement, unlessGone } of statements) {
          this.db.exec(statement);
          if (changes.get() === 1 || (unlessGone && this.db.prepare(unlessGone).get() === undefined)) continue;
          throw cannot('what it changed has been changed since, in another window or another program.');
        }
        this.drop(step);
        return { label: step.label, from: start, to: this.lastSeq() };
      })();
    } catch (error) {
      if (error instanceof GainsayError) throw error;
      // A row it would bring back is there again, or one it needs is gone (a deleted article).
      throw cannot(`the records it touched have changed since (${(error as Error).message}).`);
    }
    this.replayed();
    return reversed;
  }
}

/** The undo and redo steps of one window. */
export class History {
  private readonly undoSteps: Step[] = [];
  private readonly redoSteps: Step[] = [];

  constructor(
    private readonly log: UndoLog,
    readonly id: string,
  ) {}

  get state(): HistoryState {
    return {
      undo: this.undoSteps[this.undoSteps.length - 1]?.label ?? null,
      redo: this.redoSteps[this.redoSteps.length - 1]?.label ?? null,
    };
  }

  /** Runs `change` in one transaction as one undoable step called `label`. */
  record<T>(label: string, change: () => T): T {
    const { result, from, to } = this.log.db.transaction(() => {
      const from = this.log.lastSeq() + 1;
      const result = change();
      return { result, from, to: this.log.lastSeq() };
    })();
    // Only once the step is committed: a commit that fails (a full disk) leaves no step behind
    // whose range of the log another window's next step would then take.
    if (to >= from) {
      this.undoSteps.push({ label, from, to });
      for (const step of this.redoSteps.splice(0)) this.log.drop(step);
    }
    return result;
  }

  undo(): string {
    return this.move(this.undoSteps, this.redoSteps, 'undo');
  }

  /** Drops every step of this window and its part of the log. */
  forget(): void {
    for (const step of [...this.undoSteps.splice(0), ...this.redoSteps.splice(0)]) this.log.drop(step);
  }

  redo(): string {
    return this.move(this.redoSteps, this.undoSteps, 'redo');
  }

  private move(from: Step[], to: Step[], verb: 'undo' | 'redo'): string {
    const step = from[from.length - 1];
    if (!step) throw new GainsayError('conflict', `There is nothing to ${verb}.`);
    try {
      to.push(this.log.replay(step, verb));
      from.pop();
    } catch (error) {
      // The step no longer applies; it is dropped, with the steps behind it that may build on it.
      for (const dropped of from.splice(0)) this.log.drop(dropped);
      throw error;
    }
    return step.label;
  }
}
