import type Database from 'better-sqlite3';
import { OffsetMap } from '../../../../shared/offsets';
import { requireOpenable } from '../articles/repository';
import { anchorHolds } from './anchors';

/** Offset maps kept for the most recently annotated articles. */
const CACHED_ARTICLES = 8;

/**
 * What an open project remembers about its anchors, so that annotating does not re-read and
 * re-check a whole article for every highlight: the offset maps of recently annotated articles
 * (stored text never changes, so a map is good while its article exists, checked on every use),
 * and per article the highlights whose quote does not match the text (a file edited by another
 * tool). It belongs to the Project, which forgets the checks whenever its history replays steps:
 * undo and redo can bring back any earlier state.
 */
export class AnchorChecks {
  private readonly texts = new Map<string, OffsetMap>();
  private readonly broken = new Map<string, Set<string>>();

  /** The article's text as an offset map (refusing an article too large to open). */
  text(db: Database.Database, articleId: string): OffsetMap {
    const cached = this.texts.get(articleId);
    if (cached && db.prepare('SELECT 1 FROM articles WHERE id = ?').get(articleId)) return cached;
    this.texts.delete(articleId);
    requireOpenable(db, articleId);
    const row = db.prepare('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string };
    const map = new OffsetMap(row.text);
    this.texts.set(articleId, map);
    if (this.texts.size > CACHED_ARTICLES) this.texts.delete(this.texts.keys().next().value!);
    return map;
  }

  /** The ids of the article's highlights whose quote is not the text at their offsets. */
  brokenIn(db: Database.Database, articleId: string): Set<string> {
    let broken = this.broken.get(articleId);
    if (!broken) {
      const text = this.text(db, articleId);
      const rows = db.prepare('SELECT id, start_cp, end_cp, quote FROM highlights WHERE article_id = ?').all(articleId) as Array<{ id: string; start_cp: number; end_cp: number; quote: string }>;
      broken = new Set(rows.filter((r) => !anchorHolds(text, r.start_cp, r.end_cp, r.quote)).map((r) => r.id));
      this.broken.set(articleId, broken);
    }
    return broken;
  }

  /** A highlight was given a new, verified anchor. */
  repaired(articleId: string, highlightId: string): void {
    this.broken.get(articleId)?.delete(highlightId);
  }

  /** Forgets every check (the project's history replayed steps). */
  forgetChecks(): void {
    this.broken.clear();
  }
}
