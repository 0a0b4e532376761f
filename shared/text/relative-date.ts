/**
 * Relative dates that can be resolved exactly against an article's date: "yesterday", "today",
 * "tonight", and a weekday ("on Tuesday", "Tuesday's statement"), which in a news report is the
 * most recent such day up to the report's date. "Last week", "next Friday" and the like are not
 * exact and are left alone; so is a weekday with a date written after it ("Tuesday, May 13").
 */

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;

const RELATIVE = new RegExp(`\\b(?:(last|next|this|coming|past|previous|every)\\s+)?(?:on\\s+)?(${WEEKDAYS.join('|')}|yesterday|today|tonight)\\b`, 'giu');
/** What follows a weekday that already names its date. */
const DATE_FOLLOWS = /^,?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/iu;

export interface ResolvedDate {
  /** YYYY-MM-DD. */
  date: string;
  /** The words it was read from, as written ("on Tuesday"). */
  phrase: string;
}

/** The calendar date of an ISO date or date-time, when it is one (a day the calendar has). */
export function isoDay(value: string | null | undefined): string | null {
  const day = value?.slice(0, 10) ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(day)) return null;
  const time = Date.parse(`${day}T00:00:00Z`);
  // Date.parse takes any day up to 31 and rolls it over (2026-02-30 is March 2nd): a day is one only if it reads back the same.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day ? day : null;
}

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The one date that the relative expressions in `text` name, counted from `articleDay`
 * (YYYY-MM-DD); null when there is none, or when they name different days.
 */
export function resolveRelativeDate(text: string, articleDay: string): ResolvedDate | null {
  const found: ResolvedDate[] = [];
  const weekday = new Date(`${articleDay}T00:00:00Z`).getUTCDay();
  for (const match of text.matchAll(RELATIVE)) {
    const [phrase, qualifier, word] = match as unknown as [string, string | undefined, string];
    if (qualifier) continue;
    const lower = word.toLowerCase();
    let days: number;
    if (lower === 'yesterday') days = -1;
    else if (lower === 'today' || lower === 'tonight') days = 0;
    else {
      if (DATE_FOLLOWS.test(text.slice(match.index + phrase.length))) continue;
      days = -((weekday - WEEKDAYS.indexOf(lower) + 7) % 7);
    }
    found.push({ date: shift(articleDay, days), phrase });
  }
  const dates = new Set(found.map((f) => f.date));
  return dates.size === 1 ? found[0]! : null;
}
