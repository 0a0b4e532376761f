/**
 * Recognises the publication dates news pages print, returning ISO dates (YYYY-MM-DD), or an ISO
 * date-time where a machine-readable one is given.
 */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A machine-readable date or date-time (meta tags, <time datetime>, front matter). */
export function parseMachineDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (!match) return findDate(trimmed);
  const day = iso(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!day || match[4] === undefined) return day;
  const parsed = new Date(trimmed.replace(' ', 'T'));
  return Number.isNaN(parsed.getTime()) ? day : parsed.toISOString();
}

/**
 * The first date written in a line of prose: "4 March 2026", "March 4, 2026", "Nov. 25, 2020",
 * "September 25,2023" (a comma without its space, as some sites print it), "2026-03-04", "04.03.2026".
 */
export function findDate(line: string): string | null {
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(line);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s*(\d{4})\b/.exec(line);
  if (m && MONTHS[m[2]!.toLowerCase()]) return iso(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1]));
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})\b/.exec(line);
  if (m && MONTHS[m[1]!.toLowerCase()]) return iso(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2]));
  m = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(line);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}
