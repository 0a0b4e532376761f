import type Database from 'better-sqlite3';
import type { ArticleRecord } from '../../../shared/export/project-json';
import { OffsetMap, utf16ToCodePoint } from '../../../shared/offsets';
import { anchorHolds, prefixAt, suffixAt } from '../features/annotations/anchors';
import { actorNames, readingOrder, tagsByClaim, type ByClaim, type ClaimKey, type TagLists } from './claim-rows';
import { rowKey } from '../db/row-key';
import { csvCell, csvCells, plainCells } from './csv-encode';
import { ProjectRecords } from './records';
import type { AttentionTally } from './span-check';

/** The values of claims.csv after the tags, joined by SQLite (see below). */
const TAIL = ['c.note_text', 'c.created_at', 'c.updated_at'];

type Row = [id: string, start: number, end: number, quote: string, actorId: string, viaId: string | null, claimedOn: string | null, key: ClaimKey, tail: string];

/**
 * Cells that many claims repeat, made once each: an actor's id and name, and a set of tags'
 * names. A project has hundreds of actors and a few sets of tags, and 100,000 claims.
 */
class SharedCells {
  private readonly actorNames: Map<string, string>;
  private readonly actors = new Map<string, string>();
  /** By the lists tagsByClaim (claim-rows.ts) shares among the claims with the same tags. */
  private readonly tagSets = new Map<TagLists, string>();

  constructor(
    db: Database.Database,
    private readonly raw: boolean,
  ) {
    this.actorNames = actorNames(db);
  }

  /** The actor's id and name (empty when the file names an actor it does not have, written with foreign keys off). */
  actor(id: string): string {
    let cells = this.actors.get(id);
    if (cells === undefined) this.actors.set(id, (cells = csvCells([id, this.actorNames.get(id) ?? ''], this.raw)));
    return cells;
  }

  /** The channel's id and name, or two empty cells. */
  via(id: string | null): string {
    return id === null ? ',' : this.actor(id);
  }

  /** The names of a claim's tags in name order (tags the file lost left out), or an empty cell for a claim without tags. */
  tags(lists: TagLists | undefined): string {
    if (!lists) return '';
    let cell = this.tagSets.get(lists);
    if (cell === undefined) this.tagSets.set(lists, (cell = csvCell(lists.names.join('; '), this.raw)));
    return cell;
  }
}

/**
 * claims.csv's rows, one line each (CRLF ended), in reading order, article by article; a claim
 * whose span does not hold on its text keeps its row, with no start and end, the context the file
 * keeps and needs_attention "yes" (`tally` counts them).
 *
 * Reading 100,000 rows costs mostly in the strings each column makes, and joins and subqueries
 * per claim cost more than the claims: actors' names and tags' names are looked up in memory
 * (SharedCells), the tags by each claim's rowid (db/row-key.ts's rowKey). SQLite joins the
 * last values into one string, which is written as it is when it is already their cells
 * (plainCells: nothing to quote or mark, as in nearly every claim); otherwise they are read
 * again one by one and written by csvCell. Whether the span holds, and the
 * context of one that does, are read off the text, as claim-rows.ts reads them for the other exports.
 *
 * `sides` receives, by claim key, for each claim in `linked` (by claim key too: looking up each
 * claim's id in a set of 40,000 cost ~150 ms at 100,000 claims), the cells links.csv repeats for
 * it: quote, article id, title, outlet and date (when the claim was made, else the article's day).
 * `eachArticle` is told of every article read, with its length in code points, so that
 * articles.csv need not read the articles' texts again.
 */
export function* claimCsvLines(
  db: Database.Database,
  articleIds: string[] | null,
  raw: boolean,
  tally: AttentionTally,
  linked: ByClaim<boolean>,
  sides: ByClaim<string>,
  eachArticle: (article: ArticleRecord, codePoints: number) => void,
): Generator<string> {
  const cell = (value: string) => csvCell(value, raw);
  const shared = new SharedCells(db, raw);
  // Every claim's tags at once, by claim key: a subquery per claim, in reading order, looked them
  // up all over the index, which cost twice as much as reading them all.
  const tags = tagsByClaim(db, articleIds);
  const claims = db
    .prepare(
      `SELECT c.id, h.start_cp, h.end_cp, h.quote, c.actor_id, c.via_actor_id, c.claimed_on, ${rowKey('c.rowid')}, ${TAIL.join(" || ',' || ")}
       FROM highlights h JOIN claims c ON c.highlight_id = h.id WHERE h.article_id = ?`,
    )
    .raw();
  const tailValues = db.prepare(`SELECT ${TAIL.join(', ')} FROM claims c WHERE c.id = ?`).raw();
  const storedContext = db.prepare('SELECT h.prefix, h.suffix FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = ?').raw();
  for (const article of new ProjectRecords(db, articleIds).articles()) {
    const rows = (claims.all(article.id) as Row[]).sort(readingOrder);
    if (!rows.length) {
      eachArticle(article, utf16ToCodePoint(article.text, article.text.length)); // an article without claims is not scanned
      continue;
    }
    const text = new OffsetMap(article.text);
    eachArticle(article, text.length);
    const articleCells = csvCells([article.id, article.title, article.outlet, article.publishedAt ?? ''], raw);
    const sideCells = csvCells([article.id, article.title, article.outlet], raw);
    const day = article.publishedAt?.slice(0, 10) ?? '';
    for (const [id, start, end, quote, actorId, viaId, claimedOn, key, joined] of rows) {
      const quoteCell = cell(quote);
      if (linked[key]) sides[key] = `${quoteCell},${sideCells},${cell(claimedOn ?? day)}`;
      const tail = plainCells(joined, TAIL.length, raw) ? joined : csvCells(tailValues.get(id) as string[], raw);
      const after = `${shared.actor(actorId)},${shared.via(viaId)},${cell(claimedOn ?? '')},${shared.tags(tags[key])},${tail}`;
      if (anchorHolds(text, start, end, quote)) {
        // A span that holds has its context read off the text, as the app stores it: the file's copy could say otherwise.
        yield `${cell(id)},${articleCells},${start},${end},${quoteCell},${cell(prefixAt(text, start))},${cell(suffixAt(text, end))},${after},\r\n`;
      } else {
        tally.claims++;
        const [prefix, suffix] = storedContext.get(id) as [string, string];
        yield `${cell(id)},${articleCells},,,${quoteCell},${cell(prefix)},${cell(suffix)},${after},yes\r\n`;
      }
    }
  }
}
