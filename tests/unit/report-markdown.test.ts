import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_STATUSES, LINK_STATUS_LABELS } from '../../shared/domain';
import { NEEDS_ATTENTION, escapeMarkdown, markdownPair, reportSource, type ReportClaim } from '../../shared/export/report';

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', 'Harbour authority', 'a\nb', 'x  *y*', '\u2028', 'Łukasz “quoted”'));
/** A claim and the outlet and title of its article. */
const claim: fc.Arbitrary<ReportClaim & { outlet: string; title: string }> = fc.record({
  actor: text,
  via: fc.option(text),
  outlet: text,
  title: text,
  date: fc.option(fc.constantFrom('2026-03-01', '2026-12-31')),
  quote: text,
  note: text,
  colour: fc.nat({ max: 20 }),
  needsAttention: fc.boolean(),
}).map((c) => ({ ...c, source: reportSource(c.outlet, c.title) }));
const link = fc.record({ status: fc.constantFrom(...LINK_STATUSES), rationaleText: text, a: claim, b: claim });

/** A side as its own paragraphs, unindented: the list item indents each of its lines by two spaces. */
function unindentedSide(side: ReportClaim & { outlet: string; title: string }): string {
  const via = side.via ? ` via ${escapeMarkdown(side.via)}` : '';
  const attention = side.needsAttention ? ` (${NEEDS_ATTENTION})` : '';
  const note = side.note ? `\n\nNote: ${escapeMarkdown(side.note)}` : '';
  return `**${escapeMarkdown(side.actor)}**${via} — ${escapeMarkdown(side.outlet || 'Unknown outlet')}, ${escapeMarkdown(side.date ?? 'undated')}, *${escapeMarkdown(side.title)}*\n> ${escapeMarkdown(side.quote)}${attention}${note}`;
}

describe('report Markdown', () => {
  it("writes each link as a list item whose sides' lines are all indented by two spaces, blank ones too (property)", () => {
    fc.assert(
      fc.property(fc.array(link, { minLength: 1, maxLength: 3 }), (links) => {
        const written = markdownPair({ a: { name: 'North ministry' }, b: { name: 'South ministry' }, links }, 'vs');
        for (const l of links) {
          const sides = [l.a, l.b].map((side) => `  ${unindentedSide(side).replace(/\n/g, '\n  ')}`);
          const rationale = l.rationaleText ? `\n\n  Rationale: ${escapeMarkdown(l.rationaleText)}` : '';
          expect(written).toContain(`- **${LINK_STATUS_LABELS[l.status]}**\n\n${sides.join('\n\n')}${rationale}\n`);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
