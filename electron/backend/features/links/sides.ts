import type { ActorKind, ClaimSide, Link, LinkKind, LinkStatus } from '../../../../shared/domain';
import { QUOTE_IN_LISTS } from '../../../../shared/domain';

/**
 * SQL pieces for reading a claim "side": the claim with its article, actors, tags, and quote in
 * context. `p` is the alias prefix of the side ('a' or 'b' in links, 's' in claim searches).
 */
export function sideJoins(p: string, claimId: string): string {
  return `
    JOIN claims c${p} ON c${p}.id = ${claimId}
    JOIN highlights h${p} ON h${p}.id = c${p}.highlight_id
    JOIN articles ar${p} ON ar${p}.id = h${p}.article_id
    JOIN actors ac${p} ON ac${p}.id = c${p}.actor_id
    LEFT JOIN actors v${p} ON v${p}.id = c${p}.via_actor_id`;
}

/** The date a side stands for: when the claim was made, else the article's date. */
export function sideDate(p: string): string {
  return `coalesce(c${p}.claimed_on, substr(ar${p}.published_at, 1, 10))`;
}

export function sideColumns(p: string): string {
  return `
    c${p}.id AS ${p}_claim, h${p}.id AS ${p}_highlight, ar${p}.id AS ${p}_article, ar${p}.title AS ${p}_title,
    ar${p}.outlet AS ${p}_outlet, ar${p}.published_at AS ${p}_published, ${sideDate(p)} AS ${p}_date,
    ac${p}.id AS ${p}_actor_id, ac${p}.name AS ${p}_actor_name, ac${p}.kind AS ${p}_actor_kind,
    v${p}.id AS ${p}_via_id, v${p}.name AS ${p}_via_name, v${p}.kind AS ${p}_via_kind,
    (SELECT json_group_array(name) FROM (SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
       WHERE ct.claim_id = c${p}.id ORDER BY t.name COLLATE NOCASE)) AS ${p}_tags,
    substr(h${p}.quote, 1, ${QUOTE_IN_LISTS + 1}) AS ${p}_quote, h${p}.prefix AS ${p}_prefix, h${p}.suffix AS ${p}_suffix`;
}

type Row = Record<string, unknown>;

/** Shortens a quote read with one code point to spare (see sideColumns) to the list length. */
function listQuote(quote: string): string {
  const points = Array.from(quote);
  return points.length > QUOTE_IN_LISTS ? `${points.slice(0, QUOTE_IN_LISTS - 1).join('')}…` : quote;
}

export function toSide(row: Row, p: string): ClaimSide {
  const get = <T>(column: string) => row[`${p}_${column}`] as T;
  const viaId = get<string | null>('via_id');
  return {
    claimId: get('claim'),
    highlightId: get('highlight'),
    articleId: get('article'),
    articleTitle: get('title'),
    outlet: get('outlet'),
    publishedAt: get('published'),
    date: get('date'),
    actor: { id: get('actor_id'), name: get('actor_name'), kind: get<ActorKind>('actor_kind') },
    via: viaId ? { id: viaId, name: get('via_name'), kind: get<ActorKind>('via_kind') } : null,
    tags: JSON.parse(get<string | null>('tags') ?? '[]') as string[],
    quote: listQuote(get('quote')),
    prefix: get('prefix'),
    suffix: get('suffix'),
  };
}

/**
 * The earlier of a link's two sides first (then by actor name), so every list, and the review
 * report, reads from earlier to later. `facts` gives a side's date (YYYY-MM-DD) and actor name.
 */
export function earlierFirst<T>(x: T, y: T, facts: (side: T) => { date: string | null; actor: string }): [T, T] {
  const [fx, fy] = [facts(x), facts(y)];
  const byDate = (fx.date ?? '').localeCompare(fy.date ?? '');
  const byName = fx.actor.localeCompare(fy.actor);
  return byDate > 0 || (byDate === 0 && byName > 0) ? [y, x] : [x, y];
}

export const LINK_COLUMNS = `l.id, l.kind, l.status, l.rationale_json, l.rationale_text, l.created_by, l.created_at, l.updated_at,
  ${sideColumns('a')}, ${sideColumns('b')}`;

export const LINK_FROM = `FROM links l ${sideJoins('a', 'l.claim_a')} ${sideJoins('b', 'l.claim_b')}`;

export function toLink(row: Row): Link {
  const [a, b] = earlierFirst(toSide(row, 'a'), toSide(row, 'b'), (side) => ({ date: side.date, actor: side.actor.name }));
  return {
    id: row.id as string,
    kind: row.kind as LinkKind,
    status: row.status as LinkStatus,
    rationaleJson: row.rationale_json as string,
    rationaleText: row.rationale_text as string,
    createdBy: row.created_by as string,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    a,
    b,
  };
}
