import type Database from 'better-sqlite3';
import { MAX_NAME, MAX_QUOTE, type Actor, type ActorClaim, type ActorKind, type ActorMatch, type ActorMatchKind } from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import { plural } from '../../../../shared/text/plural';
import { fold } from '../../../../shared/fold';
import { nameSkeleton } from '../../../../shared/transliteration';
import { newId, now } from '../../clock';
import { MAX_DATE, clipped, upTo } from '../bounded';

interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  role: string;
  created_at: string;
  updated_at: string;
  aliases: string | null;
}

/** Actors with their aliases, every string read bounded (see bounded.ts). */
const SELECT_ACTORS = `
  SELECT a.id, ${upTo('a.name', MAX_NAME)} AS name, a.kind, ${upTo('a.role', MAX_NAME)} AS role, a.created_at, a.updated_at,
         (SELECT json_group_array(alias) FROM (SELECT ${upTo('alias', MAX_NAME)} AS alias FROM actor_aliases WHERE actor_id = a.id ORDER BY alias)) AS aliases
  FROM actors a`;

function toActor(row: ActorRow): Actor {
  return {
    id: row.id,
    name: clipped(row.name, MAX_NAME),
    kind: row.kind,
    role: clipped(row.role, MAX_NAME),
    aliases: row.aliases ? (JSON.parse(row.aliases) as string[]).map((alias) => clipped(alias, MAX_NAME)) : [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listActors(db: Database.Database): Actor[] {
  const rows = db.prepare(`${SELECT_ACTORS} ORDER BY a.name COLLATE NOCASE, a.id`).all() as ActorRow[];
  return rows.map(toActor);
}

export function getActor(db: Database.Database, id: string): Actor {
  const row = db.prepare(`${SELECT_ACTORS} WHERE a.id = ?`).get(id) as ActorRow | undefined;
  if (!row) throw new GainsayError('not_found', 'That actor no longer exists.');
  return toActor(row);
}

/** An actor's id, name and kind, without the rest (no aliases are read). */
export interface ActorBrief {
  id: string;
  name: string;
  kind: ActorKind;
}

/**
 * The actors with these ids, and those whose name or an alias folds like one of these names, in
 * two queries whatever their number (for resolving a page of suggestions at once): only the
 * columns needed. `byName` is keyed by the folded name.
 */
export function actorsByIdsAndNames(db: Database.Database, ids: string[], names: string[]): { byId: Map<string, ActorBrief>; byName: Map<string, ActorBrief> } {
  const columns = `a.id, ${upTo('a.name', MAX_NAME)} AS name, a.kind`;
  const byId = db.prepare(`SELECT ${columns} FROM actors a WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ActorBrief[];
  const byFolded = db
    .prepare(
      `SELECT a.folded AS key, 0 AS byAlias, ${columns} FROM actors a WHERE a.folded IN (SELECT value FROM json_each(@folded))
       UNION ALL SELECT l.folded AS key, 1 AS byAlias, ${columns} FROM actor_aliases l JOIN actors a ON a.id = l.actor_id WHERE l.folded IN (SELECT value FROM json_each(@folded))
       ORDER BY byAlias`,
    )
    .all({ folded: JSON.stringify([...new Set(names.map(fold))]) }) as Array<ActorBrief & { key: string }>;
  const brief = ({ id, name, kind }: ActorBrief): ActorBrief => ({ id, name: clipped(name, MAX_NAME), kind });
  const byName = new Map<string, ActorBrief>();
  // An actor's own name first, then aliases; the first found for a name wins, as in findByFoldedName.
  for (const row of byFolded) if (!byName.has(row.key)) byName.set(row.key, brief(row));
  return { byId: new Map(byId.map((row) => [row.id, brief(row)])), byName };
}

/** An actor whose name or an alias folds to the same text as `name`, if any. */
export function findByFoldedName(db: Database.Database, name: string): Actor | undefined {
  const folded = fold(name);
  const row = db
    .prepare(
      `SELECT id FROM actors WHERE folded = @folded
       UNION SELECT actor_id AS id FROM actor_aliases WHERE folded = @folded
       LIMIT 1`,
    )
    .get({ folded }) as { id: string } | undefined;
  return row ? getActor(db, row.id) : undefined;
}

export interface NewActor {
  name: string;
  kind: ActorKind;
  role: string;
}

export function createActor(db: Database.Database, input: NewActor): string {
  const existing = findByFoldedName(db, input.name);
  if (existing) throw new GainsayError('conflict', `An actor named “${existing.name}” already exists.`);
  const id = newId();
  const stamp = now();
  db.prepare(
    'INSERT INTO actors (id, name, folded, kind, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, input.name, fold(input.name), input.kind, input.role, stamp, stamp);
  return id;
}

/** An existing actor by id, or a new one created from a name (used where claims pick their actor). */
/**
 * The actor a claim names: an existing one by id, or by a typed name, which is the actor already
 * called so (by name or alias, ignoring case and diacritics) or else a new actor made now.
 */
export function resolveActor(db: Database.Database, ref: { id: string } | NewActor): string {
  if ('id' in ref) return getActor(db, ref.id).id;
  return findByFoldedName(db, ref.name)?.id ?? createActor(db, ref);
}

export function updateActor(db: Database.Database, id: string, input: NewActor): void {
  getActor(db, id);
  const clash = findByFoldedName(db, input.name);
  if (clash && clash.id !== id) throw new GainsayError('conflict', `An actor named “${clash.name}” already exists.`);
  db.prepare('UPDATE actors SET name = ?, folded = ?, kind = ?, role = ?, updated_at = ? WHERE id = ?').run(
    input.name, fold(input.name), input.kind, input.role, now(), id,
  );
}

export function addAlias(db: Database.Database, actorId: string, alias: string): void {
  const actor = getActor(db, actorId);
  const clash = findByFoldedName(db, alias);
  if (clash?.id === actorId) throw new GainsayError('conflict', `“${alias}” is already a name of ${actor.name}.`);
  if (clash) throw new GainsayError('conflict', `“${alias}” is already used by another actor, ${clash.name}.`);
  db.prepare('INSERT INTO actor_aliases (id, actor_id, alias, folded, created_at) VALUES (?, ?, ?, ?, ?)').run(
    newId(), actorId, alias, fold(alias), now(),
  );
  db.prepare('UPDATE actors SET updated_at = ? WHERE id = ?').run(now(), actorId);
}

export function removeAlias(db: Database.Database, actorId: string, alias: string): void {
  const { changes } = db.prepare('DELETE FROM actor_aliases WHERE actor_id = ? AND folded = ?').run(actorId, fold(alias));
  if (changes === 0) throw new GainsayError('not_found', `“${alias}” is not an alias of this actor.`);
}

/**
 * Merges `sourceId` into `targetId`: claims made by or passed on through the source move to the
 * target, the source's name and aliases become the target's aliases, and the source is removed.
 */
export function mergeActors(db: Database.Database, sourceId: string, targetId: string): void {
  if (sourceId === targetId) throw new GainsayError('invalid_input', 'An actor cannot be merged into itself.');
  const source = getActor(db, sourceId);
  const target = getActor(db, targetId);
  const stamp = now();
  db.prepare('UPDATE claims SET actor_id = ?, updated_at = ? WHERE actor_id = ?').run(targetId, stamp, sourceId);
  db.prepare('UPDATE claims SET via_actor_id = ?, updated_at = ? WHERE via_actor_id = ?').run(targetId, stamp, sourceId);
  // A claim made by the target and passed on through the source would now name the target twice.
  db.prepare('UPDATE claims SET via_actor_id = NULL WHERE actor_id = ? AND via_actor_id = ?').run(targetId, targetId);
  db.prepare('DELETE FROM actor_aliases WHERE actor_id = ?').run(sourceId);
  db.prepare('DELETE FROM actors WHERE id = ?').run(sourceId);
  const known = new Set([fold(target.name), ...target.aliases.map(fold)]);
  for (const name of [source.name, ...source.aliases]) {
    if (known.has(fold(name))) continue;
    known.add(fold(name));
    db.prepare('INSERT INTO actor_aliases (id, actor_id, alias, folded, created_at) VALUES (?, ?, ?, ?, ?)').run(newId(), targetId, name, fold(name), stamp);
  }
  db.prepare('UPDATE actors SET updated_at = ? WHERE id = ?').run(stamp, targetId);
}

/**
 * Deletes an actor that no claim names, as speaker or as channel, with its aliases. One that a
 * claim names is refused, saying how to be rid of it: merging moves its claims to another actor.
 */
export function deleteActor(db: Database.Database, id: string): void {
  const actor = getActor(db, id);
  const { spoken, passed } = db
    .prepare('SELECT (SELECT count(*) FROM claims WHERE actor_id = :id) AS spoken, (SELECT count(*) FROM claims WHERE via_actor_id = :id) AS passed')
    .get({ id }) as { spoken: number; passed: number };
  if (spoken || passed) {
    const named = [spoken ? `made ${plural(spoken, 'claim')}` : '', passed ? `passed on ${plural(passed, 'claim')}` : ''].filter(Boolean).join(' and ');
    throw new GainsayError('conflict', `“${actor.name}” ${named}, so it was not deleted. Merge it into another actor instead (from its page): its claims move there and its name becomes an alias.`);
  }
  db.prepare('DELETE FROM actors WHERE id = ?').run(id);
}

/** The first letter of a name skeleton's given name ("stfn dumitresku" → "s"), or null for a surname alone. */
function givenInitial(skeleton: string): string | null {
  const words = skeleton.split(' ');
  return words.length > 1 ? words[0]![0]! : null;
}

/**
 * Whether two names that share a surname may be one person: "Dumitrescu" and "S. Dumitrescu" may
 * be Ştefan Dumitrescu, "Ion Dumitrescu" is someone else (offered as the same actor, Enter would
 * have made him an alias of Ştefan).
 */
const sameGiven = (a: string | null, b: string | null) => a === null || b === null || a === b;

/**
 * Existing actors a typed name may mean: the same name or alias (ignoring case and diacritics),
 * a transliteration variant of it or of its surname (when the given names, if both have one, begin
 * alike), or names that start with what was typed.
 */
export function matchActors(db: Database.Database, text: string, limit: number): ActorMatch[] {
  const typed = fold(text);
  if (!typed) return [];
  const skeleton = nameSkeleton(text);
  const lastWord = skeleton.split(' ').pop() ?? '';
  const typedInitial = givenInitial(skeleton);
  const matches = new Map<string, ActorMatch>();
  const rank: Record<ActorMatchKind, number> = { exact: 0, variant: 1, prefix: 2 };
  for (const actor of listActors(db)) {
    for (const name of [actor.name, ...actor.aliases]) {
      const folded = fold(name);
      const nameSkel = nameSkeleton(name);
      let kind: ActorMatchKind | null = null;
      if (folded === typed) kind = 'exact';
      else if (nameSkel === skeleton || (lastWord.length >= 4 && nameSkel.split(' ').pop() === lastWord && sameGiven(typedInitial, givenInitial(nameSkel)))) kind = 'variant';
      else if (folded.startsWith(typed) || folded.split(' ').some((word) => word.startsWith(typed))) kind = 'prefix';
      if (!kind) continue;
      const previous = matches.get(actor.id);
      if (!previous || rank[kind] < rank[previous.kind]) matches.set(actor.id, { actor, kind, matched: name });
    }
  }
  return [...matches.values()]
    .sort((a, b) => rank[a.kind] - rank[b.kind] || a.actor.name.localeCompare(b.actor.name))
    .slice(0, limit);
}

/** All claims an actor made or passed on, across articles, in date order. */
export function actorClaims(db: Database.Database, actorId: string): ActorClaim[] {
  getActor(db, actorId);
  const rows = db
    .prepare(
      `SELECT c.id AS claim_id, h.id AS highlight_id, ar.id AS article_id, ${upTo('ar.title', MAX_NAME)} AS article_title,
              ${upTo('ar.outlet', MAX_NAME)} AS outlet, ${upTo('ar.published_at', MAX_DATE)} AS published_at,
              ${upTo('c.claimed_on', MAX_DATE)} AS claimed_on, ${upTo('h.quote', MAX_QUOTE)} AS quote,
              v.id AS via_id, ${upTo('v.name', MAX_NAME)} AS via_name, v.kind AS via_kind,
              CASE WHEN c.actor_id = @id THEN 'claimant' ELSE 'via' END AS role
       FROM claims c
       JOIN highlights h ON h.id = c.highlight_id
       JOIN articles ar ON ar.id = h.article_id
       LEFT JOIN actors v ON v.id = c.via_actor_id
       WHERE c.actor_id = @id OR c.via_actor_id = @id
       ORDER BY coalesce(c.claimed_on, ar.published_at) IS NULL, coalesce(c.claimed_on, ar.published_at), ar.title, h.start_cp`,
    )
    .all({ id: actorId }) as Array<{
    claim_id: string;
    highlight_id: string;
    article_id: string;
    article_title: string;
    outlet: string;
    published_at: string | null;
    claimed_on: string | null;
    quote: string;
    via_id: string | null;
    via_name: string | null;
    via_kind: ActorKind | null;
    role: 'claimant' | 'via';
  }>;
  return rows.map((row) => ({
    claimId: row.claim_id,
    highlightId: row.highlight_id,
    articleId: row.article_id,
    articleTitle: clipped(row.article_title, MAX_NAME),
    outlet: clipped(row.outlet, MAX_NAME),
    publishedAt: clipped(row.published_at, MAX_DATE),
    claimedOn: clipped(row.claimed_on, MAX_DATE),
    quote: clipped(row.quote, MAX_QUOTE),
    via: row.via_id ? { id: row.via_id, name: clipped(row.via_name!, MAX_NAME), kind: row.via_kind! } : null,
    role: row.role,
  }));
}
