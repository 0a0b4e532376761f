import type Database from 'better-sqlite3';
import { RATIONALE_IN_LISTS, type ListedLink } from '../../../../shared/domain';
import { MAX_NOTE_TEXT } from '../../../../shared/notes/note-limits';
import { findMatches, type SearchTerm } from '../../../../shared/text/search-query';
import { preparedOnce } from '../../db/prepared';
import { upTo } from '../bounded';

/** Code points of a rationale shown before its first match, when the list shows the match. */
const BEFORE_MATCH = 200;

/**
 * A listed link whose rationale matched the words searched for only past what lists show of it
 * (RATIONALE_IN_LISTS): its excerpt is taken around the first match instead of from the start,
 * so that the row shows why it was found. Any other link is returned as it is.
 */
export function showingMatch(db: Database.Database, link: ListedLink, terms: SearchTerm[]): ListedLink {
  if (!link.rationaleText.endsWith('…') || Array.from(link.rationaleText).length < RATIONALE_IN_LISTS) return link;
  const whole = preparedOnce(db, `SELECT ${upTo('rationale_text', MAX_NOTE_TEXT)} FROM links WHERE id = ?`).pluck().get(link.id) as string | undefined;
  if (whole === undefined) return link;
  const [first] = findMatches(whole, terms);
  if (!first) return link;
  const points = Array.from(whole);
  const [start, end] = [Array.from(whole.slice(0, first[0])).length, Array.from(whole.slice(0, first[1])).length];
  // Shown already, in the first RATIONALE_IN_LISTS - 1 code points (the last is the ellipsis).
  if (end < RATIONALE_IN_LISTS) return link;
  const from = Math.max(0, start - BEFORE_MATCH);
  const shown = points.slice(from, from + RATIONALE_IN_LISTS - 2).join('');
  return { ...link, rationaleText: `…${shown}${from + RATIONALE_IN_LISTS - 2 < points.length ? '…' : ''}` };
}
