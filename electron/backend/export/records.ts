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

/**
 * Reads a project's records one at a time (never the whole project at once), optionally only
 * what belongs to some articles: their highlights and claims, the actors and tags those claims
 * use, and the links among them.
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

  private rows<T>(sql: string): IterableIterator<T> {
    const params: Record<string, string> = articleParams(this.articleIds);
    if (this.only) params.only = this.only;
    return this.statement(sql).iterate(params) as IterableIterator<T>;
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

  articles(): IterableIterator<ArticleRecord> {
    return this.rows(
      `SELECT id, title, outlet, author, published_at AS publishedAt, url, language, source_name AS sourceName,
              source_kind AS sourceKind, text, created_at AS createdAt, updated_at AS updatedAt
       FROM articles WHERE 1 ${this.scope('id')} ${this.one('id')} ORDER BY seq`,
    );
  }

  *actors(): IterableIterator<ActorRecord> {
    const used = this.articleIds
      ? `AND a.id IN (SELECT actor_id FROM claims WHERE id IN (${this.claimsInScope}) UNION SELECT via_actor_id FROM claims WHERE id IN (${this.claimsInScope}))`
      : '';
    for (const row of this.rows<Omit<ActorRecord, 'aliases'> & { aliases: string }>(
      `SELECT a.id, a.name, a.kind, a.role, a.created_at AS createdAt, a.updated_at AS updatedAt,
              (SELECT json_group_array(json_object('id', id, 'alias', alias, 'createdAt', created_at))
                 FROM (SELECT * FROM actor_aliases WHERE actor_id = a.id ORDER BY alias, id)) AS aliases
       FROM actors a WHERE 1 ${used} ${this.one('a.id')} ORDER BY a.name, a.id`,
    )) {
      yield { ...row, aliases: JSON.parse(row.aliases) as ActorRecord['aliases'] };
    }
  }

  tags(): IterableIterator<TagRecord> {
    const used = this.articleIds ? `AND id IN (SELECT tag_id FROM claim_tags WHERE claim_id IN (${this.claimsInScope}))` : '';
    return this.rows(`SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM tags WHERE 1 ${used} ${this.one('id')} ORDER BY name, id`);
  }

  highlights(): IterableIterator<HighlightRecord> {
    return this.rows(
      `SELECT id, article_id AS articleId, start_cp AS start, end_cp AS "end", quote, prefix, suffix,
              created_at AS createdAt, updated_at AS updatedAt
       FROM highlights WHERE 1 ${this.scope('article_id')} ${this.one('id')} ORDER BY article_id, start_cp, end_cp DESC, id`,
    );
  }

  *claims(): IterableIterator<ClaimRecord> {
    for (const row of this.rows<Omit<ClaimRecord, 'tagIds'> & { tagIds: string }>(
      `SELECT c.id, c.highlight_id AS highlightId, c.actor_id AS actorId, c.via_actor_id AS viaActorId,
              c.claimed_on AS claimedOn,
              (SELECT json_group_array(tag_id) FROM (SELECT tag_id FROM claim_tags WHERE claim_id = c.id ORDER BY tag_id)) AS tagIds,
              c.note_json AS noteJson, c.note_text AS noteText, c.created_at AS createdAt, c.updated_at AS updatedAt
       FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE 1 ${this.scope('h.article_id')} ${this.one('c.id')}
       ORDER BY h.article_id, h.start_cp, c.id`,
    )) {
      yield { ...row, tagIds: JSON.parse(row.tagIds) as string[] };
    }
  }

  links(): IterableIterator<LinkRecord> {
    const both = this.articleIds ? `AND claim_a IN (${this.claimsInScope}) AND claim_b IN (${this.claimsInScope})` : '';
    return this.rows(
      `SELECT id, claim_a AS claimA, claim_b AS claimB, kind, status, rationale_json AS rationaleJson,
              rationale_text AS rationaleText, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt
       FROM links WHERE 1 ${both} ${this.one('id')} ORDER BY created_at, id`,
    );
  }

  section<S extends Section>(section: S): IterableIterator<RecordTypes[S]> {
    return this[section]() as IterableIterator<RecordTypes[S]>;
  }
}
