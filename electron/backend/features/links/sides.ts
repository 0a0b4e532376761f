import type { ActorKind, ClaimSide, Link, LinkKind, LinkStatus, ListedLink } from '../../../../shared/domain';
import { ANCHOR_CONTEXT, MAX_CLAIM_TAGS, MAX_NAME, MAX_TAG, QUOTE_IN_LISTS, RATIONALE_IN_LISTS } from '../../../../shared/domain';
import { MAX_NOTE_JSON, MAX_NOTE_TEXT } from '../../../../shared/notes/note-limits';
import { MAX_DATE, clipped, upTo } from '../bounded';

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

/** A side's columns, every string read bounded (see bounded.ts). */
export function sideColumns(p: string): string {
  return `
    c${p}.id AS ${p}_claim, h${p}.id AS ${p}_highlight, ar${p}.id AS ${p}_article, ${upTo(`ar${p}.title`, MAX_NAME)} AS ${p}_title,
    ${upTo(`ar${p}.outlet`, MAX_NAME)} AS ${p}_outlet, ${upTo(`ar${p}.published_at`, MAX_DATE)} AS ${p}_published, ${upTo(sideDate(p), MAX_DATE)} AS ${p}_date,
    ac${p}.id AS ${p}_actor_id, ${upTo(`ac${p}.name`, MAX_NAME)} AS ${p}_actor_name, ac${p}.kind AS ${p}_actor_kind,
    v${p}.id AS ${p}_via_id, ${upTo(`v${p}.name`, MAX_NAME)} AS ${p}_via_name, v${p}.kind AS ${p}_via_kind,
    (SELECT json_group_array(name) FROM (SELECT ${upTo('t.name', MAX_TAG)} AS name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
       WHERE ct.claim_id = c${p}.id ORDER BY t.name COLLATE NOCASE LIMIT ${MAX_CLAIM_TAGS})) AS ${p}_tags,
    ${upTo(`h${p}.quote`, QUOTE_IN_LISTS)} AS ${p}_quote, ${upTo(`h${p}.prefix`, ANCHOR_CONTEXT)} AS ${p}_prefix, ${upTo(`h${p}.suffix`, ANCHOR_CONTEXT)} AS ${p}_suffix`;
}

type Row = Record<string, unknown>;

export function toSide(row: Row, p: string): ClaimSide {
  const get = <T>(column: string) => row[`${p}_${column}`] as T;
  const viaId = get<string | null>('via_id');
  return {
    claimId: get('claim'),
    highlightId: get('highlight'),
    articleId: get('article'),
    articleTitle: clipped(get<string>('title'), MAX_NAME),
    outlet: clipped(get<string>('outlet'), MAX_NAME),
    publishedAt: clipped(get<string | null>('published'), MAX_DATE),
    date: clipped(get<string | null>('date'), MAX_DATE),
    actor: { id: get('actor_id'), name: clipped(get<string>('actor_name'), MAX_NAME), kind: get<ActorKind>('actor_kind') },
    via: viaId ? { id: viaId, name: clipped(get<string>('via_name'), MAX_NAME), kind: get<ActorKind>('via_kind') } : null,
    tags: (JSON.parse(get<string | null>('tags') ?? '[]') as string[]).map((tag) => clipped(tag, MAX_TAG)),
    quote: clipped(get<string>('quote'), QUOTE_IN_LISTS),
    prefix: clipped(get<string>('prefix'), ANCHOR_CONTEXT),
    suffix: clipped(get<string>('suffix'), ANCHOR_CONTEXT),
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

/** What every read of a link has: all but the rationale. */
const LINK_FIELDS = `l.id, l.kind, l.status, ${upTo('l.created_by', MAX_NAME)} AS created_by, l.created_at, l.updated_at, ${sideColumns('a')}, ${sideColumns('b')}`;

/** A link's columns; a rationale over its bound reaches the window too long for the editor, which shows its plain text. */
export const LINK_COLUMNS = `${LINK_FIELDS}, ${upTo('l.rationale_json', MAX_NOTE_JSON)} AS rationale_json, ${upTo('l.rationale_text', MAX_NOTE_TEXT)} AS rationale_text`;

/** A listed link's columns (see ListedLink): the rationale's text only, as far as lists show it. */
export const LISTED_LINK_COLUMNS = `${LINK_FIELDS}, ${upTo('l.rationale_text', RATIONALE_IN_LISTS)} AS rationale_text`;

export const LINK_FROM = `FROM links l ${sideJoins('a', 'l.claim_a')} ${sideJoins('b', 'l.claim_b')}`;

/** A link read with LISTED_LINK_COLUMNS (or LINK_COLUMNS, its rationale's text cut to `rationaleMax`). */
export function toListedLink(row: Row, rationaleMax = RATIONALE_IN_LISTS): ListedLink {
  const [a, b] = earlierFirst(toSide(row, 'a'), toSide(row, 'b'), (side) => ({ date: side.date, actor: side.actor.name }));
  return {
    id: row.id as string,
    kind: row.kind as LinkKind,
    status: row.status as LinkStatus,
    rationaleText: clipped(row.rationale_text as string, rationaleMax),
    createdBy: clipped(row.created_by as string, MAX_NAME),
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    a,
    b,
  };
}

/** A link read with LINK_COLUMNS, its rationale whole. */
export function toLink(row: Row): Link {
  return { ...toListedLink(row, MAX_NOTE_TEXT), rationaleJson: row.rationale_json as string };
}
