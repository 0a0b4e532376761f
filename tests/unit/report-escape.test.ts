import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../shared/export/report';

const risky = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\\', '`', '*', '_', '{', '[', ']', '<', '>', '#', '|', '!', '~', '&', '"', "'", 'a', 'é', '😀');
const text = fc.oneof(fc.string(), fc.array(risky, { maxLength: 10 }).map((parts) => parts.join('')));

describe('report escaping', () => {
  it('returns text needing no escape as it is, and escapes the rest as the full replacement does (property)', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(escapeMarkdown(value)).toBe(value.replace(/\s{2,}|[^\S ]/g, ' ').replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&'));
        expect(escapeHtml(value)).toBe(value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;'));
      }),
      { numRuns: 3000 },
    );
  });
});
