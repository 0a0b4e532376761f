import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, htmlActorClaims, markdownActorClaims, reportSource, type ReportClaim } from '../../shared/export/report';

// Every kind of whitespace \s matches, and two it does not (NEL, the Mongolian vowel separator).
const risky = fc.constantFrom(' ', '  ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e', '\\', '`', '*', '_', '{', '[', ']', '<', '>', '#', '|', '!', '~', '&', '"', "'", 'a', 'é', '😀');
const text = fc.oneof(fc.string(), fc.array(risky, { maxLength: 10 }).map((parts) => parts.join('')));

describe('report escaping', () => {
  it('returns text needing no escape as it is, and escapes the rest as the full replacement does (property)', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(escapeMarkdown(value)).toBe(value.replace(/\s{2,}|[^\S ]/g, ' ').replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&'));
        expect(escapeHtml(value)).toBe(value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;').replace(/[\v\x1c-\x1e\x85]/g, '\n'));
      }),
      { numRuns: 3000 },
    );
  });

  it("writes a claim's date, outlet, title and channel escaped as a whole, however often they repeat (property)", () => {
    fc.assert(
      fc.property(text, text, text, fc.option(text), fc.nat({ max: 3 }), (date, outlet, articleTitle, via, repeats) => {
        const claim: ReportClaim = { actor: 'Harbour authority', via, source: reportSource(outlet, articleTitle), date, quote: 'the ferry runs', note: '', colour: 0, needsAttention: false };
        const where = `<span class="where">${escapeHtml([date, outlet || 'Unknown outlet', articleTitle].join(' · '))}${via ? ` · via ${escapeHtml(via)}` : ''}</span>`;
        const line = `1. ${escapeMarkdown(date)}, ${escapeMarkdown(outlet || 'Unknown outlet')}, *${escapeMarkdown(articleTitle)}*${via ? ` (via ${escapeMarkdown(via)})` : ''}: the ferry runs`;
        // The escapes of repeating text are remembered: the second and later claims must read the same.
        for (let i = 0; i <= repeats; i++) {
          expect(htmlActorClaims('Harbour authority', [claim])).toContain(where);
          expect(markdownActorClaims('Harbour authority', [claim])).toContain(line);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
