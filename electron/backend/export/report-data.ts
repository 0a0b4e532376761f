import { isoDay } from '../../../shared/text/relative-date';
import type Database from 'better-sqlite3';
import type { LinkKind, LinkStatus } from '../../../shared/domain';
import { reportSource, type ReportClaim, type ReportLink, type ReportPair } from '../../../shared/export/report';
import { actorColourIndexes } from '../../../shared/palette';
import { earlierFirst } from '../features/links/sides';
import { claimsByArticle, type ByClaim, type ClaimKey } from './claim-rows';
import { rowKey } from '../db/row-key';

export interface ReportData {
  /** Claims by actor (alphabetical), each actor's in date order. */
  claimsByActor: Array<{ actor: string; claims: ReportClaim[] }>;
  claims: number;
  /** Claims whose span does not hold on their text: kept, and marked. */
  needsAttention: number;
  contradictions: ReportPair[];
  corroborations: ReportPair[];
}

/** A claim as the report shows it, with its actor's id for grouping. */
interface ReportEntry extends ReportClaim {
  actorId: string;
}

/** isoDay over the few dates a project's claims and articles repeat, each checked once. */
function dayOf(): (value: string | null) => string | null {
  const days = new Map<string | null, string | null>();
  return (value) => {
    let day = days.get(value);
    if (day === undefined) days.set(value, (day = isoDay(value)));
    return day;
  };
}

/** Orders ISO dates (YYYY-MM-DD) by code unit, which is by date; undated ('') first. */
const byIsoDate = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** A link whose sides keep their actors' ids, for grouping. */
type EntryLink = ReportLink & { a: ReportEntry; b: ReportEntry };

/** Links grouped by actor pair, the pair with most links first; within a pair, by date. */
function groupByPair(links: EntryLink[]): ReportPair[] {
  const groups = new Map<string, ReportPair>();
  for (const link of links) {
    // The pair's actors by name (the earlier side first when the names compare equal).
    const [first, second] = link.a.actor.localeCompare(link.b.actor) > 0 ? [link.b, link.a] : [link.a, link.b];
    const key = `${first.actorId} ${second.actorId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { a: { name: first.actor }, b: { name: second.actor }, links: [] }));
    group.links.push(link);
  }
  return [...groups.values()].sort((x, y) => y.links.length - x.links.length || x.a.name.localeCompare(y.a.name));
}

/**
 * Everything the report shows, read in two passes: the claims in scope, then the links between
 * them, whose sides are the claims already read rather than joined again.
 */
export function reportData(db: Database.Database, articleIds: string[] | null): ReportData {
  // Each actor in the colour the app gives it (dates are read bounded: a file may hold anything there).
  const colours = actorColourIndexes(db.prepare('SELECT id, substr(created_at, 1, 40) AS createdAt FROM actors').all() as Array<{ id: string; createdAt: string }>);
  const day = dayOf();
  // Only what the report uses of each claim is kept (the rows die young: 100,000 kept would be copied by every young-generation collection).
  const claims: ReportEntry[] = [];
  /** The same claims by claim key, for the links to find theirs without a map of 100,000 claim ids. */
  const byRowid: ByClaim<ReportEntry> = {};
  for (const { article, claims: rows } of claimsByArticle(db, articleIds, { tags: false, context: false, dates: false })) {
    const source = reportSource(article.outlet, article.title);
    for (const c of rows) {
      const entry: ReportEntry = {
        actor: c.actor,
        via: c.via,
        source,
        // Only a date: a file written by another program may hold anything in these columns.
        date: day(c.claimedOn) ?? day(c.publishedAt),
        quote: c.quote,
        note: c.noteText,
        colour: colours.get(c.actorId) ?? 0,
        needsAttention: !c.holds,
        actorId: c.actorId,
      };
      claims.push(entry);
      byRowid[c.rowid] = entry;
    }
  }

  const byKind: Record<LinkKind, EntryLink[]> = { contradicts: [], corroborates: [] };
  const links = db
    .prepare(`SELECT l.kind, l.status, ${rowKey('a.rowid')}, ${rowKey('b.rowid')}, l.rationale_text FROM links l JOIN claims a ON a.id = l.claim_a JOIN claims b ON b.id = l.claim_b ORDER BY l.sort_date, l.id`)
    .raw()
    .iterate() as IterableIterator<[LinkKind, LinkStatus, ClaimKey, ClaimKey, string]>;
  for (const [kind, status, claimA, claimB, rationaleText] of links) {
    const a = byRowid[claimA];
    const b = byRowid[claimB];
    // A side outside the chosen articles, or a kind Gainsay does not make (a file written by another program).
    if (!a || !b || !Object.hasOwn(byKind, kind)) continue;
    const [first, second] = earlierFirst<ReportEntry>(a, b, (side) => side);
    byKind[kind].push({ status, rationaleText, a: first, b: second });
  }

  const byActor = new Map<string, { actor: string; claims: ReportClaim[] }>();
  for (const claim of claims) {
    const entry = byActor.get(claim.actorId) ?? { actor: claim.actor, claims: [] };
    entry.claims.push(claim);
    byActor.set(claim.actorId, entry);
  }
  const claimsByActor = [...byActor.values()].sort((x, y) => x.actor.localeCompare(y.actor));
  // A stable sort: claims of one date stay in reading order.
  for (const entry of claimsByActor) entry.claims.sort((x, y) => byIsoDate(x.date ?? '', y.date ?? ''));
  let needsAttention = 0;
  for (const claim of claims) if (claim.needsAttention) needsAttention++;
  return { claimsByActor, claims: claims.length, needsAttention, contradictions: groupByPair(byKind.contradicts), corroborations: groupByPair(byKind.corroborates) };
}
