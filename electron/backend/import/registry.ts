import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ActorRecord, TagRecord } from '../../../shared/export/project-json';
import { fold } from '../../../shared/fold';
import { preparedOnce } from '../db/prepared';

/**
 * Records by name, made once per import: the project's actor whose name or alias folds the same,
 * else a new actor; the project's tag of that name (any case), else a new tag.
 */
export class Registry {
  readonly actors: ActorRecord[] = [];
  readonly tags: TagRecord[] = [];
  private readonly actorIds = new Map<string, string>();
  private readonly tagIds = new Map<string, string>();

  constructor(
    private readonly db: Database.Database,
    private readonly now: string,
  ) {}

  /**
   * The actor of this name; with `knownId` (an id the file gives, as W3C's urn:uuid: does), the
   * actor with that id, made with this name if the project has none.
   */
  actor(name: string, knownId?: string): string {
    const key = knownId ? `id:${knownId}` : fold(name);
    let id = this.actorIds.get(key);
    if (!id) {
      id = knownId ?? (preparedOnce(this.db, 'SELECT id FROM actors WHERE folded = ? UNION ALL SELECT actor_id FROM actor_aliases WHERE folded = ? LIMIT 1').pluck().get(key, key) as string | undefined) ?? randomUUID();
      if (!preparedOnce(this.db, 'SELECT 1 FROM actors WHERE id = ?').get(id)) this.actors.push({ id, name, kind: 'other', role: '', aliases: [], createdAt: this.now, updatedAt: this.now });
      this.actorIds.set(key, id);
    }
    return id;
  }

  tag(name: string): string {
    const key = name.toLowerCase();
    let id = this.tagIds.get(key);
    if (!id) {
      id = (preparedOnce(this.db, 'SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(name) as string | undefined) ?? randomUUID();
      if (!preparedOnce(this.db, 'SELECT 1 FROM tags WHERE id = ?').get(id)) this.tags.push({ id, name, createdAt: this.now, updatedAt: this.now });
      this.tagIds.set(key, id);
    }
    return id;
  }
}
