import type Database from 'better-sqlite3';
import { ANCHOR_CONTEXT, MAX_NAME, MAX_QUOTE, MAX_TAG, PREVIEW_LENGTH, type ActorKind, type ClaimInfo, type Highlight, type HighlightItem } from '../../../../shared/domain';
import { MAX_NOTE_JSON, MAX_NOTE_TEXT } from '../../../../shared/notes/note-state';
import { GainsayError } from '../../../../shared/errors';
import { newId, now } from '../../clock';
import { searchKey } from '../../../../shared/text/search-query';
import { clipped, upTo } from '../bounded';
import { preparedOnce } from '../../db/prepared';
import type { AnchorChecks } from './anchor-checks';
import { anchorFor, anchorHolds } from './anchors';

interface HighlightRow {
  id: string;
  article_id: string;
  start_cp: number;
  end_cp: number;
  quote: string;
  prefix: string;
  suffix: string;
  created_at: string;
  updated_at: string;
  claim_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  actor_kind: ActorKind | null;
  via_id: string | null;
  via_name: string | null;
  via_kind: ActorKind | null;
  tags: string | null;
  note_json: string | null;
  note_text: string | null;
  claimed_on: string | null;
  link_count: number | null;
  claim_created_at: string | null;
  claim_updated_at: string | null;
}

/**
 * Highlights with their claims; `anchor` selects the quote, prefix and suffix columns. Strings
 * are read bounded (see bounded.ts): a note over its bound reaches the window too long for the
 * note editor, which then shows its (bounded) plain text.
 */
const selectHighlights = (anchor: string) => `
  SELECT h.id, h.article_id, h.start_cp, h.end_cp, ${anchor}, h.created_at, h.updated_at,
         c.id AS claim_id, a.id AS actor_id, ${upTo('a.name', MAX_NAME)} AS actor_name, a.kind AS actor_kind,
         v.id AS via_id, ${upTo('v.name', MAX_NAME)} AS via_name, v.kind AS via_kind,
         (SELECT json_group_array(name) FROM (SELECT ${upTo('t.name', MAX_TAG)} AS name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
            WHERE ct.claim_id = c.id ORDER BY t.name COLLATE NOCASE)) AS tags,
         ${upTo('c.note_json', MAX_NOTE_JSON)} AS note_json, ${upTo('c.note_text', MAX_NOTE_TEXT)} AS note_text, c.claimed_on,
         (SELECT count(*) FROM links WHERE claim_a = c.id) + (SELECT count(*) FROM links WHERE claim_b = c.id) AS link_count,
         c.created_at AS claim_created_at, c.updated_at AS claim_updated_at
  FROM highlights h
  LEFT JOIN claims c ON c.highlight_id = h.id
  LEFT JOIN actors a ON a.id = c.actor_id
  LEFT JOIN actors v ON v.id = c.via_actor_id`;

function toClaim(row: HighlightRow): ClaimInfo | null {
  if (!row.claim_id) return null;
  return {
    id: row.claim_id,
    actor: { id: row.actor_id!, name: clipped(row.actor_name!, MAX_NAME), kind: row.actor_kind! },
    via: row.via_id ? { id: row.via_id, name: clipped(row.via_name!, MAX_NAME), kind: row.via_kind! } : null,
    tags: row.tags && row.tags !== '[]' ? (JSON.parse(row.tags) as string[]).map((tag) => clipped(tag, MAX_TAG)) : [],
    // Left as read (the window checks it before the editor sees it), only bounded.
    noteJson: row.note_json ?? '',
    noteText: clipped(row.note_text ?? '', MAX_NOTE_TEXT),
    claimedOn: row.claimed_on,
    linkCount: row.link_count ?? 0,
    createdAt: row.claim_created_at!,
    updatedAt: row.claim_updated_at!,
  };
}

function toHighlight(row: HighlightRow, holds: boolean): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    start: row.start_cp,
    end: row.end_cp,
    quote: clipped(row.quote, MAX_QUOTE),
    prefix: clipped(row.prefix, ANCHOR_CONTEXT),
    suffix: clipped(row.suffix, ANCHOR_CONTEXT),
    status: holds ? 'ok' : 'moved',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    claim: toClaim(row),
  };
}

const LIST_HIGHLIGHTS = `${selectHighlights(`substr(h.quote, 1, ${PREVIEW_LENGTH}) AS quote`)}
  WHERE h.article_id = ? ORDER BY h.start_cp, h.end_cp DESC, h.id`;

/**
 * Every highlight of an article in reading order (start, then longest first), without full
 * quotes: the reading view has the text, and an article can carry thousands of long spans.
 */
export function listHighlights(db: Database.Database, anchors: AnchorChecks, articleId: string): HighlightItem[] {
  const broken = anchors.brokenIn(db, articleId);
  const rows = preparedOnce(db, LIST_HIGHLIGHTS).all(articleId) as HighlightRow[];
  // Built here rather than through toHighlight: an article opens with all of them, and the
  // quote read is already the preview (at most PREVIEW_LENGTH code points, under MAX_QUOTE).
  return rows.map((row) => ({
    id: row.id,
    articleId: row.article_id,
    start: row.start_cp,
    end: row.end_cp,
    status: broken.has(row.id) ? 'moved' : 'ok',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    claim: toClaim(row),
    preview: row.quote,
  }));
}

export function getHighlight(db: Database.Database, anchors: AnchorChecks, id: string): Highlight {
  const anchor = `${upTo('h.quote', MAX_QUOTE)} AS quote, ${upTo('h.prefix', ANCHOR_CONTEXT)} AS prefix, ${upTo('h.suffix', ANCHOR_CONTEXT)} AS suffix`;
  const row = db.prepare(`${selectHighlights(anchor)} WHERE h.id = ?`).get(id) as HighlightRow | undefined;
  if (!row) throw new GainsayError('not_found', 'That highlight no longer exists.');
  return toHighlight(row, anchorHolds(anchors.text(db, row.article_id), row.start_cp, row.end_cp, row.quote));
}

export function createHighlight(db: Database.Database, anchors: AnchorChecks, articleId: string, start: number, end: number, quote: string): string {
  const anchor = anchorFor(anchors.text(db, articleId), start, end, quote);
  const id = newId();
  const stamp = now();
  db.prepare(
    `INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, quote_key, prefix, suffix, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, articleId, anchor.start, anchor.end, anchor.quote, searchKey(anchor.quote), anchor.prefix, anchor.suffix, stamp, stamp);
  return id;
}

export function moveHighlight(db: Database.Database, anchors: AnchorChecks, id: string, start: number, end: number, quote: string): void {
  const current = getHighlight(db, anchors, id);
  const anchor = anchorFor(anchors.text(db, current.articleId), start, end, quote);
  anchors.repaired(current.articleId, id);
  db.prepare('UPDATE highlights SET start_cp = ?, end_cp = ?, quote = ?, quote_key = ?, prefix = ?, suffix = ?, updated_at = ? WHERE id = ?').run(
    anchor.start, anchor.end, anchor.quote, searchKey(anchor.quote), anchor.prefix, anchor.suffix, now(), id,
  );
}

export function deleteHighlight(db: Database.Database, id: string): void {
  const { changes } = db.prepare('DELETE FROM highlights WHERE id = ?').run(id);
  if (changes === 0) throw new GainsayError('not_found', 'That highlight no longer exists.');
}

/** Tag ids for names, creating tags that do not exist yet (names match case-insensitively). */
function tagIds(db: Database.Database, names: string[]): string[] {
  const find = db.prepare('SELECT id FROM tags WHERE name = ? COLLATE NOCASE');
  const insert = db.prepare('INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  return names.map((name) => {
    const existing = find.get(name) as { id: string } | undefined;
    if (existing) return existing.id;
    const id = newId();
    const stamp = now();
    insert.run(id, name, stamp, stamp);
    return id;
  });
}

export interface ClaimFields {
  actorId: string;
  viaActorId: string | null;
  tags: string[];
  /** Both undefined: the claim keeps its note (a new claim has none). */
  noteJson: string | undefined;
  noteText: string | undefined;
  claimedOn: string | null;
}

/** Tags a highlight as a claim, or updates its claim. */
export function setClaim(db: Database.Database, highlightId: string, fields: ClaimFields): void {
  if (!db.prepare('SELECT 1 FROM highlights WHERE id = ?').get(highlightId)) throw new GainsayError('not_found', 'That highlight no longer exists.');
  if (fields.viaActorId === fields.actorId) {
    throw new GainsayError('invalid_input', 'An actor cannot be both the source of a claim and the channel it came through.');
  }
  const existing = db.prepare('SELECT id FROM claims WHERE highlight_id = ?').get(highlightId) as { id: string } | undefined;
  const stamp = now();
  let claimId: string;
  if (existing) {
    claimId = existing.id;
    db.prepare('UPDATE claims SET actor_id = ?, via_actor_id = ?, claimed_on = ?, updated_at = ? WHERE id = ?').run(
      fields.actorId, fields.viaActorId, fields.claimedOn, stamp, claimId,
    );
    if (fields.noteJson !== undefined) {
      db.prepare('UPDATE claims SET note_json = ?, note_text = ? WHERE id = ?').run(fields.noteJson, fields.noteText ?? '', claimId);
    }
  } else {
    claimId = newId();
    db.prepare(
      `INSERT INTO claims (id, highlight_id, actor_id, via_actor_id, note_json, note_text, claimed_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(claimId, highlightId, fields.actorId, fields.viaActorId, fields.noteJson ?? '', fields.noteText ?? '', fields.claimedOn, stamp, stamp);
  }
  const wanted = new Set(tagIds(db, fields.tags));
  const current = db.prepare('SELECT tag_id FROM claim_tags WHERE claim_id = ?').pluck().all(claimId) as string[];
  for (const tagId of current) if (!wanted.has(tagId)) db.prepare('DELETE FROM claim_tags WHERE claim_id = ? AND tag_id = ?').run(claimId, tagId);
  for (const tagId of wanted) if (!current.includes(tagId)) db.prepare('INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)').run(claimId, tagId);
}

/** Turns a claim back into a plain highlight (its links go with it). */
export function removeClaim(db: Database.Database, highlightId: string): void {
  const { changes } = db.prepare('DELETE FROM claims WHERE highlight_id = ?').run(highlightId);
  if (changes === 0) throw new GainsayError('not_found', 'That highlight is not a claim.');
}

export function listTags(db: Database.Database): string[] {
  return (db.prepare(`SELECT ${upTo('name', MAX_TAG)} FROM tags ORDER BY name COLLATE NOCASE`).pluck().all() as string[]).map((tag) => clipped(tag, MAX_TAG));
}
