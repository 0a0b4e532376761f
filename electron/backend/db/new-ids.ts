import { randomUUID } from 'node:crypto';
import type { ProjectDocument } from '../../../shared/export/project-json';
import { isRecordId } from '../../../shared/export/record-id';

type Renamed = Map<string, string>;

/**
 * Gives every record whose id is not one Gainsay makes (another program wrote the file) a new
 * UUID, and the records that name it the new one: the clean copy then keeps them, where a project
 * JSON import would refuse them. Returns a line for each, saying which it renamed.
 */
export function renameForeignIds(doc: ProjectDocument): string[] {
  const lines: string[] = [];
  const rename = (section: 'articles' | 'actors' | 'tags' | 'highlights' | 'claims' | 'links'): Renamed => {
    const renamed: Renamed = new Map();
    for (const record of doc[section] as Array<{ id: string }>) {
      if (typeof record.id === 'string' && isRecordId(record.id)) continue;
      // Two records of one foreign id stay two: the second is refused as a duplicate, as before.
      const fresh = randomUUID();
      if (typeof record.id === 'string' && !renamed.has(record.id)) renamed.set(record.id, fresh);
      lines.push(`gave ${section.slice(0, -1)} ${JSON.stringify(String(record.id).slice(0, 40))} the new id ${fresh}`);
      record.id = fresh;
    }
    return renamed;
  };
  const [articles, actors, tags, highlights, claims] = [rename('articles'), rename('actors'), rename('tags'), rename('highlights'), rename('claims')];
  rename('links');
  const to = (renamed: Renamed, id: string) => renamed.get(id) ?? id;
  for (const h of doc.highlights) h.articleId = to(articles, h.articleId);
  for (const c of doc.claims) {
    c.highlightId = to(highlights, c.highlightId);
    c.actorId = to(actors, c.actorId);
    if (c.viaActorId !== null) c.viaActorId = to(actors, c.viaActorId);
    c.tagIds = c.tagIds.map((id) => to(tags, id));
  }
  for (const l of doc.links) {
    // A link keeps its claims in the order of their ids (the links table checks claim_a < claim_b).
    const [a, b] = [to(claims, l.claimA), to(claims, l.claimB)];
    [l.claimA, l.claimB] = a < b ? [a, b] : [b, a];
  }
  return lines;
}
