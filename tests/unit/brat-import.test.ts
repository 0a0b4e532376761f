import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnn } from '../../electron/backend/import/brat/ann';
import { storedText } from '../../electron/backend/import/brat/stored-text';
import { normaliseText } from '../../shared/text/normalise';

describe('brat .ann parsing', () => {
  it('reads T (discontinuous too), R, E, A, #, * and N, and lists what does not parse with its line', () => {
    const doc = parseAnn('x.ann', 'T1\tSource 0 3\tAnn\nT2\tContent 4 8;9 12\tsaid that\r\nE1\tAttribution:T1 Source:T1 Theme2:T2\nR1\tRel Arg1:T1 Arg2:T2\u0085A1\tNegated E1\n#1\tAnnotatorNotes T2\tnote\twith tab\n*\tEquiv T1 T2\nN1\tReference T1 Wikipedia:1\tAnn\n');
    expect(doc.problems).toEqual([]);
    expect(doc.entities.get('T2')).toMatchObject({ type: 'Content', fragments: [[4, 8], [9, 12]], text: 'said that' });
    expect(doc.events).toMatchObject([{ type: 'Attribution', trigger: 'T1', args: [{ role: 'Source', id: 'T1' }, { role: 'Theme', id: 'T2' }] }]);
    expect(doc.relations).toMatchObject([{ type: 'Rel', arg1: 'T1', arg2: 'T2', line: 4 }]);
    expect(doc.notes).toMatchObject([{ target: 'T2', text: 'note\twith tab' }]);
    expect(doc.equivalences).toEqual([{ type: 'Equiv', ids: ['T1', 'T2'] }]);
    expect(doc.attributes).toEqual([{ type: 'Negated', target: 'E1', value: null }]);
    expect(parseAnn('y.ann', 'T1\tX 0 3\ta\nT1\tX 0 1\tb\nQ1\tfoo\nE1\tAttr:T9\n').problems).toEqual([
      'y.ann line 2: the id T1 is used twice',
      'y.ann line 3: “Q1\tfoo” is not a brat annotation (it should start with an id such as T1, R1, E1, A1, #1 or *)',
      'y.ann line 4: E1 refers to T9, which the file does not have',
    ]);
  });

  it('checks references in one pass: 200,000 events each naming the one before are read, not compared pairwise', () => {
    const lines = ['T1\tSource 0 3\tAnn', 'E1\tAttribution:T1 Source:T1'];
    for (let i = 2; i <= 200_000; i++) lines.push(`E${i}\tAttribution:T1 Cause:E${i - 1}`);
    lines.push('E200001\tAttribution:T1 Cause:E999999');
    const doc = parseAnn('many.ann', lines.join('\n'));
    expect(doc.events).toHaveLength(200_001);
    expect(doc.problems).toEqual(['many.ann line 200002: E200001 refers to E999999, which the file does not have']);
  }, 20_000);

  it('never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('T', 'R', 'E', '#', '*', '1', '2', ' ', '\t', ';', ':', 'Arg1', 'Arg2', '\n', 'x', '9999999999999999') }), (text) => {
        expect(Array.isArray(parseAnn('f.ann', text).problems)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a file’s offsets carried over to the text as stored', () => {
  it('keep every word: CRLF, NFD accents, control characters, spaces at line ends and blank lines around it', () => {
    const piece = fc.constantFrom('word', 'cafe\u0301', 'e\u0301te\u0301', '停火', '👍🏽', ' ', '\t', '\r\n', '\n', '\n\n\n', '\u0007', '\u00a0', '\ufeff');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), (pieces) => {
        const original = pieces.join('');
        const stored = storedText(original);
        expect(stored).not.toBeNull();
        expect(stored!.text).toBe(normaliseText(original));
        // Each word-like piece lands on itself, composed.
        let offset = 0;
        for (const p of pieces) {
          const length = Array.from(p).length;
          if (/^[\p{L}\p{M}\p{So}\p{Sk}]+$/u.test(p)) {
            const [s, e] = [stored!.at(offset), stored!.at(offset + length)];
            expect(stored!.points.slice(s!, e!).join('')).toBe(p.normalize('NFC'));
          }
          offset += length;
        }
      }),
      { numRuns: 1000 },
    );
    // An offset between a letter and its accent has no place in the composed text.
    expect(storedText('cafe\u0301')!.at(4)).toBeNull();
  });
});
