import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headlineBlock, withoutHeadingMarks } from '../../shared/text/blocks';

describe('headlineBlock', () => {
  it('recognises a Markdown heading line as the title it names', () => {
    const text = '# Varnitsa talks will resume, envoy says\n\nThe envoy said talks “will resume next week”.';
    expect(headlineBlock(text, 'Varnitsa talks will resume, envoy says')).toBe(0);
    expect(headlineBlock('Harbour Wire\n## Port stays open ##\n\nThe port said it stays open.', 'Port stays open')).toBe(1);
  });

  it('does not take a hashtag or another heading for the title', () => {
    expect(headlineBlock('#Varnitsa trends online\n\nThe hashtag spread on Monday.', 'Varnitsa trends online')).toBe(-1);
    expect(headlineBlock('# Talks resume in Varnitsa\n\nBody.', 'Talks resume')).toBe(-1);
  });

  it('finds a title written as a heading of any level, with or without closing marks', () => {
    const title = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .map((value) => value.replace(/[\n\r]/g, ' ').trim())
      .filter((value) => value !== '' && !value.startsWith('#') && !value.endsWith('#'));
    fc.assert(
      fc.property(title, fc.integer({ min: 1, max: 6 }), fc.boolean(), (wanted, level, closed) => {
        const marks = '#'.repeat(level);
        const line = `${marks} ${wanted}${closed ? ` ${marks}` : ''}`;
        expect(withoutHeadingMarks(line)).toBe(wanted);
        expect(headlineBlock(`${line}\n\nThe spokesman said so on Monday.`, wanted)).toBe(0);
      }),
    );
  });
});

describe('withoutHeadingMarks', () => {
  it('leaves lines that are no heading as they are', () => {
    for (const line of ['#hashtag', 'C# is a language', '####### seven marks', 'The minister said # was a typo', '']) {
      expect(withoutHeadingMarks(line)).toBe(line);
    }
    expect(withoutHeadingMarks('# Learning C#')).toBe('Learning C#');
  });
});
