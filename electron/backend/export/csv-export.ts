import path from 'node:path';
import type Database from 'better-sqlite3';
import { claimRows, linkRows } from './claim-rows';
import { writeFileAtomically } from './output';
import { ProjectRecords } from './records';
import type { AttentionTally } from './span-check';
import { csvRows, type Cell } from './csv-encode';
import { utf16ToCodePoint } from '../../../shared/offsets';

/** Rows handed to the CSV writer at once: one call per row costs more than the rows. */
const BATCH = 2000;

export interface CsvOptions {
  /** Start each file with a byte-order mark, for Excel. */
  bom: boolean;
  /** Keep values as they are, without the quote mark that stops spreadsheets reading formulas. */
  raw: boolean;
}

/** One CSV file, written a batch of rows at a time. */
async function writeCsv(file: string, header: string[], rows: Iterable<Cell[]>, options: CsvOptions): Promise<void> {
  await writeFileAtomically(file, (write) => {
    if (options.bom) write('\ufeff');
    let batch: Cell[][] = [header];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === BATCH) {
        write(csvRows(batch, options.raw));
        batch = [];
      }
    }
    if (batch.length) write(csvRows(batch, options.raw));
  });
}

function* map<T>(rows: Iterable<T>, toCells: (row: T) => Cell[]): Generator<Cell[]> {
  for (const row of rows) yield toCells(row);
}

/**
 * claims.csv, links.csv, actors.csv and articles.csv in `folder`: one row per record, UTF-8,
 * optionally with a byte-order mark so Excel reads the encoding right. A claim whose span does not
 * hold on its text keeps its row, with no start and end and needs_attention "yes"; `tally` counts them.
 */
export async function writeCsvTables(db: Database.Database, folder: string, articleIds: string[] | null, options: CsvOptions, tally: AttentionTally): Promise<void> {
  const records = new ProjectRecords(db, articleIds);
  // links.csv repeats each side's quote, article, outlet and date: kept from claims.csv rather than read again.
  const sides = new Map<string, Cell[]>();
  await writeCsv(
    path.join(folder, 'claims.csv'),
    ['claim_id', 'article_id', 'article_title', 'outlet', 'published_at', 'start', 'end', 'quote', 'prefix', 'suffix', 'actor_id', 'actor', 'via_id', 'via', 'claimed_on', 'tags', 'note', 'created_at', 'updated_at', 'needs_attention'],
    map(claimRows(db, articleIds), (c) => {
      // The side's date as the review list shows it: when the claim was made, else the article's date.
      sides.set(c.claimId, [c.quote, c.articleId, c.articleTitle, c.outlet, c.claimedOn ?? c.publishedAt?.slice(0, 10) ?? '']);
      if (!c.holds) tally.claims++;
      const [start, end] = c.holds ? [c.start, c.end] : ['', ''];
      return [c.claimId, c.articleId, c.articleTitle, c.outlet, c.publishedAt ?? '', start, end, c.quote, c.prefix, c.suffix, c.actorId, c.actor, c.viaId ?? '', c.via ?? '', c.claimedOn ?? '', c.tags.join('; '), c.noteText, c.createdAt, c.updatedAt, c.holds ? '' : 'yes'];
    }),
    options,
  );
  const side = (claimId: string) => sides.get(claimId) ?? ['', '', '', '', ''];
  await writeCsv(
    path.join(folder, 'links.csv'),
    [
      'link_id', 'kind', 'status',
      'claim_a', 'actor_a', 'quote_a', 'article_id_a', 'article_a', 'outlet_a', 'date_a',
      'claim_b', 'actor_b', 'quote_b', 'article_id_b', 'article_b', 'outlet_b', 'date_b',
      'rationale', 'created_by', 'created_at', 'updated_at',
    ],
    map(linkRows(db, articleIds), (l) => [l.linkId, l.kind, l.status, l.claimA, l.actorA, ...side(l.claimA), l.claimB, l.actorB, ...side(l.claimB), l.rationaleText, l.createdBy, l.createdAt, l.updatedAt]),
    options,
  );
  await writeCsv(
    path.join(folder, 'actors.csv'),
    ['actor_id', 'name', 'kind', 'role', 'aliases', 'created_at', 'updated_at'],
    map(records.actors(), (a) => [a.id, a.name, a.kind, a.role, a.aliases.map((x) => x.alias).join('; '), a.createdAt, a.updatedAt]),
    options,
  );
  await writeCsv(
    path.join(folder, 'articles.csv'),
    ['article_id', 'title', 'outlet', 'author', 'published_at', 'url', 'language', 'source_name', 'source_kind', 'length', 'created_at', 'updated_at'],
    map(records.articles(), (a) => [a.id, a.title, a.outlet, a.author, a.publishedAt ?? '', a.url, a.language, a.sourceName, a.sourceKind, utf16ToCodePoint(a.text, a.text.length), a.createdAt, a.updatedAt]),
    options,
  );
}
