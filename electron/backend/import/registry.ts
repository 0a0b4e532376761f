import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ANCHOR_CONTEXT } from '../../../shared/domain';
import { SECTIONS, type ActorRecord, type HighlightRecord, type ProjectDocument, type TagRecord } from '../../../shared/export/project-json';
import { fold } from '../../../shared/fold';
import { preparedOnce } from '../db/prepared';
import { ProjectRecords } from '../export/records';
import { same } from './project-json';

/**
 * Records by name, made once per import: the project's actor whose name or alias folds the same,
 * else a new actor; the project's tag of that name (any case), else a new tag; and the highlight
 * of a claim whose id the file keeps.
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

  /**
   * The highlight of claim `claimId` at [start, end) of `points`: the project's own when it already
   * has that claim there (so a file imported twice adds nothing), with its id when the claim is
   * elsewhere (the merge then reports the difference), else a new one.
   */
  highlight(claimId: string, articleId: string, points: string[], start: number, end: number, created: string): HighlightRecord {
    const highlightId = preparedOnce(this.db, 'SELECT highlight_id FROM claims WHERE id = ?').pluck().get(claimId) as string | undefined;
    const known = highlightId ? ProjectRecords.one(this.db, 'highlights', highlightId) : undefined;
    if (known && known.articleId === articleId && known.start === start && known.end === end) return known;
    const [quote, prefix, suffix] = [points.slice(start, end), points.slice(Math.max(0, start - ANCHOR_CONTEXT), start), points.slice(end, end + ANCHOR_CONTEXT)].map((p) => p.join(''));
    return { id: highlightId ?? randomUUID(), articleId, start, end, quote: quote!, prefix: prefix!, suffix: suffix!, createdAt: created, updatedAt: created };
  }
}

/**
 * Records of `doc` the project already has, differing only in the timestamps the import had to
 * invent (a format without them): the project's copies are used, so importing a file twice adds
 * nothing and reports no conflicts. Records that differ otherwise are left for the merge to report.
 */
export function keepKnownRecords(db: Database.Database, doc: ProjectDocument): void {
  const sameBut = (a: object, b: object) => same({ ...a, createdAt: 0, updatedAt: 0 }, { ...b, createdAt: 0, updatedAt: 0 });
  for (const section of SECTIONS) {
    const records = doc[section] as Array<{ id: string }>;
    records.forEach((record, i) => {
      const known = ProjectRecords.one(db, section, record.id);
      if (known && sameBut(known, record)) records[i] = known;
    });
  }
}
