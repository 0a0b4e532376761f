// One formatter of each kind, made once: toLocaleDateString with options builds a new
// Intl.DateTimeFormat on every call, which made scrolling long lists stutter.
const DAY = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const dateOnly = new Intl.DateTimeFormat('en-GB', { ...DAY, timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', DAY);

/** "5 Mar 2026" for a date or date-time; the empty string for none. */
export function formatDate(value: string | null): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return (value.length === 10 ? dateOnly : dateTime).format(date);
}

export { plural } from '../../shared/text/plural';
