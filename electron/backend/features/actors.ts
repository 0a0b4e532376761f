import type Database from 'better-sqlite3';
import type { Handlers } from '../context';
import type { Actor, ActorKind } from '../../../shared/domain';
import { GainsayError } from '../../../shared/errors';
import { fold } from '../../../shared/fold';
import { newId, now } from '../clock';

interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  role: string;
  created_at: string;
  updated_at: string;
  aliases: string | null;
}

const SELECT_ACTORS = `
  SELECT a.id, a.name, a.kind, a.role, a.created_at, a.updated_at,
         (SELECT json_group_array(alias) FROM (SELECT alias FROM actor_aliases WHERE actor_id = a.id ORDER BY alias)) AS aliases
  FROM actors a`;

function toActor(row: ActorRow): Actor {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    role: row.role,
    aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : [],
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

/** An actor whose name or an alias folds to the same text as `name`, if any. */
function findByFoldedName(db: Database.Database, name: string): Actor | undefined {
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

export const actorHandlers: Pick<Handlers, 'actors.list' | 'actors.create'> = {
  'actors.list': (_input, { project }) => listActors(project.db),

  'actors.create': (input, { project }) => {
    const { db } = project;
    return db.transaction(() => {
      const existing = findByFoldedName(db, input.name);
      if (existing) {
        throw new GainsayError('conflict', `An actor named “${existing.name}” already exists.`);
      }
      const id = newId();
      const stamp = now();
      db.prepare(
        'INSERT INTO actors (id, name, folded, kind, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(id, input.name, fold(input.name), input.kind, input.role, stamp, stamp);
      return getActor(db, id);
    })();
  },
};
