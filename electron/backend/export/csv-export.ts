import path from 'node:path';
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { claimRows, linkRows } from './claim-rows';
import { writeFileAtomically } from './output';
import { ProjectRecords } from './records';

type Cell = string | number | null;

/** Rows handed to the CSV writer at once: one call per row costs more than the rows. */
const BATCH = 2000;

/**
 * RFC 4180: CRLF row ends, quotes doubled. csv-stringify quotes a field holding the row end
 * (CRLF) but not one holding a bare LF or CR, which Excel and most readers take for a row end:
 * those are quoted too.
 */
const OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** One CSV file, written a batch of rows at a time. */
async function writeCsv(file: string, header: string[], rows: Iterable<Cell[]>, bom: boolean): Promise<void> {
  await writeFileAtomically(file, (write) => {
    if (bom) write('\ufeff');
    let batch: Cell[][] = [header];
    for (const row of rows) {
      batch.push(row);
      if (batch.length === BATCH) {
        write(stringify(batch, OPTIONS));
        batch = [];
      }
    }
    if (batch.length) write(stringify(batch, OPTIONS));
  });
}

function* map<T>(rows: Iterable<T>, toCells: (row: T) => Cell[]): Generator<Cell[]> {
  for (const row of rows) yield toCells(row);
}

/**
 * claims.csv, links.csv, actors.csv and articles.csv in `folder`: one row per record, UTF-8,
 * optionally with a byte-order mark so Excel reads the encoding right.
 */
export async function writeCsvTables(db: Database.Database, folder: string, articleIds: string[] | null, bom: boolean): Promise<void> {
  const records = new ProjectRecords(db, articleIds);
  // links.csv repeats both claims' quotes: kept from claims.csv rather than read again.
  const quotes = new Map<string, string>();
  await writeCsv(
    path.join(folder, 'claims.csv'),
    ['claim_id', 'article_id', 'article_title', 'outlet', 'published_at', 'start', 'end', 'quote', 'prefix', 'suffix', 'actor_id', 'actor', 'via_id', 'via', 'claimed_on', 'tags', 'note', 'created_at', 'updated_at'],
    map(claimRows(db, articleIds), (c) => {
      quotes.set(c.claimId, c.quote);
      return [c.claimId, c.articleId, c.articleTitle, c.outlet, c.publishedAt ?? '', c.start, c.end, c.quote, c.prefix, c.suffix, c.actorId, c.actor, c.viaId ?? '', c.via ?? '', c.claimedOn ?? '', c.tags.join('; '), c.noteText, c.createdAt, c.updatedAt];
    }),
    bom,
  );
  await writeCsv(
    path.join(folder, 'links.csv'),
    ['link_id', 'kind', 'status', 'claim_a', 'actor_a', 'quote_a', 'claim_b', 'actor_b', 'quote_b', 'rationale', 'created_by', 'created_at', 'updated_at'],
    map(linkRows(db, articleIds), (l) => [l.linkId, l.kind, l.status, l.claimA, l.actorA, quotes.get(l.claimA)!, l.claimB, l.actorB, quotes.get(l.claimB)!, l.rationaleText, l.createdBy, l.createdAt, l.updatedAt]),
    bom,
  );
  await writeCsv(
    path.join(folder, 'actors.csv'),
    ['actor_id', 'name', 'kind', 'role', 'aliases', 'created_at', 'updated_at'],
    map(records.actors(), (a) => [a.id, a.name, a.kind, a.role, a.aliases.map((x) => x.alias).join('; '), a.createdAt, a.updatedAt]),
    bom,
  );
  await writeCsv(
    path.join(folder, 'articles.csv'),
    ['article_id', 'title', 'outlet', 'author', 'published_at', 'url', 'language', 'source_name', 'source_kind', 'length', 'created_at', 'updated_at'],
    map(records.articles(), (a) => [a.id, a.title, a.outlet, a.author, a.publishedAt ?? '', a.url, a.language, a.sourceName, a.sourceKind, Array.from(a.text).length, a.createdAt, a.updatedAt]),
    bom,
  );
}
