import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldMapped } from '../../shared/fold';
import { findMatches, keyNeedle, parseSearch, searchKey, toFtsQuery } from '../../shared/text/search-query';
import { snippetAround } from '../../shared/text/snippet';

const marked = (text: string, query: string) => findMatches(text, parseSearch(query)).map(([s, e]) => text.slice(s, e));

describe('search queries', () => {
  it('become FTS5 queries that cannot be syntax errors', () => {
    expect(toFtsQuery(parseSearch('Erdoğan  troops'))).toBe('"erdogan"* "troops"*');
    expect(toFtsQuery(parseSearch('"48\u00a0hours" NOT'))).toBe('"48 hours" "not"*');
    expect(toFtsQuery(parseSearch('qu’aucune'))).toBe('"qu"* "aucune"*');
    expect(toFtsQuery(parseSearch('Łukasiewicz'))).toBe('"lukasiewicz"*');
    expect(toFtsQuery(parseSearch('* ( ) "" AND:'))).toBe('"and"*');
    expect(toFtsQuery(parseSearch('   '))).toBeNull();
  });

  it('fold a character at a time, knowing where each folded unit came from', () => {
    const { folded, source } = foldMapped('İlham Łukasiewicz ØDEGÅRD Straße');
    expect(folded).toBe('ilham lukasiewicz odegard strasse');
    expect(source![folded.indexOf('ss')]).toBe(source![folded.indexOf('ss') + 1]); // both from ß
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const mapped = foldMapped(text);
        const source = mapped.source ?? Int32Array.from({ length: text.length + 1 }, (_, i) => i);
        expect(source.length).toBe(mapped.folded.length + 1);
        expect(source[source.length - 1]).toBe(text.length);
        expect(source.every((at, i) => i === 0 || at >= source[i - 1]!)).toBe(true);
      }),
    );
  });

  it('mark words the way the index matches them', () => {
    expect(marked('Erdoğan met Erdoğanlı; ERDOGAN said', 'erdogan')).toEqual(['Erdoğan', 'Erdoğanlı', 'ERDOGAN']);
    expect(marked('for 48\u00a0hours, then 48 more hours', '"48 hours"')).toEqual(['48\u00a0hours']);
    expect(marked('停火监督团将于下周抵达', '停火')).toEqual(['停火监督团将于下周抵达']);
    expect(marked('qu’«\u00a0aucun accord\u00a0»', 'aucun accord')).toEqual(['aucun', 'accord']);
    expect(marked('nothing here', 'troops')).toEqual([]);
    expect(marked('Die Straße, STRASSE und strasse', 'strasse')).toEqual(['Straße', 'STRASSE', 'strasse']);
    expect(marked('Die Straße', 'straße')).toEqual(['Straße']);
    expect(marked('Ærø and Aero', 'aero')).toEqual(['Ærø', 'Aero']);
  });

  it('cut snippets around the first match without splitting emoji', () => {
    const text = `${'😀'.repeat(60)} the minister said “no troops” ${'👍🏽'.repeat(60)}`;
    const parts = snippetAround(text, findMatches(text, parseSearch('troops')), 20);
    const joined = parts.map((p) => p.text).join('');
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['troops']);
    expect(joined).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

/** The obvious, slow way: tokenise everything, compare word by word. findMatches must agree. */
function naiveMatches(text: string, query: string): Array<[number, number]> {
  const { folded, source } = foldMapped(text);
  const at = (i: number) => (source ? source[i]! : i);
  const tokens = Array.from(folded.matchAll(/[\p{L}\p{N}\p{M}\p{Co}]+/gu), (m) => ({ word: m[0], start: at(m.index), end: at(m.index + m[0].length) }));
  const found: Array<[number, number]> = [];
  for (const term of parseSearch(query)) {
    for (let i = 0; i + term.words.length <= tokens.length; i++) {
      const ok = term.words.every((w, k) => (term.prefix ? tokens[i + k]!.word.startsWith(w) : tokens[i + k]!.word === w));
      if (ok) found.push([tokens[i]!.start, tokens[i + term.words.length - 1]!.end]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

describe('findMatches', () => {
  it('agrees with tokenising the whole text', () => {
    const word = fc.constantFrom('erdoğan', 'Erdogan', 'troops', 'troop', 'ÉTÉ', 'ete', '停火', '😀', '48', 'hours', 'İlham', 'ilham', 'Straße', 'strasse', 'stras', 'Ærø', 'aero');
    const gap = fc.constantFrom(' ', '\u00a0', ', ', '’', '“', '\n', '—', '');
    const text = fc.array(fc.tuple(word, gap), { maxLength: 30 }).map((pairs) => pairs.map(([w, g]) => w + g).join(''));
    const query = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`), fc.tuple(word, word).map(([a, b]) => `${a} ${b}`));
    fc.assert(
      fc.property(text, query, (t, q) => {
        expect(findMatches(t, parseSearch(q))).toEqual(naiveMatches(t, q));
      }),
      { numRuns: 500 },
    );
  });

  it('search keys (the review list and link picker) find exactly what the library search marks', () => {
    expect(searchKey('“Łukasiewicz” said: NO!')).toBe(' lukasiewicz said no ');
    const words = ['troops', 'Troops', 'trö', 'ops', 'Łódź', 'lodz', 'no', 'agreement', '48', 'hours', '停火', 'Erdoğan', 'erdoganli', 'qu', 'aucun', 'Straße', 'strasse', 'Þór', 'thor'];
    const separators = [' ', '\u00a0', ', ', '“', '”', '’', '\n\n', '—', '-', '👍🏽', ''];
    const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...separators)), { maxLength: 12 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    const query = fc.array(fc.tuple(fc.constantFrom(...words), fc.boolean()), { minLength: 1, maxLength: 3 }).map((parts) => parts.map(([w, quoted]) => (quoted ? `"${w} ${w}"` : w)).join(' '));
    fc.assert(
      fc.property(text, query, (t, q) => {
        const key = searchKey(t);
        for (const term of parseSearch(q)) {
          expect(key.includes(keyNeedle(term)), `${JSON.stringify(t)} / ${JSON.stringify(q)}`).toBe(findMatches(t, [term]).length > 0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
