import path from 'node:path';
import type Database from 'better-sqlite3';
import { BRAT_ANNOTATION_CONF, bratNote, bratSpan, lineBreaks } from '../../../shared/export/brat';
import { BRAT_RECORDS_FILE, BRAT_RECORDS_FORMAT, type BratRecords } from '../../../shared/export/brat-records';
import type { LinkRecord } from '../../../shared/export/project-json';
import { ProjectRecords, articleParams, inArticles } from './records';
import { binaryOrder } from './binary-order';
import { claimsByArticle, linkRows, type ByClaim, type ClaimKey, type ClaimRecords, type LinkRow } from './claim-rows';
import { alongside, type StartPart } from './parts';
import type { AttentionTally } from './span-check';
import { articleFileName } from './file-names';
import { writeFileAtomically, writeWhole } from './output';

export const CROSS_DOCUMENT_LINKS = 'cross-document-links.tsv';

/** Where a linked claim was written: its document, and its entity there. */
interface Entity {
  articleId: string;
  t: string;
}

/** What writing some of the articles gives the rest of the export (see writeBrat). */
export interface BratArticles {
  /** Claims left out (their span does not hold, or holds nothing but whitespace). */
  claimsLeftOut: number;
  /** The linked claims written, by claim key. */
  entities: ByClaim<Entity>;
  /** The sidecar's records of these articles, in the order read (their texts are in their .txt files). */
  articles: Array<BratRecords['articles'][number]>;
  /** The sidecar's records of the claims written and their highlights, by article, already JSON. */
  recordsByArticle: Array<[articleId: string, records: ArticleRecordsJson]>;
}

/** The links in scope, the claims they join by claim key, and the links within each article. */
interface ScopeLinks {
  links: LinkRow[];
  linked: ByClaim<boolean>;
  within: Map<string, LinkRow[]>;
}

function scopeLinks(db: Database.Database, articleIds: string[] | null, records: boolean): ScopeLinks {
  const links: LinkRow[] = [];
  const linked: ByClaim<boolean> = {};
  const within = new Map<string, LinkRow[]>();
  for (const link of linkRows(db, articleIds, { records, rowids: true })) {
    links.push(link);
    if (link.rowidA !== null) linked[link.rowidA] = true;
    if (link.rowidB !== null) linked[link.rowidB] = true;
    if (link.articleA !== link.articleB) continue;
    if (within.has(link.articleA)) within.get(link.articleA)!.push(link);
    else within.set(link.articleA, [link]);
  }
  return { links, linked, within };
}

/**
 * Whether a link is written, given where its claims were: both as entities, and for a link within
 * one article (an R line in its .ann), both in that article. brat relations cannot join documents:
 * other links go to cross-document-links.tsv.
 */
function linkWritten(link: LinkRow, a: Entity | undefined, b: Entity | undefined): boolean {
  if (!a || !b) return false;
  return link.articleA !== link.articleB || (a.articleId === link.articleA && b.articleId === link.articleA);
}

/**
 * The .txt and .ann of some of the articles in `scope` (`articleIds`, in the order read), and what
 * the rest of the export needs of them. Each .ann numbers its entities from
 * T1 in reading order, as brat does (its ids are per document), so an article's files are the same
 * whichever articles are exported with it, and whichever thread writes them. A claim whose span
 * does not hold on its text is left out (brat has no entity without a span), as is a claim of
 * nothing but whitespace (brat has no entity without a character).
 */
export function writeBratArticles(db: Database.Database, folder: string, articleIds: string[], scope: string[] | null, { linked, within }: ScopeLinks): BratArticles {
  const written: BratArticles = { claimsLeftOut: 0, entities: {}, articles: [], recordsByArticle: [] };
  const entityOf = (rowid: ClaimKey | null) => (rowid === null ? undefined : written.entities[rowid]);
  // Code points are found through an offset map (text): an array of every character would cost more than the rest.
  for (const { article, claims, text } of claimsByArticle(db, articleIds, { tags: true, context: false, records: true, tagScope: scope })) {
    writeWhole(path.join(folder, articleFileName(article, 'txt')), article.text);
    const { text: _text, ...record } = article;
    written.articles.push(record);
    const breaks = lineBreaks(text);
    const recordsWritten: WrittenClaim[] = [];
    // The .ann text, a line at a time (each ended by a line break).
    let ann = '';
    let notes = 0;
    for (const claim of claims) {
      const span = claim.holds ? bratSpan(text, breaks, claim.start, claim.end, claim.quote) : null;
      if (!span) {
        written.claimsLeftOut++;
        continue;
      }
      const t = `T${recordsWritten.length + 1}`;
      if (linked[claim.rowid]) written.entities[claim.rowid] = { articleId: article.id, t };
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
      if (!linkWritten(link, a, b)) continue;
      const r = `R${++relations}`;
      ann += `${r}\t${relationType(link)} Arg1:${a!.t} Arg2:${b!.t}\n`;
      ann += `#${++notes}\tAnnotatorNotes ${r}\t${bratNote(`status: ${link.status}${link.rationaleText ? `; rationale: ${link.rationaleText}` : ''}`)}\n`;
    }
    writeWhole(path.join(folder, articleFileName(article, 'ann')), ann);
    if (recordsWritten.length) written.recordsByArticle.push([article.id, articleRecordsJson(recordsWritten)]);
  }
  return written;
}

/** The second half of the articles in scope (see writeBrat): a part of the export. */
export function writeBratHalf(db: Database.Database, folder: string, articleIds: string[], scope: string[] | null): BratArticles {
  return writeBratArticles(db, folder, articleIds, scope, scopeLinks(db, scope, false));
}

/**
 * The articles in scope in the order exports read them, cut in two with about as many claims on
 * each side (a half may be empty).
 */
function halves(db: Database.Database, articleIds: string[] | null): [string[], string[]] {
  const rows = db
    .prepare(`SELECT a.id, (SELECT count(*) FROM highlights h WHERE h.article_id = a.id) FROM articles a WHERE 1 ${inArticles(articleIds, 'a.id')} ORDER BY a.seq`)
    .raw()
    .all(articleParams(articleIds)) as Array<[string, number]>;
  const total = rows.reduce((sum, [, claims]) => sum + claims, 0);
  let cut = 0;
  for (let sum = 0; cut < rows.length && sum + rows[cut]![1] / 2 <= total / 2; cut++) sum += rows[cut]![1];
  return [rows.slice(0, cut).map(([id]) => id), rows.slice(cut).map(([id]) => id)];
}

/**
 * brat standoff in `folder`: per article `<id>.txt` (the stored text, byte for byte) and
 * `<id>.ann` with a T line per claim, an AnnotatorNotes line with its actor, channel and tags,
 * and an R line per link within the article (with its status and rationale as a note).
 * brat relations cannot join documents, so links between articles go to cross-document-links.tsv.
 * A T line holds the claim's span split at brat's line breaks and trimmed to non-whitespace (what
 * brat shows); the exact span and what brat has no place for go to gainsay-records.json.
 * The articles' second half is written as a part of the export (parts.ts), meanwhile; the files
 * that join the halves are written once both are. `tally` counts the claims and links left out.
 */
export async function writeBrat(db: Database.Database, folder: string, articleIds: string[] | null, tally: AttentionTally, startPart: StartPart): Promise<void> {
  const [first, second] = halves(db, articleIds);
  await alongside(startPart, { name: 'brat-half', folder, articleIds: second, scope: articleIds }, async (secondHalf) => {
    writeWhole(path.join(folder, 'annotation.conf'), BRAT_ANNOTATION_CONF);
    const scope = scopeLinks(db, articleIds, true);
    const firstHalf = writeBratArticles(db, folder, first, articleIds, scope);
    const { brat: rest } = await secondHalf;
    const both = [firstHalf, rest!];
    const entities: ByClaim<Entity> = Object.assign({}, ...both.map((half) => half.entities));
    const entityOf = (rowid: ClaimKey | null) => (rowid === null ? undefined : entities[rowid]);
    const cross = ['link_id\tkind\tstatus\tdocument_a\tentity_a\tdocument_b\tentity_b\trationale'];
    const linkRecords: LinkRecord[] = [];
    for (const link of scope.links) {
      const [a, b] = [entityOf(link.rowidA), entityOf(link.rowidB)];
      if (!linkWritten(link, a, b)) {
        tally.links++;
        continue;
      }
      linkRecords.push(link.record!);
      if (link.articleA !== link.articleB) cross.push([link.linkId, relationType(link), link.status, a!.articleId, a!.t, b!.articleId, b!.t, bratNote(link.rationaleText)].join('\t'));
    }
    writeWhole(path.join(folder, CROSS_DOCUMENT_LINKS), `${cross.join('\n')}\n`);
    for (const half of both) tally.claims += half.claimsLeftOut;
    await writeRecords(db, path.join(folder, BRAT_RECORDS_FILE), articleIds, {
      articles: both.flatMap((half) => half.articles),
      byArticle: new Map(both.flatMap((half) => half.recordsByArticle)),
      links: linkRecords,
    });
  });
}

type SectionName = Exclude<keyof BratRecords, 'format' | 'formatVersion'>;

/** Each section of gainsay-records.json as pieces of its list written by nestedJson, in order. */
type RecordSections = { [S in SectionName]: Iterable<string | Uint8Array> };

/** A claim written, with its T. */
interface WrittenClaim {
  records: ClaimRecords;
  t: string;
}

/** One article's part of the sidecar's highlights and of its claims, as nestedJson writes them (a thread passes them on as Uint8Arrays). */
interface ArticleRecordsJson {
  highlights: Uint8Array;
  claims: Uint8Array;
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
function* recordsJson(sections: RecordSections): Generator<string | Uint8Array> {
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
