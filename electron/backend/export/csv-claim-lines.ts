import type Database from 'better-sqlite3';
import { OffsetMap } from '../../../shared/offsets';
import { anchorHolds, prefixAt, suffixAt } from '../features/annotations/anchors';
import { ARTICLE_CLAIMS_IN_READING_ORDER } from './claim-rows';
import { csvCell, csvCells, plainCells } from './csv-encode';
import { ProjectRecords } from './records';
import type { AttentionTally } from './span-check';

/** The values of claims.csv after the context, from actor_id to updated_at. */
const TAIL = [
  'c.actor_id',
  "ifnull(a.name, '')", // a file written with foreign keys off can name an actor it does not have
  "ifnull(c.via_actor_id, '')",
  "CASE WHEN c.via_actor_id IS NULL THEN '' ELSE ifnull(v.name, '') END",
  "ifnull(c.claimed_on, '')",
  // Tag names in the order SQL gives them everywhere else (name, which is NOCASE); tags the file lost are left out.
  "ifnull((SELECT group_concat(t.name, '; ' ORDER BY t.name) FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id), '')",
  'c.note_text',
  'c.created_at',
  'c.updated_at',
];

const FROM_CLAIMS = `FROM highlights h JOIN claims c ON c.highlight_id = h.id LEFT JOIN actors a ON a.id = c.actor_id LEFT JOIN actors v ON v.id = c.via_actor_id`;

type Row = [id: string, start: number, end: number, quote: string, claimedOn: string | null, tail: string];

/**
 * claims.csv's rows, one line each (CRLF ended), in reading order, article by article; a claim
 * whose span does not hold on its text keeps its row, with no start and end, the context the file
 * keeps and needs_attention "yes" (`tally` counts them).
 *
 * Reading 100,000 rows costs mostly in the strings each column makes: SQLite joins the values
 * after the context into one string, which is written as it is when it is already their cells
 * (plainCells: nothing to quote or mark, as in nearly every claim); otherwise they are read again
 * one by one and written by csvCell. Whether the span holds, and the context of one that does,
 * are read off the text, as claim-rows.ts reads them for the other exports.
 *
 * `sides` receives, for each claim in `linked`, the cells links.csv repeats for it: quote,
 * article id, title, outlet and date (when the claim was made, else the article's day).
 */
export function* claimCsvLines(db: Database.Database, articleIds: string[] | null, raw: boolean, tally: AttentionTally, linked: Set<string>, sides: Map<string, string>): Generator<string> {
  const cell = (value: string) => csvCell(value, raw);
  const claims = db
    .prepare(`SELECT c.id, h.start_cp, h.end_cp, h.quote, c.claimed_on, ${TAIL.join(" || ',' || ")} ${FROM_CLAIMS} ${ARTICLE_CLAIMS_IN_READING_ORDER}`)
    .raw();
  const tailValues = db.prepare(`SELECT ${TAIL.join(', ')} ${FROM_CLAIMS} WHERE c.id = ?`).raw();
  const storedContext = db.prepare('SELECT h.prefix, h.suffix FROM claims c JOIN highlights h ON h.id = c.highlight_id WHERE c.id = ?').raw();
  for (const article of new ProjectRecords(db, articleIds).articles()) {
    const rows = claims.all(article.id) as Row[];
    if (!rows.length) continue; // an article without claims is not scanned
    const text = new OffsetMap(article.text);
    const articleCells = csvCells([article.id, article.title, article.outlet, article.publishedAt ?? ''], raw);
    const sideCells = csvCells([article.id, article.title, article.outlet], raw);
    const day = article.publishedAt?.slice(0, 10) ?? '';
    for (const [id, start, end, quote, claimedOn, joined] of rows) {
      const quoteCell = cell(quote);
      if (linked.has(id)) sides.set(id, `${quoteCell},${sideCells},${cell(claimedOn ?? day)}`);
      const tail = plainCells(joined, TAIL.length, raw) ? joined : csvCells(tailValues.get(id) as string[], raw);
      if (anchorHolds(text, start, end, quote)) {
        // A span that holds has its context read off the text, as the app stores it: the file's copy could say otherwise.
        yield `${cell(id)},${articleCells},${start},${end},${quoteCell},${cell(prefixAt(text, start))},${cell(suffixAt(text, end))},${tail},\r\n`;
      } else {
        tally.claims++;
        const [prefix, suffix] = storedContext.get(id) as [string, string];
        yield `${cell(id)},${articleCells},,,${quoteCell},${cell(prefix)},${cell(suffix)},${tail},yes\r\n`;
      }
    }
  }
}
