import type Database from 'better-sqlite3';
import type { ArticleRecord, ClaimRecord, HighlightRecord, LinkRecord } from '../../../shared/export/project-json';
import { OffsetMap } from '../../../shared/offsets';
import { ProjectRecords, articleParams, claimsInArticles, inArticles } from './records';
import { anchorHolds, prefixAt, suffixAt } from '../features/annotations/anchors';
import { binaryOrder } from './binary-order';
import { rowKey, type RowKey } from '../db/row-key';

/** A claim's rowid as a key for the claims of one export (see RowKey). */
export type ClaimKey = RowKey;

/** Values by claim key (an object, as a key may be text; small integer keys are stored as an array's are). */
export type ByClaim<T> = Record<ClaimKey, T>;

/** A claim with everything flat exports show beside it. */
export interface ClaimRow {
  claimId: string;
  /** The claim's rowid in this file (see RowKey): a cheap key for the claims of one export. */
  rowid: ClaimKey;
  articleId: string;
  articleTitle: string;
  outlet: string;
  publishedAt: string | null;
  start: number;
  end: number;
  /**
   * Whether start and end hold on the article's text and give back the quote (anchorHolds: whole
   * code points inside the text, start before end): exports that write positions never write one
   * that does not, as the app shows such a claim as needing attention.
   */
  holds: boolean;
  quote: string;
  prefix: string;
  suffix: string;
  actorId: string;
  actor: string;
  viaId: string | null;
  via: string | null;
  claimedOn: string | null;
  /** Tag names, sorted. */
  tags: string[];
  noteText: string;
  createdAt: string;
  updatedAt: string;
  /** The claim's and its highlight's records as project JSON has them (the highlight's text left out), when asked for. */
  records: ClaimRecords | null;
}

export interface ClaimRecords {
  claim: ClaimRecord;
  highlight: Omit<HighlightRecord, 'quote' | 'prefix' | 'suffix'>;
}

/** A link with both claims' actors, and its record as project JSON has it when asked for. */
export interface LinkRow {
  linkId: string;
  kind: 'contradicts' | 'corroborates';
  status: 'open' | 'confirmed' | 'dismissed';
  claimA: string;
  claimB: string;
  articleA: string;
  articleB: string;
  actorA: string;
  actorB: string;
  rationaleText: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  record: LinkRecord | null;
  /** Each claim's rowid (see ClaimRow), when asked for; null too for a claim the file does not have. */
  rowidA: ClaimKey | null;
  rowidB: ClaimKey | null;
}

/** What a claim row repeats from its article, and its text to check the claims' spans on. */
type ArticleFacts = Pick<ArticleRecord, 'id' | 'title' | 'outlet' | 'publishedAt' | 'text'>;

/**
 * Every actor's name by id: a project has hundreds, its claims a hundred thousand. A file written
 * with foreign keys off can name an actor it does not have: that name is read as empty.
 */
export function actorNames(db: Database.Database): Map<string, string> {
  return new Map(db.prepare('SELECT id, name FROM actors').raw().all() as Array<[string, string]>);
}

/**
 * A claim's tags: their names in the order SQL gives them everywhere else (name, case folded),
 * and their ids as stored, in the order of the ids (SQLite's BINARY), any the file lost included,
 * as project JSON lists them. Claims share a few sets of tags: each set's lists are made once.
 */
export interface TagLists {
  names: string[];
  ids: string[];
}

const NO_TAGS: TagLists = { names: [], ids: [] };

/**
 * The tags of every claim in the chosen articles, by claim: read at once, since a subquery per
 * claim costs more than the claims. Rows are read one by one and lists shared, as they are kept
 * until the export ends: 100,000 claims' rows and lists held at once were copied by every garbage
 * collection of the young generation meanwhile. Claims are known by their rowid, an index into an
 * array: a lookup in a map of 100,000 claim ids cost about a microsecond, as did reading the ids.
 */
export function tagsByClaim(db: Database.Database, articleIds: string[] | null): ByClaim<TagLists> {
  const tags = db.prepare('SELECT id, name FROM tags ORDER BY name COLLATE NOCASE').raw().all() as Array<[string, string]>;
  const rank = new Map(tags.map(([id], i) => [id, i]));
  const byClaim: ByClaim<TagLists> = {};
  const sets = new Map<string, TagLists>();
  const addClaim = (claim: ClaimKey, tagIds: string[]) => {
    // JSON, as an id may hold any character: two sets never share a key.
    const key = tagIds.length === 1 ? tagIds[0]! : JSON.stringify(tagIds);
    let lists = sets.get(key);
    if (!lists) {
      const ranks: number[] = [];
      for (const tag of tagIds) {
        const tagRank = rank.get(tag);
        if (tagRank !== undefined) ranks.push(tagRank); // else a tag the file lost (foreign keys off when it was written)
      }
      sets.set(key, (lists = { names: ranks.sort((x, y) => x - y).map((r) => tags[r]![1]), ids: tagIds }));
    }
    byClaim[claim] = lists;
  };
  const inScope = articleIds ? `AND ct.claim_id IN (${claimsInArticles(articleIds)})` : '';
  // In key order, so each claim's rows come together and are done with when the next claim's begin.
  const rows = db
    .prepare(`SELECT ${rowKey('c.rowid')}, ct.tag_id FROM claim_tags ct JOIN claims c ON c.id = ct.claim_id WHERE 1 ${inScope} ORDER BY ct.claim_id, ct.tag_id`)
    .raw()
    .iterate(articleParams(articleIds)) as IterableIterator<[ClaimKey, string]>;
  let claim: ClaimKey | null = null;
  let tagIds: string[] = [];
  for (const [rowClaim, tag] of rows) {
    if (rowClaim !== claim) {
      if (claim !== null) addClaim(claim, tagIds);
      claim = rowClaim;
      tagIds = [];
    }
    tagIds.push(tag);
  }
  if (claim !== null) addClaim(claim, tagIds);
  return byClaim;
}

/** What a reader can leave out when an export does not show it. */
export interface ClaimFields {
  /** Tag names (else every claim's `tags` is empty). */
  tags: boolean;
  /** The text just before and after the quote (else `prefix` and `suffix` are empty). */
  context: boolean;
  /** Each claim's and highlight's records (else `records` is null). */
  records?: boolean;
  /** When the claim was made and last changed (else `createdAt` and `updatedAt` are empty). */
  dates?: boolean;
}

const EVERYTHING: ClaimFields = { tags: true, context: true };

/**
 * Reading order, as every export lists an article's claims: by start, longer spans first, then by
 * id in SQLite's BINARY order. Sorted in JavaScript: SQLite sorting the rows copies every value of
 * each through its sorter. For rows that begin with the claim's id, start and end.
 */
export const readingOrder = (x: readonly [string, number, number, ...unknown[]], y: readonly [string, number, number, ...unknown[]]) =>
  x[1] - y[1] || y[2] - x[2] || binaryOrder(x[0], y[0]);

/**
 * The rows of an article's claims in reading order, from rows SQL gave in the order of their
 * start (the index's): only the rare claims that start together need putting in order. SQL
 * sorting every article's rows for them cost a seventh of reading the rows.
 */
function inReadingOrder(rows: Row[]): Row[] {
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]![1] === rows[i - 1]![1]) return rows.sort(readingOrder);
  }
  return rows;
}

/** What every reader reads of a claim, in this order; the context's and the records' columns follow when asked for. */
const COLUMNS = ['c.id', 'h.start_cp', 'h.end_cp', 'h.quote', 'c.actor_id', 'c.via_actor_id', 'c.claimed_on', 'c.note_text', 'c.created_at', 'c.updated_at', rowKey('c.rowid')];
type Row = [
  claimId: string, start: number, end: number, quote: string, actorId: string, viaId: string | null, claimedOn: string | null, noteText: string, createdAt: string, updatedAt: string, rowid: ClaimKey,
  ...more: string[],
];
/** A text column after COLUMNS. */
const textAt = (row: Row, at: number) => row[at] as string;
const CONTEXT_COLUMNS = ['h.prefix', 'h.suffix'];
const RECORD_COLUMNS = ['h.id', 'c.note_json', 'h.created_at', 'h.updated_at'];

/**
 * Reads claims an article at a time. The article's and actors' fields are filled in from memory
 * rather than joined in SQL, and only the columns asked for are read: reading 100,000 rows costs
 * mostly in the strings each column makes (an empty one too).
 */
class ClaimReader {
  private readonly actors: Map<string, string>;
  /** By claim key. */
  private readonly tags: ByClaim<TagLists>;
  private readonly statement: Database.Statement;
  private readonly context: boolean;
  private readonly records: boolean;
  /** Where the records' columns start in a row. */
  private readonly recordsAt: number;

  constructor(db: Database.Database, articleIds: string[] | null, fields: ClaimFields) {
    this.context = fields.context;
    this.records = fields.records ?? false;
    this.actors = actorNames(db);
    this.tags = fields.tags || this.records ? tagsByClaim(db, articleIds) : {};
    // Dates left out are read as SQL's empty text, which makes no new string.
    const claimColumns = fields.dates === false && !this.records ? COLUMNS.map((column) => (column === 'c.created_at' || column === 'c.updated_at' ? "''" : column)) : COLUMNS;
    const columns = [...claimColumns, ...(this.context ? CONTEXT_COLUMNS : []), ...(this.records ? RECORD_COLUMNS : [])];
    this.recordsAt = COLUMNS.length + (this.context ? CONTEXT_COLUMNS.length : 0);
    this.statement = db
      .prepare(`SELECT ${columns.join(', ')} FROM highlights h JOIN claims c ON c.highlight_id = h.id WHERE h.article_id = ? ORDER BY h.start_cp`)
      .raw();
  }

  /** The article's claims in reading order, and the offset map of its text they were checked on. */
  claimsOf(article: ArticleFacts): { claims: ClaimRow[]; text: OffsetMap } {
    const rows = inReadingOrder(this.statement.all(article.id) as Row[]);
    const text = new OffsetMap(rows.length ? article.text : ''); // an article without claims is not scanned
    const claims = rows.map((row): ClaimRow => {
      const [claimId, start, end, quote, actorId, viaId, claimedOn, noteText, createdAt, updatedAt, rowid] = row;
      const holds = anchorHolds(text, start, end, quote);
      const tags = this.tags[rowid] ?? NO_TAGS;
      // A span that holds has its context read off the text, as the app stores it: the file's copy could say otherwise.
      const fromText = holds && this.context;
      return {
        claimId,
        rowid,
        articleId: article.id,
        articleTitle: article.title,
        outlet: article.outlet,
        publishedAt: article.publishedAt,
        start,
        end,
        holds,
        quote,
        prefix: fromText ? prefixAt(text, start) : this.context ? textAt(row, COLUMNS.length) : '',
        suffix: fromText ? suffixAt(text, end) : this.context ? textAt(row, COLUMNS.length + 1) : '',
        actorId,
        actor: this.actors.get(actorId) ?? '',
        viaId,
        via: viaId === null ? null : (this.actors.get(viaId) ?? ''),
        claimedOn,
        tags: tags.names,
        noteText,
        createdAt,
        updatedAt,
        records: this.records ? this.recordsOf(row, article.id, tags.ids) : null,
      };
    });
    return { claims, text };
  }

  /** The claim's and its highlight's records, from a row that has the records' columns. */
  private recordsOf(row: Row, articleId: string, tagIds: string[]): ClaimRecords {
    const [claimId, start, end, , actorId, viaId, claimedOn, noteText, createdAt, updatedAt] = row;
    const at = this.recordsAt;
    const highlightId = textAt(row, at);
    return {
      // Keys in the order project JSON writes them.
      claim: { id: claimId, highlightId, actorId, viaActorId: viaId, claimedOn, tagIds, noteJson: textAt(row, at + 1), noteText, createdAt, updatedAt },
      highlight: { id: highlightId, articleId, start, end, createdAt: textAt(row, at + 2), updatedAt: textAt(row, at + 3) },
    };
  }
}

/** Claims in reading order, article by article. */
export function* claimRows(db: Database.Database, articleIds: string[] | null, fields = EVERYTHING): Generator<ClaimRow> {
  for (const { claims } of claimsByArticle(db, articleIds, fields)) yield* claims;
}

/**
 * Each article in scope (text included) with its claims in reading order, one article at a time,
 * and the offset map of its text (of '' when it has no claims).
 */
export function* claimsByArticle(db: Database.Database, articleIds: string[] | null, fields = EVERYTHING): Generator<{ article: ArticleRecord; claims: ClaimRow[]; text: OffsetMap }> {
  const reader = new ClaimReader(db, articleIds, fields);
  for (const article of new ProjectRecords(db, articleIds).articles()) yield { article, ...reader.claimsOf(article) };
}

/** The claims the links join, by claim key (read with `rowids`; a claim the file lacks has none). */
export function linkedClaims(links: Iterable<LinkRow>): ByClaim<boolean> {
  const linked: ByClaim<boolean> = {};
  for (const { rowidA, rowidB } of links) {
    if (rowidA !== null) linked[rowidA] = true;
    if (rowidB !== null) linked[rowidB] = true;
  }
  return linked;
}

/**
 * Links whose two claims are both in scope, oldest first (as project JSON lists them). Actors and
 * articles come from the copies each link keeps of its claims' (see migration 3), so nothing is
 * joined; each link's record, and its claims' rowids, are read with it when asked for.
 */
export function* linkRows(db: Database.Database, articleIds: string[] | null, { records = false, rowids = false } = {}): Generator<LinkRow> {
  const actors = actorNames(db);
  const rowid = (column: string) => (rowids ? `(SELECT ${rowKey('rowid')} FROM claims WHERE id = ${column})` : 'NULL');
  const rows = db
    .prepare(
      `SELECT id, kind, status, claim_a, claim_b, a_article, b_article, a_actor, b_actor, rationale_text, created_by, created_at, updated_at,
              ${records ? 'rationale_json' : 'NULL'}, ${rowid('claim_a')}, ${rowid('claim_b')}
       FROM links WHERE 1 ${inArticles(articleIds, 'a_article')} ${inArticles(articleIds, 'b_article')}
       ORDER BY created_at, id`,
    )
    .raw()
    .iterate(articleParams(articleIds)) as IterableIterator<
    [string, LinkRow['kind'], LinkRow['status'], string, string, string, string, string, string, string, string, string, string, string | null, ClaimKey | null, ClaimKey | null]
  >;
  for (const [linkId, kind, status, claimA, claimB, articleA, articleB, actorA, actorB, rationaleText, createdBy, createdAt, updatedAt, rationaleJson, rowidA, rowidB] of rows) {
    // Keys in the order project JSON writes them.
    const record = records ? { id: linkId, claimA, claimB, kind, status, rationaleJson: rationaleJson!, rationaleText, createdBy, createdAt, updatedAt } : null;
    yield { linkId, kind, status, claimA, claimB, articleA, articleB, actorA: actors.get(actorA) ?? '', actorB: actors.get(actorB) ?? '', rationaleText, createdBy, createdAt, updatedAt, record, rowidA, rowidB };
  }
}
