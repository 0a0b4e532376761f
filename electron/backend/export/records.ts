import type Database from 'better-sqlite3';
import { preparedOnce } from '../db/prepared';
import type { ActorRecord, ArticleRecord, ClaimRecord, HighlightRecord, LinkRecord, Section, TagRecord } from '../../../shared/export/project-json';

export interface RecordTypes {
  articles: ArticleRecord;
  actors: ActorRecord;
  tags: TagRecord;
  highlights: HighlightRecord;
  claims: ClaimRecord;
  links: LinkRecord;
}

/** SQL keeping rows whose `column` is one of the chosen articles (all rows when none are chosen). */
export const inArticles = (articleIds: string[] | null, column: string) => (articleIds ? `AND ${column} IN (SELECT value FROM json_each(:articles))` : '');

/** SQL selecting the ids of the claims in the chosen articles (every claim when none are chosen). */
export const claimsInArticles = (articleIds: string[] | null) =>
  `SELECT c.id FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE 1 ${inArticles(articleIds, 'h.article_id')}`;

/** The parameters `inArticles` needs. */
export const articleParams = (articleIds: string[] | null): Record<string, string> => (articleIds ? { articles: JSON.stringify(articleIds) } : {});

/** A record's key and the SQL that gives its value, in the order project JSON writes the keys. */
type Field = [key: string, sql: string];

/** How a section is read: its fields, and what follows them (FROM, WHERE, ORDER BY). */
interface SectionQuery {
  fields: Field[];
  rest: string;
  /** The key whose SQL gives JSON text (a list): parsed for a record, embedded as it is in project JSON. */
  json?: string;
}

/**
 * Reads a project's records one at a time (never the whole project at once), optionally only
 * what belongs to some articles: their highlights and claims, the actors and tags those claims
 * use, and the links among them. Each section is one query, read either as records or, for the
 * project JSON export, as each record's JSON text made by SQLite (json_object: its text is what
 * JSON.stringify writes for strings read from SQLite, escapes included; only an unpaired
 * surrogate, which no UTF-8 text holds, would differ).
 */
export class ProjectRecords {
  constructor(
    private readonly db: Database.Database,
    private readonly articleIds: string[] | null = null,
    /** Read just the record with this id (to compare with one being imported). */
    private readonly only: string | null = null,
  ) {}

  /** The record of a section with an id, if the project has it. */
  static one<S extends Section>(db: Database.Database, section: S, id: string): RecordTypes[S] | undefined {
    // Read to the end (at most one row), so the statement is finished before anything is written.
    const [record] = [...new ProjectRecords(db, null, id).section(section)];
    return record;
  }

  private scope(column: string): string {
    return inArticles(this.articleIds, column);
  }

  private params(): Record<string, string> {
    const params: Record<string, string> = articleParams(this.articleIds);
    if (this.only) params.only = this.only;
    return params;
  }

  /** Reading one record (a merge reads one per record it already has) reuses its statement. */
  private statement(sql: string): Database.Statement {
    return this.only ? preparedOnce(this.db, sql) : this.db.prepare(sql);
  }

  private one(column: string): string {
    return this.only ? `AND ${column} = :only` : '';
  }

  /** Claims in scope, as SQL. */
  private get claimsInScope(): string {
    return claimsInArticles(this.articleIds);
  }

  private query(section: Section): SectionQuery {
    switch (section) {
      case 'articles':
        return {
          fields: [['id', 'id'], ['title', 'title'], ['outlet', 'outlet'], ['author', 'author'], ['publishedAt', 'published_at'], ['url', 'url'], ['language', 'language'], ['sourceName', 'source_name'], ['sourceKind', 'source_kind'], ['text', 'text'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at']],
          rest: `FROM articles WHERE 1 ${this.scope('id')} ${this.one('id')} ORDER BY seq`,
        };
      case 'actors': {
        const used = this.articleIds
          ? `AND a.id IN (SELECT actor_id FROM claims WHERE id IN (${this.claimsInScope}) UNION SELECT via_actor_id FROM claims WHERE id IN (${this.claimsInScope}))`
          : '';
        return {
          fields: [
            ['id', 'a.id'], ['name', 'a.name'], ['kind', 'a.kind'], ['role', 'a.role'], ['createdAt', 'a.created_at'], ['updatedAt', 'a.updated_at'],
            ['aliases', `(SELECT json_group_array(json_object('id', id, 'alias', alias, 'createdAt', created_at)) FROM (SELECT * FROM actor_aliases WHERE actor_id = a.id ORDER BY alias, id))`],
          ],
          rest: `FROM actors a WHERE 1 ${used} ${this.one('a.id')} ORDER BY a.name, a.id`,
          json: 'aliases',
        };
      }
      case 'tags': {
        const used = this.articleIds ? `AND id IN (SELECT tag_id FROM claim_tags WHERE claim_id IN (${this.claimsInScope}))` : '';
        return {
          fields: [['id', 'id'], ['name', 'name'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at']],
          rest: `FROM tags WHERE 1 ${used} ${this.one('id')} ORDER BY name, id`,
        };
      }
      case 'highlights':
        return {
          fields: [['id', 'id'], ['articleId', 'article_id'], ['start', 'start_cp'], ['end', 'end_cp'], ['quote', 'quote'], ['prefix', 'prefix'], ['suffix', 'suffix'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at']],
          rest: `FROM highlights WHERE 1 ${this.scope('article_id')} ${this.one('id')} ORDER BY article_id, start_cp, end_cp DESC, id`,
        };
      case 'claims':
        return {
          fields: [
            ['id', 'c.id'], ['highlightId', 'c.highlight_id'], ['actorId', 'c.actor_id'], ['viaActorId', 'c.via_actor_id'], ['claimedOn', 'c.claimed_on'],
            ['tagIds', '(SELECT json_group_array(tag_id) FROM (SELECT tag_id FROM claim_tags WHERE claim_id = c.id ORDER BY tag_id))'],
            ['noteJson', 'c.note_json'], ['noteText', 'c.note_text'], ['createdAt', 'c.created_at'], ['updatedAt', 'c.updated_at'],
          ],
          rest: `FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE 1 ${this.scope('h.article_id')} ${this.one('c.id')} ORDER BY h.article_id, h.start_cp, c.id`,
          json: 'tagIds',
        };
      case 'links': {
        const both = this.articleIds ? `AND claim_a IN (${this.claimsInScope}) AND claim_b IN (${this.claimsInScope})` : '';
        return {
          fields: [
            ['id', 'id'], ['claimA', 'claim_a'], ['claimB', 'claim_b'], ['kind', 'kind'], ['status', 'status'], ['rationaleJson', 'rationale_json'],
            ['rationaleText', 'rationale_text'], ['createdBy', 'created_by'], ['createdAt', 'created_at'], ['updatedAt', 'updated_at'],
          ],
          rest: `FROM links WHERE 1 ${both} ${this.one('id')} ORDER BY created_at, id`,
        };
      }
    }
  }

  /** A section's records, in its order. */
  *section<S extends Section>(section: S): IterableIterator<RecordTypes[S]> {
    const { fields, rest, json } = this.query(section);
    const rows = this.statement(`SELECT ${fields.map(([key, sql]) => `${sql} AS "${key}"`).join(', ')} ${rest}`).iterate(this.params()) as IterableIterator<Record<string, unknown>>;
    for (const row of rows) {
      if (json) row[json] = JSON.parse(row[json] as string);
      yield row as RecordTypes[S];
    }
  }

  /** Each of a section's records as JSON text, as JSON.stringify writes the record, in its order. */
  sectionJson(section: Section): IterableIterator<string> {
    const { fields, rest, json } = this.query(section);
    // json() keeps a list a list inside the object (rather than text holding one).
    const values = fields.map(([key, sql]) => `'${key}', ${key === json ? `json(${sql})` : sql}`);
    return this.statement(`SELECT json_object(${values.join(', ')}) ${rest}`).pluck().iterate(this.params()) as IterableIterator<string>;
  }

  articles(): IterableIterator<ArticleRecord> {
    return this.section('articles');
  }

  actors(): IterableIterator<ActorRecord> {
    return this.section('actors');
  }

  tags(): IterableIterator<TagRecord> {
    return this.section('tags');
  }

  highlights(): IterableIterator<HighlightRecord> {
    return this.section('highlights');
  }

  claims(): IterableIterator<ClaimRecord> {
    return this.section('claims');
  }

  links(): IterableIterator<LinkRecord> {
    return this.section('links');
  }
}
