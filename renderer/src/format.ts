import { isoDay } from '../../shared/text/relative-date';

// One formatter of each kind, made once: toLocaleDateString with options builds a new
// Intl.DateTimeFormat on every call, which made scrolling long lists stutter.
const DAY = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const dateOnly = new Intl.DateTimeFormat('en-GB', { ...DAY, timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', DAY);

/**
 * "5 Mar 2026" for a date or date-time; the empty string for none. Anything else (a file written
 * elsewhere may hold "-000001-01-01" or "2026-02-30") is shown as it is written, not read as a
 * date the calendar turns it into ("1 Jan 2", "2 Mar 2026").
 */
export function formatDate(value: string | null): string {
  if (!value) return '';
  const day = isoDay(value);
  if (day === null || (value.length > 10 && value[10] !== 'T')) return value;
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return (value.length === 10 ? dateOnly : dateTime).format(date);
}

export { plural } from '../../shared/text/plural';
