import path from 'node:path';
import type Database from 'better-sqlite3';
import { BRAT_ANNOTATION_CONF, bratNote, bratSpan, lineBreaks } from '../../../shared/export/brat';
import { BRAT_RECORDS_FILE, BRAT_RECORDS_FORMAT, type BratRecords } from '../../../shared/export/brat-records';
import type { LinkRecord } from '../../../shared/export/project-json';
import { ProjectRecords } from './records';
import { binaryOrder } from './binary-order';
import { claimsByArticle, linkedClaims, linkRows, type ByClaim, type ClaimKey, type ClaimRecords, type LinkRow } from './claim-rows';
import type { AttentionTally } from './span-check';
import { articleFileName } from './file-names';
import { writeFileAtomically, writeWhole } from './output';

export const CROSS_DOCUMENT_LINKS = 'cross-document-links.tsv';

/**
 * brat standoff in `folder`: per article `<id>.txt` (the stored text, byte for byte) and
 * `<id>.ann` with a T line per claim, an AnnotatorNotes line with its actor, channel and tags,
 * and an R line per link within the article (with its status and rationale as a note).
 * brat relations cannot join documents, so links between articles go to cross-document-links.tsv.
 * A T line holds the claim's span split at brat's line breaks and trimmed to non-whitespace (what
 * brat shows); the exact span and what brat has no place for go to gainsay-records.json.
 * Links are read first, so each article's file is written whole as soon as its claims are read.
 * A claim whose span does not hold on its text is left out (brat has no entity without a span),
 * with the links that need it; `tally` counts them.
 */
export async function writeBrat(db: Database.Database, folder: string, articleIds: string[] | null, tally: AttentionTally): Promise<void> {
  writeWhole(path.join(folder, 'annotation.conf'), BRAT_ANNOTATION_CONF);
  const within = new Map<string, LinkRow[]>();
  const across: LinkRow[] = [];
  /** Every link in scope, in the order the sidecar lists those written. */
  const links = [...linkRows(db, articleIds, { records: true, rowids: true })];
  /** The claims links join, by claim key: only their entities are looked up again. */
  const linked = linkedClaims(links);
  for (const link of links) {
    if (link.articleA !== link.articleB) across.push(link);
    else if (within.has(link.articleA)) within.get(link.articleA)!.push(link);
    else within.set(link.articleA, [link]);
  }
  /** Per linked claim written, by claim key: its document and T number. */
  const entities: ByClaim<{ articleId: string; t: string }> = {};
  const entityOf = (rowid: ClaimKey | null) => (rowid === null ? undefined : entities[rowid]);
  let entityCount = 0;
  /** The sidecar's records of the claims written, by article, already JSON. */
  const recordsByArticle = new Map<string, ArticleRecordsJson>();
  /** The sidecar's article records (every article in scope, as read: its text is in its .txt). */
  const articles: Array<BratRecords['articles'][number]> = [];
  /** The links written, as R lines or in the sidecar table. */
  const written = new Set<string>();
  // Code points are found through an offset map (text): an array of every character would cost more than the rest.
  for (const { article, claims, text } of claimsByArticle(db, articleIds, { tags: true, context: false, records: true })) {
    writeWhole(path.join(folder, articleFileName(article, 'txt')), article.text);
    const { text: _text, ...record } = article;
    articles.push(record);
    const recordsWritten: WrittenClaim[] = [];
    const breaks = lineBreaks(text);
    // The .ann text, a line at a time (each ended by a line break).
    let ann = '';
    let notes = 0;
    for (const claim of claims) {
      if (!claim.holds) {
        tally.claims++;
        continue;
      }
      const span = bratSpan(text, breaks, claim.start, claim.end, claim.quote);
      if (!span) {
        tally.claims++; // a claim of nothing but whitespace: brat has no entity without a character
        continue;
      }
      const t = `T${++entityCount}`;
      if (linked[claim.rowid]) entities[claim.rowid] = { articleId: article.id, t };
      recordsWritten.push({ records: claim.records!, t });
      ann += `${t}\tClaim ${span.offsets}\t${span.text}\n`;
      let note = `actor: ${claim.actor}`;
      if (claim.via) note += `; via: ${claim.via}`;
      if (claim.tags.length) note += `; tags: ${claim.tags.join(', ')}`;
      if (claim.noteText) note += `; note: ${claim.noteText}`;
      ann += `#${++notes}\tAnnotatorNotes ${t}\t${bratNote(note)}\n`;
    }
    let relations = 0;
    for (const link of within.get(article.id) ?? []) {
      const [a, b] = [entityOf(link.rowidA), entityOf(link.rowidB)];
      if (!a || !b) {
        tally.links++;
        continue;
      }
      const r = `R${++relations}`;
      written.add(link.linkId);
      ann += `${r}\t${relationType(link)} Arg1:${a.t} Arg2:${b.t}\n`;
      ann += `#${++notes}\tAnnotatorNotes ${r}\t${bratNote(`status: ${link.status}${link.rationaleText ? `; rationale: ${link.rationaleText}` : ''}`)}\n`;
    }
    writeWhole(path.join(folder, articleFileName(article, 'ann')), ann);
    if (recordsWritten.length) recordsByArticle.set(article.id, articleRecordsJson(recordsWritten));
  }
  const cross = ['link_id\tkind\tstatus\tdocument_a\tentity_a\tdocument_b\tentity_b\trationale'];
  for (const link of across) {
    const [a, b] = [entityOf(link.rowidA), entityOf(link.rowidB)];
    if (!a || !b) {
      tally.links++;
      continue;
    }
    written.add(link.linkId);
    cross.push([link.linkId, relationType(link), link.status, a.articleId, a.t, b.articleId, b.t, bratNote(link.rationaleText)].join('\t'));
  }
  writeWhole(path.join(folder, CROSS_DOCUMENT_LINKS), `${cross.join('\n')}\n`);
  const linkRecords = links.filter((link) => written.has(link.linkId)).map((link) => link.record!);
  await writeRecords(db, path.join(folder, BRAT_RECORDS_FILE), articleIds, { articles, byArticle: recordsByArticle, links: linkRecords });
}

type SectionName = Exclude<keyof BratRecords, 'format' | 'formatVersion'>;

/** Each section of gainsay-records.json as pieces of its list written by nestedJson, in order. */
type RecordSections = { [S in SectionName]: Iterable<string | Buffer> };

/** A claim written, with its T. */
interface WrittenClaim {
  records: ClaimRecords;
  t: string;
}

/** One article's part of the sidecar's highlights and of its claims, as nestedJson writes them. */
interface ArticleRecordsJson {
  highlights: Buffer;
  claims: Buffer;
}

/** Records stringified at once: one call per record costs more than the records. */
const BATCH = 1000;

/**
 * Records as JSON.stringify lists them two levels deep in a document indented by one space,
 * separated by commas: stringified in a list within a list, whose own brackets are cut off.
 */
function nestedJson(batch: object[]): string {
  return JSON.stringify([batch], null, 1).slice('[\n [\n  '.length, -'\n ]\n]'.length);
}

/** Records as nestedJson writes them, a batch at a time. */
function* batched<T extends object>(records: Iterable<T>): Generator<string> {
  let batch: T[] = [];
  for (const record of records) {
    if (batch.push(record) === BATCH) {
      yield nestedJson(batch);
      batch = [];
    }
  }
  if (batch.length) yield nestedJson(batch);
}

/**
 * One article's highlights and claims for the sidecar, in the order project JSON's queries give
 * (position, then id; the claims were read in reading order, which differs only where positions
 * tie), written as JSON at once: kept as records until every article is read, 100,000 claims'
 * objects cost more in garbage collection than the rest of the export.
 */
function articleRecordsJson(written: WrittenClaim[]): ArticleRecordsJson {
  written.sort(({ records: { highlight: x } }, { records: { highlight: y } }) => x.start - y.start || y.end - x.end || binaryOrder(x.id, y.id));
  const highlights = nestedJson(
    written.map(({ records: { highlight: h }, t }): BratRecords['highlights'][number] => ({ id: h.id, articleId: h.articleId, start: h.start, end: h.end, createdAt: h.createdAt, updatedAt: h.updatedAt, entity: t })),
  );
  written.sort(({ records: x }, { records: y }) => x.highlight.start - y.highlight.start || binaryOrder(x.claim.id, y.claim.id));
  const claims = nestedJson(written.map(({ records: { claim } }): BratRecords['claims'][number] => claim));
  return { highlights: Buffer.from(highlights), claims: Buffer.from(claims) };
}

/**
 * gainsay-records.json as JSON.stringify(records, null, 1) would write it, a piece of a list at
 * a time: the whole document would be one string of 75 MB at 100,000 claims.
 */
function* recordsJson(sections: RecordSections): Generator<string | Buffer> {
  yield `{\n "format": ${JSON.stringify(BRAT_RECORDS_FORMAT)},\n "formatVersion": 1`;
  for (const [name, pieces] of Object.entries(sections)) {
    let first = true;
    for (const piece of pieces) {
      yield first ? `,\n "${name}": [\n  ` : ',\n  ';
      yield piece;
      first = false;
    }
    yield first ? `,\n "${name}": []` : '\n ]';
  }
  yield '\n}\n';
}

/** What the sidecar writes as read with the claims and links. */
interface WrittenRecords {
  /** Every article's record, as project JSON lists them. */
  articles: Array<BratRecords['articles'][number]>;
  /** The highlights and claims written, per article (see articleRecordsJson). */
  byArticle: Map<string, ArticleRecordsJson>;
  /** The links written, in project JSON's order. */
  links: LinkRecord[];
}

/**
 * gainsay-records.json: the articles' records, the actors' and tags', the records of the claims
 * written and of their highlights (each with its claim's T; articles in the order of their ids,
 * as project JSON lists them), and of the links written.
 */
async function writeRecords(db: Database.Database, file: string, articleIds: string[] | null, written: WrittenRecords): Promise<void> {
  const records = new ProjectRecords(db, articleIds);
  const byArticle = [...written.byArticle.keys()].sort(binaryOrder).map((id) => written.byArticle.get(id)!);
  const sections: RecordSections = {
    articles: batched(written.articles),
    actors: batched<BratRecords['actors'][number]>(records.actors()),
    tags: batched<BratRecords['tags'][number]>(records.tags()),
    highlights: byArticle.map((a) => a.highlights),
    claims: byArticle.map((a) => a.claims),
    links: batched<BratRecords['links'][number]>(written.links),
  };
  await writeFileAtomically(file, (write) => {
    for (const chunk of recordsJson(sections)) write(chunk);
  });
}

const relationType = (link: LinkRow) => (link.kind === 'contradicts' ? 'Contradicts' : 'Corroborates');
