import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay, resolveRelativeDate } from '../../shared/text/relative-date';

// 2025-05-14 is a Wednesday.
const WEDNESDAY = '2025-05-14';

describe('resolveRelativeDate', () => {
  it.each([
    ['Pelkov said on Tuesday', '2025-05-13', 'on Tuesday'],
    ['Pelkov said on Wednesday', '2025-05-14', 'on Wednesday'],
    ['On Thursday, the ministry said', '2025-05-08', 'On Thursday'],
    ['the minister told reporters yesterday', '2025-05-13', 'yesterday'],
    ['said in a statement today', '2025-05-14', 'today'],
    ['Monday’s statement said', '2025-05-12', 'Monday'],
  ])('%s → %s', (text, date, phrase) => {
    expect(resolveRelativeDate(text, WEDNESDAY)).toEqual({ date, phrase });
  });

  it.each([
    'Pelkov said last Tuesday',
    'the talks resume next Friday, he said',
    'he said on Tuesday, May 13',
    'said on Monday and again yesterday',
    'Pelkov said last week',
    'Pelkov said',
  ])('gives nothing that is not exact: %s', (text) => {
    expect(resolveRelativeDate(text, WEDNESDAY)).toBeNull();
  });

  it('agrees when two phrases name the same day', () => {
    expect(resolveRelativeDate('Yesterday, on Tuesday, he said', WEDNESDAY)?.date).toBe('2025-05-13');
  });

  it('always lands within the six days up to the article date, on the weekday named', () => {
    const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 6 }), (when, d) => {
        const article = when.toISOString().slice(0, 10);
        const found = resolveRelativeDate(`the minister said on ${days[d]}`, article)!;
        const back = (Date.parse(article) - Date.parse(found.date)) / 86_400_000;
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(6);
        expect(new Date(found.date).getUTCDay()).toBe(d);
      }),
    );
  });
});

describe('isoDay', () => {
  it('takes the date of a date or date-time, and nothing else', () => {
    expect(isoDay('2025-05-14')).toBe('2025-05-14');
    expect(isoDay('2025-05-14T09:30:00Z')).toBe('2025-05-14');
    expect(isoDay('May 14')).toBeNull();
    expect(isoDay(null)).toBeNull();
  });

  it('refuses a day the month does not have, which Date.parse would roll over', () => {
    expect(isoDay('2026-02-30')).toBeNull();
    expect(isoDay('2025-04-31T10:00:00Z')).toBeNull();
    expect(isoDay('2025-02-29')).toBeNull();
    expect(isoDay('2024-02-29')).toBe('2024-02-29');
    expect(isoDay('2025-13-01')).toBeNull();
  });

  it('gives back every real day as it was written', () => {
    const days = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(fc.property(days, (date) => isoDay(date.toISOString()) === date.toISOString().slice(0, 10)));
  });
});
