import path from 'node:path';
import type Database from 'better-sqlite3';
import { linkedClaims, linkRows, type ByClaim, type ClaimKey } from './claim-rows';
import { claimCsvLines } from './csv-claim-lines';
import { writeFilesTogether, type Produce } from './output';
import { ProjectRecords } from './records';
import type { AttentionTally } from './span-check';
import { csvCells, type Cell } from './csv-encode';
import type { ArticleRecord } from '../../../shared/export/project-json';

export interface CsvOptions {
  /** Start each file with a byte-order mark, for Excel. */
  bom: boolean;
  /** Keep values as they are, without the quote mark that stops spreadsheets reading formulas. */
  raw: boolean;
}

/** One CSV file: its header, then its rows' lines (each CRLF ended), each handed to the writer as it is made. */
function csvFile(file: string, header: string[], lines: Iterable<string>, options: CsvOptions): { target: string; produce: Produce } {
  return {
    target: file,
    produce: (write) => {
      write(`${options.bom ? '\ufeff' : ''}${csvCells(header, options.raw)}\r\n`);
      for (const line of lines) write(line);
    },
  };
}

/** Rows of cells as lines. */
function* csvLines<T>(rows: Iterable<T>, toCells: (row: T) => Cell[], raw: boolean): Generator<string> {
  for (const row of rows) yield `${csvCells(toCells(row), raw)}\r\n`;
}

/** What links.csv writes for a side whose claim is not in claims.csv: five empty cells. */
const NO_SIDE = ',,,,';

/**
 * claims.csv, links.csv, actors.csv and articles.csv in `folder`: one row per record, UTF-8,
 * optionally with a byte-order mark so Excel reads the encoding right. A claim whose span does not
 * hold on its text keeps its row, with no start and end and needs_attention "yes"; `tally` counts them.
 */
export async function writeCsvTables(db: Database.Database, folder: string, articleIds: string[] | null, options: CsvOptions, tally: AttentionTally): Promise<void> {
  const { raw } = options;
  const records = new ProjectRecords(db, articleIds);
  const links = [...linkRows(db, articleIds, { rowids: true })];
  // links.csv repeats each side's quote, article, outlet and date, and articles.csv each article's
  // facts and length: kept from claims.csv rather than read again (the articles with their texts).
  // Sides are known by their claims' keys (a side the file lacks has none).
  const linked = linkedClaims(links);
  const sides: ByClaim<string> = {};
  const side = (key: ClaimKey | null) => (key === null ? NO_SIDE : (sides[key] ?? NO_SIDE));
  const articleLines: string[] = [];
  const articleLine = (a: ArticleRecord, codePoints: number) =>
    articleLines.push(`${csvCells([a.id, a.title, a.outlet, a.author, a.publishedAt ?? '', a.url, a.language, a.sourceName, a.sourceKind, codePoints, a.createdAt, a.updatedAt], raw)}\r\n`);
  // Written one after the other, claims.csv first: links.csv and articles.csv use what it gathers.
  await writeFilesTogether([
    csvFile(
      path.join(folder, 'claims.csv'),
      ['claim_id', 'article_id', 'article_title', 'outlet', 'published_at', 'start', 'end', 'quote', 'prefix', 'suffix', 'actor_id', 'actor', 'via_id', 'via', 'claimed_on', 'tags', 'note', 'created_at', 'updated_at', 'needs_attention'],
      claimCsvLines(db, articleIds, raw, tally, linked, sides, articleLine),
      options,
    ),
    csvFile(
      path.join(folder, 'links.csv'),
      [
        'link_id', 'kind', 'status',
        'claim_a', 'actor_a', 'quote_a', 'article_id_a', 'article_a', 'outlet_a', 'date_a',
        'claim_b', 'actor_b', 'quote_b', 'article_id_b', 'article_b', 'outlet_b', 'date_b',
        'rationale', 'created_by', 'created_at', 'updated_at',
      ],
      (function* () {
        for (const l of links) {
          yield `${csvCells([l.linkId, l.kind, l.status, l.claimA, l.actorA], raw)},${side(l.rowidA)},${csvCells([l.claimB, l.actorB], raw)},${side(l.rowidB)},${csvCells([l.rationaleText, l.createdBy, l.createdAt, l.updatedAt], raw)}\r\n`;
        }
      })(),
      options,
    ),
    csvFile(
      path.join(folder, 'actors.csv'),
      ['actor_id', 'name', 'kind', 'role', 'aliases', 'created_at', 'updated_at'],
      csvLines(records.actors(), (a) => [a.id, a.name, a.kind, a.role, a.aliases.map((x) => x.alias).join('; '), a.createdAt, a.updatedAt], raw),
      options,
    ),
    csvFile(
      path.join(folder, 'articles.csv'),
      ['article_id', 'title', 'outlet', 'author', 'published_at', 'url', 'language', 'source_name', 'source_kind', 'length', 'created_at', 'updated_at'],
      articleLines,
      options,
    ),
  ]);
}
