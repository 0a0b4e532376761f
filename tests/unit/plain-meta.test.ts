import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../electron/backend/import/extract';
import { findDate } from '../../shared/text/dates';
import { plainTextFindings } from '../../shared/text/plain-meta';

const findings = (text: string) => plainTextFindings(text, 'Fallback');

describe('metadata read from plain-text news', () => {
  it('takes the outlet from an agency line under the headline and the date from "Published …,2023"', () => {
    const { meta, found } = findings(
      'Harbour authority denies closure reports\nAnadolu Agency\nPublished September 25,2023\n\nThe port authority said on Monday that the harbour stays open.',
    );
    expect(meta).toMatchObject({ title: 'Harbour authority denies closure reports', outlet: 'Anadolu Agency', publishedAt: '2023-09-25' });
    expect(found).toEqual({ outlet: 'outlet line', publishedAt: 'date line' });
  });

  it.each([
    ['MOSCOW, Nov 10 (Reuters) – The ministry said…', 'Reuters'],
    ['MOSCOW, November 10. /TASS/. The ministry said…', 'TASS'],
    ['(Reuters) - The ministry said…', 'Reuters'],
    ['KYIV (Northern Wire) — The minister said…', 'Northern Wire'],
    ['PORT ELLIS, March 3 (Coastal Press Service) - Officials said…', 'Coastal Press Service'],
    ['SAN MARCO, Jan. 4 /Lagoon News/ The mayor said…', 'Lagoon News'],
  ])('takes the outlet from the dateline %j', (dateline, outlet) => {
    const { meta, found } = findings(`Ministry rejects report\n\n${dateline}`);
    expect(meta.outlet).toBe(outlet);
    expect(found.outlet).toBe('dateline');
    // A dateline's day and month have no year: no date is made up from it.
    expect(meta.publishedAt).toBeNull();
  });

  it.each([
    ['Published September 25,2023', '2023-09-25'],
    ['25 November 2020', '2020-11-25'],
    ['Nov. 25, 2020', '2020-11-25'],
    ['November 25, 2020 10:14 GMT', '2020-11-25'],
    ['Updated: 2021-02-03T10:00:00Z', '2021-02-03'],
    ['2019-07-01', '2019-07-01'],
    ['Posted 3 Sept 2024', '2024-09-03'],
  ])('reads the date line %j', (line, date) => {
    const { meta, found } = findings(`Ministry rejects report\n${line}\n\nBody text follows here.`);
    expect(meta.publishedAt).toBe(date);
    expect(found.publishedAt).toBe('date line');
    expect(meta.title).toBe('Ministry rejects report');
  });

  it.each([
    ['By Ana Ruiz', 'Ana Ruiz', ''],
    ['By Ana Ruiz, Harbour Times', 'Ana Ruiz', 'Harbour Times'],
    ['By Ana Ruiz | Lagoon News', 'Ana Ruiz', 'Lagoon News'],
    ['Written by Tomas Berg', 'Tomas Berg', ''],
    ['Author: Li Wen', 'Li Wen', ''],
    ['*By Ana Ruiz*', 'Ana Ruiz', ''],
  ])('reads the byline %j', (line, author, outlet) => {
    const { meta, found } = findings(`Ministry rejects report\n${line}\n\nBody.`);
    expect(meta.author).toBe(author);
    expect(found.author).toBe('byline');
    expect(meta.outlet).toBe(outlet);
  });

  it('reads Markdown news: heading marks and emphasis around the metadata lines', () => {
    const { meta } = findings('# Council votes down the plan\n\n**Published** 4 March 2026\n\n_The Harbour Times_\n\nPORT ELLIS (Harbour Wire) — The council…');
    expect(meta).toMatchObject({ title: 'Council votes down the plan', publishedAt: '2026-03-04', outlet: 'The Harbour Times' });
  });

  it('guesses nothing the text does not say', () => {
    const { meta, found } = findings('Fears Grow Over Press\n\nThe minister spoke on Tuesday, November 10, about the plan.');
    expect(meta).toMatchObject({ title: 'Fears Grow Over Press', outlet: '', author: '', publishedAt: null });
    expect(found).toEqual({});
  });

  it('does not take an invalid date', () => {
    expect(findDate('Published February 30, 2023')).toBeNull();
    expect(findDate('Published 2023-13-01')).toBeNull();
  });

  it('never throws and always gives a title, on any text', () => {
    const pieces = fc.constantFrom('MOSCOW, ', 'Nov 10 ', '(', ')', '/', 'TASS', ' – ', '\n', 'By ', ', ', '2023', 'Published ', '# ', '*', 'Agency', ' ', 'é', '😀');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(pieces, { maxLength: 80 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        const { meta } = findings(t);
        expect(meta.title.length).toBeGreaterThan(0);
        if (meta.publishedAt) expect(meta.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });

  it('reads only the top of a huge or odd text, in bounded time', () => {
    const huge = [
      'A'.repeat(5_000_000),
      `MOSCOW${' '.repeat(2_000_000)}(`,
      `${'MOSCOW, '.repeat(300_000)}\n`.repeat(3),
      '('.repeat(3_000_000),
      `${'1 '.repeat(2_000_000)}2023`,
    ];
    for (const text of huge) {
      const started = performance.now();
      findings(text);
      expect(performance.now() - started).toBeLessThan(250);
    }
  });
});

describe('metadata read at import', () => {
  it('a .txt file and a .md file without front matter get their outlet, date and byline from their text', async () => {
    const txt = await readArticle('harbour.txt', new TextEncoder().encode('Harbour stays open\r\nBy Ana Ruiz\r\n\r\nNov. 25, 2020\r\n\r\nPORT ELLIS, Nov 25 (Lagoon Wire) – The port said it stays open.'));
    expect(txt.meta).toMatchObject({ title: 'Harbour stays open', author: 'Ana Ruiz', publishedAt: '2020-11-25', outlet: 'Lagoon Wire' });
    const md = await readArticle('harbour.md', new TextEncoder().encode('# Harbour stays open\n\n*Coastline Agency*\n\n**Published September 25,2023**\n\nThe port said it stays open.'));
    expect(md.meta).toMatchObject({ title: 'Harbour stays open', publishedAt: '2023-09-25', outlet: 'Coastline Agency' });
    // Markdown keeps its text as written: the marks are only ignored when reading the details.
    expect(md.text).toContain('*Coastline Agency*');
  });
});
