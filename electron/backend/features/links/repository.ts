import type Database from 'better-sqlite3';
import { MAX_NAME, MAX_TAG, type ActorPair, type Link, type LinkKind, type LinkStatus, type ListedLink } from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import { searchKey } from '../../../../shared/text/search-query';
import { newId, now } from '../../clock';
import { preparedOnce } from '../../db/prepared';
import { rowKey, type RowKey } from '../../db/row-key';
import { clipped, upTo } from '../bounded';
import { LINK_COLUMNS, LINK_FROM, LISTED_LINK_COLUMNS, toLink, toListedLink } from './sides';

export function getLink(db: Database.Database, id: string): Link {
  const row = db.prepare(`SELECT ${LINK_COLUMNS} ${LINK_FROM} WHERE l.id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) throw new GainsayError('not_found', 'This link no longer exists; it may have been deleted in another window.');
  return toLink(row);
}

/** The links whose `key` column (`id` or `rowid`) is one of `keys`, as lists carry them, in that order; keys no link has are left out. */
function linksBy<K extends string | number>(db: Database.Database, key: 'id' | 'rowid', keys: K[]): ListedLink[] {
  if (!keys.length) return [];
  const rows = preparedOnce(db, `SELECT ${key === 'rowid' ? rowKey('l.rowid') : 'l.id'} AS link_key, ${LISTED_LINK_COLUMNS} ${LINK_FROM} WHERE l.${key} IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(keys),
  ) as Array<Record<string, unknown>>;
  const byKey = new Map(rows.map((row) => [row.link_key as K, toListedLink(row)]));
  return keys.map((k) => byKey.get(k)).filter((link): link is ListedLink => !!link);
}

/** Links by rowid (see RowKey), in that order: the review list reads its pages from indexes, which hold rowids. */
export function getLinksByRowid(db: Database.Database, rowids: RowKey[]): ListedLink[] {
  return linksBy(db, 'rowid', rowids);
}

/** A claim id that can be linked, or the reason it cannot. */
function requireClaim(db: Database.Database, id: string): void {
  if (db.prepare('SELECT 1 FROM claims WHERE id = ?').get(id)) return;
  if (db.prepare('SELECT 1 FROM highlights WHERE id = ?').get(id)) {
    throw new GainsayError('invalid_input', 'Only claims can be linked: record who made this highlight first, then link it.');
  }
  throw new GainsayError('not_found', 'One of these claims is not in this project: it may have been deleted in another window, or it belongs to another project.');
}

export interface NewLink {
  claimA: string;
  claimB: string;
  kind: LinkKind;
  status: LinkStatus;
  rationaleJson: string;
  rationaleText: string;
  createdBy: string;
}

/** Links two claims. A link is symmetric: the pair is stored once, smaller id first. */
export function createLink(db: Database.Database, input: NewLink): string {
  requireClaim(db, input.claimA);
  requireClaim(db, input.claimB);
  const [a, b] = input.claimA < input.claimB ? [input.claimA, input.claimB] : [input.claimB, input.claimA];
  if (a === b) throw new GainsayError('invalid_input', 'A claim cannot be linked to itself.');
  const existing = db.prepare('SELECT kind, status FROM links WHERE claim_a = ? AND claim_b = ?').get(a, b) as { kind: LinkKind; status: LinkStatus } | undefined;
  if (existing) {
    throw new GainsayError('conflict', `These two claims are already linked (${existing.kind === 'contradicts' ? 'contradicting' : 'corroborating'}, ${existing.status}); change that link instead.`);
  }
  const id = newId();
  const stamp = now();
  db.prepare(
    `INSERT INTO links (id, claim_a, claim_b, kind, status, rationale_json, rationale_text, rationale_key, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, a, b, input.kind, input.status, input.rationaleJson, input.rationaleText, searchKey(input.rationaleText), input.createdBy, stamp, stamp);
  return id;
}

export interface LinkChange {
  kind?: LinkKind;
  status?: LinkStatus;
  rationaleJson?: string;
  rationaleText?: string;
}

/** Changes a link. Two windows editing one link: the later write wins, field by field. */
export function updateLink(db: Database.Database, id: string, change: LinkChange): void {
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (change.kind !== undefined) set('kind', change.kind);
  if (change.status !== undefined) set('status', change.status);
  if (change.rationaleText !== undefined) {
    set('rationale_json', change.rationaleJson ?? '');
    set('rationale_text', change.rationaleText);
    set('rationale_key', searchKey(change.rationaleText));
  }
  set('updated_at', now());
  const { changes } = db.prepare(`UPDATE links SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  if (changes === 0) throw new GainsayError('not_found', 'This link no longer exists; it may have been deleted in another window.');
}

export function deleteLink(db: Database.Database, id: string): void {
  const { changes } = db.prepare('DELETE FROM links WHERE id = ?').run(id);
  if (changes === 0) throw new GainsayError('not_found', 'This link no longer exists; it may have been deleted in another window.');
}

/** Every link with a claim in the article, either side, as lists carry them. */
export function linksForArticle(db: Database.Database, articleId: string): ListedLink[] {
  const ids = db
    .prepare(
      `SELECT l.id FROM highlights h JOIN claims c ON c.highlight_id = h.id JOIN links l ON l.claim_a = c.id WHERE h.article_id = ?
       UNION
       SELECT l.id FROM highlights h JOIN claims c ON c.highlight_id = h.id JOIN links l ON l.claim_b = c.id WHERE h.article_id = ?`,
    )
    .pluck()
    .all(articleId, articleId) as string[];
  return linksBy(db, 'id', ids).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
}

/**
 * Who contradicts (or corroborates) whom: actor pairs by how many links join their claims. The
 * counts are kept by the file's triggers (`link_pair_counts`, migration 007); only the pairs with
 * at least the `limit`-th largest total are read (through its index), then ordered.
 */
export function actorPairs(db: Database.Database, kind: LinkKind, limit: number): ActorPair[] {
  const rows = db
    .prepare(
      `SELECT x, y, total, open, confirmed, dismissed FROM link_pair_counts
       WHERE kind = :kind AND total >= coalesce((SELECT total FROM link_pair_counts WHERE kind = :kind ORDER BY total DESC LIMIT 1 OFFSET :last), 0)`,
    )
    .all({ kind, last: limit - 1 }) as Array<{ x: string; y: string; total: number } & Record<LinkStatus, number>>;
  const top = rows.sort((p, q) => q.total - p.total || p.x.localeCompare(q.x) || p.y.localeCompare(q.y)).slice(0, limit);
  const actor = db.prepare(`SELECT id, ${upTo('name', MAX_NAME)} AS name, kind FROM actors WHERE id = ?`);
  const named = (id: string): ActorPair['a'] | null => {
    const found = actor.get(id) as ActorPair['a'] | undefined;
    return found ? { ...found, name: clipped(found.name, MAX_NAME) } : null;
  };
  return top.flatMap(({ x, y, total, open, confirmed, dismissed }) => {
    const [a, b] = [named(x), named(y)];
    // A claim of an actor the file does not have (written with foreign keys off) counts a pair no one can be shown for.
    if (!a || !b) return [];
    const counts = { open, confirmed, dismissed };
    return [a.name.localeCompare(b.name) <= 0 ? { a, b, total, counts } : { a: b, b: a, total, counts }];
  });
}

/** What the review filters can choose from: the actors, outlets, tags and articles in links of a kind. */
export function reviewOptions(db: Database.Database, kind: LinkKind) {
  const actors = db
    .prepare(
      `SELECT id, ${upTo('name', MAX_NAME)} AS name FROM actors WHERE id IN (SELECT a_actor FROM links WHERE kind = :kind UNION SELECT b_actor FROM links WHERE kind = :kind)
       ORDER BY name COLLATE NOCASE`,
    )
    .all({ kind })
    .map((row) => ({ ...(row as { id: string; name: string }), name: clipped((row as { name: string }).name, MAX_NAME) }));
  const articles = db
    .prepare(
      `SELECT id, ${upTo('title', MAX_NAME)} AS title, ${upTo('outlet', MAX_NAME)} AS outlet FROM articles WHERE id IN (SELECT a_article FROM links WHERE kind = :kind UNION SELECT b_article FROM links WHERE kind = :kind)
       ORDER BY title COLLATE NOCASE`,
    )
    .all({ kind }) as Array<{ id: string; title: string; outlet: string }>;
  const tags = db
    .prepare(
      `SELECT DISTINCT ${upTo('t.name', MAX_TAG)} FROM (SELECT claim_a AS id FROM links WHERE kind = :kind UNION SELECT claim_b FROM links WHERE kind = :kind) k
       JOIN claim_tags ct ON ct.claim_id = k.id JOIN tags t ON t.id = ct.tag_id ORDER BY t.name COLLATE NOCASE`,
    )
    .pluck()
    .all({ kind }) as string[];
  const outlets = [...new Set(articles.map((a) => clipped(a.outlet, MAX_NAME)).filter(Boolean))].sort((x, y) => x.localeCompare(y));
  return {
    actors,
    outlets,
    tags: tags.map((tag) => clipped(tag, MAX_TAG)),
    articles: articles.map(({ id, title }) => ({ id, title: clipped(title, MAX_NAME) })),
  };
}
