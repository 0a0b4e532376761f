import { describe, expect, it } from 'vitest';
import { formatDate } from '../../renderer/src/format';

describe('formatDate', () => {
  it('shows a date or date-time as a day of the calendar', () => {
    expect(formatDate('2026-03-05')).toBe('5 Mar 2026');
    expect(formatDate('2026-03-05T12:00:00.000Z')).toBe('5 Mar 2026');
    expect(formatDate(null)).toBe('');
  });

  it('shows what a file written elsewhere holds as it is, not as the day the calendar turns it into', () => {
    for (const value of ['-000001-01-01', '+275760-09-13', '2026-02-30', '99999-99-99', 'not-a-date', '2026-03-05 noon']) expect(formatDate(value)).toBe(value);
  });
});
