/**
 * The review report: a briefing an analyst can hand over, as one self-contained HTML file (no
 * external assets, print styles) and as Markdown. Pure functions producing text in parts.
 */
import type { LinkStatus } from '../domain';
import { LINK_STATUSES, LINK_STATUS_LABELS } from '../domain';
import { ACTOR_STYLES, actorStyle, type ActorMark } from '../palette';
import { plural } from '../text/plural';

export interface ReportClaim {
  actor: string;
  via: string | null;
  /** Its article's outlet and title, shared by the article's claims. */
  source: ReportSource;
  date: string | null;
  quote: string;
  /** The claim's note as plain text ('' for none). */
  note: string;
  /** The actor's place in the palette, as in the app (see actorColourIndexes). */
  colour: number;
  /** Its offsets or quote do not hold on the article's text (the app shows "needs attention"). */
  needsAttention: boolean;
}

/**
 * An article's outlet and title as each form of the report writes them, escaped once for all its
 * claims: looked up claim by claim (see remembered), they cost a third of making the text.
 */
export interface ReportSource {
  html: { outlet: string; title: string };
  markdown: { outlet: string; title: string };
}

/** A link as the report shows it: the earlier claim first. */
export interface ReportLink {
  status: LinkStatus;
  rationaleText: string;
  a: ReportClaim;
  b: ReportClaim;
}

export interface ReportPair {
  a: { name: string };
  b: { name: string };
  links: ReportLink[];
}

export interface ReportHeader {
  project: string;
  generated: string;
  counts: { articles: number; claims: number; contradictions: number; corroborations: number; needsAttention: number };
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML. The control characters that break lines for brat and Python (\v, \x1c–\x1e,
 * NEL) become \n: raw, HTML parsers report them as errors, and a reference to NEL (&#133;) is
 * read as windows-1252's "…". U+2028 and U+2029 are not controls and are kept.
 */
export function escapeHtml(text: string): string {
  // Most fields (names, dates, outlets) need nothing: they are returned without a new string.
  if (!/[&<>"'\v\x1c-\x1e\x85]/.test(text)) return text;
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!).replace(/[\v\x1c-\x1e\x85]/g, '\n');
}

/**
 * `escape` with its results kept, for the text that repeats from claim to claim (names, outlets,
 * titles, dates): a report of 100,000 claims escapes a few hundred distinct ones. Bounded, as it
 * outlives the report.
 */
function remembered(escape: (text: string) => string): (text: string) => string {
  const results = new Map<string, string>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) {
      if (results.size >= 10_000) results.clear();
      results.set(text, (result = escape(text)));
    }
    return result;
  };
}

/** escapeHtml of text that repeats. */
const htmlOf = remembered(escapeHtml);

/** An article's outlet (unknown when empty) and title, escaped for each form. */
export function reportSource(outlet: string, title: string): ReportSource {
  const shown = outlet || 'Unknown outlet';
  return { html: { outlet: escapeHtml(shown), title: escapeHtml(title) }, markdown: { outlet: escapeMarkdown(shown), title: escapeMarkdown(title) } };
}

/** The report's form of each mark (see ACTOR_MARKS): the quote's bar and the chip's shape. */
const REPORT_MARKS: Record<ActorMark, { bar: string; chip: string }> = {
  none: { bar: 'solid', chip: 'border-radius: 50%' },
  solid: { bar: 'double', chip: 'border-radius: 1px' },
  dashed: { bar: 'dashed', chip: 'border-radius: 1px; transform: rotate(45deg) scale(.85)' },
};

function actorStyleCss(index: number): string {
  const { colour, mark } = actorStyle(index);
  return `  .c${index} { --actor: ${colour}; --actor-bg: ${colour}8c; } blockquote.q.c${index} { border-left-style: ${REPORT_MARKS[mark].bar}; } .chip.c${index} { ${REPORT_MARKS[mark].chip}; }`;
}

const STYLE = `
  :root { color-scheme: light; --ink: #1d1f23; --muted: #5d636e; --line: #dcd9d2; --open: #9a6700; --confirmed: #1a7f37; --dismissed: #6e7781; }
  body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; color: var(--ink); max-width: 1040px; margin: 32px auto; padding: 0 24px; }
  h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; }
  h3 { font-size: 16px; margin: 24px 0 8px; } .meta { color: var(--muted); margin: 0 0 8px; }
  .summary { display: flex; gap: 24px; margin: 16px 0; } .summary div { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; }
  .summary b { display: block; font-size: 22px; }
  .link { border: 1px solid var(--line); border-left: 4px solid var(--open); border-radius: 6px; padding: 10px 14px; margin: 10px 0; break-inside: avoid; }
  .link.confirmed { border-left-color: var(--confirmed); } .link.dismissed { border-left-color: var(--dismissed); opacity: .8; }
  .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; } .side + .side { border-left: 1px solid var(--line); padding-left: 18px; }
  .who { font-weight: 700; } .where { color: var(--muted); font-size: 13px; }
  blockquote { margin: 6px 0; font-family: Georgia, 'Noto Serif', serif; } .status { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; }
  .needs-attention { color: var(--open); font-size: 13px; font-weight: 700; }
  .rationale { margin: 8px 0 0; } .rationale b { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
  ol.claims { padding-left: 20px; } ol.claims li { margin: 6px 0; break-inside: avoid; }
  blockquote.q { padding: 3px 8px; border-left: 5px solid var(--actor); background: var(--actor-bg); border-radius: 3px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .chip { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 6px; background: var(--actor); print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .note { margin: 4px 0 0; font-size: 13.5px; } .note b { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
  @media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } a { color: inherit; text-decoration: none; } }
${Array.from({ length: ACTOR_STYLES }, (_, i) => actorStyleCss(i)).join('\n')}
`;

/** What the report says beside a claim whose span does not hold, in both forms. */
export const NEEDS_ATTENTION = 'needs attention: its offsets or quote do not match the article text';

const attentionHtml = (claim: ReportClaim) => (claim.needsAttention ? `<div class="needs-attention">${NEEDS_ATTENTION}</div>` : '');
const attentionMarkdown = (claim: ReportClaim) => (claim.needsAttention ? ` (${NEEDS_ATTENTION})` : '');
const noteHtml = (claim: ReportClaim) => (claim.note ? `<p class="note"><b>Note</b> ${escapeHtml(claim.note)}</p>` : '');
/** The quote in the actor's colour, as the app highlights it. */
const quoteHtml = (claim: ReportClaim) => `<blockquote class="q c${claim.colour}">${escapeHtml(claim.quote)}</blockquote>`;

function sideHtml(side: ReportClaim): string {
  const where = `${side.source.html.outlet} · ${htmlOf(side.date ?? 'undated')} · ${side.source.html.title}`;
  return `<div class="side"><div class="who"><span class="chip c${side.colour}"></span>${htmlOf(side.actor)}${side.via ? ` <span class="where">via ${htmlOf(side.via)}</span>` : ''}</div><div class="where">${where}</div>${quoteHtml(side)}${noteHtml(side)}${attentionHtml(side)}</div>`;
}

export function htmlStart(header: ReportHeader): string {
  const { counts } = header;
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(header.project)} — review report</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(header.project)}: who contradicts whom</h1><p class="meta">Review report generated by Gainsay on ${escapeHtml(header.generated)}</p>
<div class="summary"><div><b>${counts.articles}</b>articles</div><div><b>${counts.claims}</b>claims</div><div><b>${counts.contradictions}</b>contradictions</div><div><b>${counts.corroborations}</b>corroborations</div>${counts.needsAttention ? `<div class="needs-attention"><b>${counts.needsAttention}</b>need attention</div>` : ''}</div>\n`;
}

export function htmlSection(title: string, empty: string): string {
  return `<h2>${escapeHtml(title)}</h2>\n${empty ? `<p class="meta">${escapeHtml(empty)}</p>\n` : ''}`;
}

function statusLine(links: ReportLink[]): string {
  return LINK_STATUSES.map((status) => [status, links.filter((l) => l.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

export function htmlPair(pair: ReportPair, verb: string): string {
  const items = pair.links
    .map(
      (link) =>
        `<div class="link ${link.status}"><div class="status">${LINK_STATUS_LABELS[link.status]}</div><div class="sides">${sideHtml(link.a)}${sideHtml(link.b)}</div>${link.rationaleText ? `<p class="rationale"><b>Rationale</b> ${escapeHtml(link.rationaleText)}</p>` : ''}</div>`,
    )
    .join('\n');
  return `<h3>${escapeHtml(pair.a.name)} ${verb} ${escapeHtml(pair.b.name)} <span class="meta">(${pair.links.length}: ${statusLine(pair.links)})</span></h3>\n${items}\n`;
}

export function htmlActorClaims(actor: string, claims: ReportClaim[]): string {
  const items = claims
    // Each part escaped alone, as the separator needs no escaping.
    .map((c) => `<li><span class="where">${htmlOf(c.date ?? 'undated')} · ${c.source.html.outlet} · ${c.source.html.title}${c.via ? ` · via ${htmlOf(c.via)}` : ''}</span>${quoteHtml(c)}${noteHtml(c)}${attentionHtml(c)}</li>`)
    .join('\n');
  return `<h3>${escapeHtml(actor)} <span class="meta">(${claims.length})</span></h3>\n<ol class="claims">\n${items}\n</ol>\n`;
}

export const HTML_END = '</body></html>\n';

/**
 * Markdown text on one line with the characters that would start formatting escaped. Only
 * whitespace other than a single space is replaced: most text has none, and is left as it is.
 */
export function escapeMarkdown(text: string): string {
  // The common case first: nothing to replace, and no new string made.
  if (!/[^\S ]| {2}|[\\`*_{}[\]<>#|!~]/.test(text)) return text;
  return text.replace(/\s{2,}|[^\S ]/g, ' ').replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&');
}

/** escapeMarkdown of text that repeats. */
const markdownOf = remembered(escapeMarkdown);

/**
 * A note as its own paragraph (a line right after a quote or list item would run on into it),
 * its line indented by `indent`, the blank line before it holding `blank`.
 */
const noteMarkdown = (claim: ReportClaim, indent: string, blank = '') => (claim.note ? `\n${blank}\n${indent}Note: ${escapeMarkdown(claim.note)}` : '');

/** A link's side as paragraphs of its list item, every line after the first indented by two spaces (blank ones too). */
function sideMarkdown(side: ReportClaim): string {
  return `**${markdownOf(side.actor)}**${side.via ? ` via ${markdownOf(side.via)}` : ''} — ${side.source.markdown.outlet}, ${markdownOf(side.date ?? 'undated')}, *${side.source.markdown.title}*\n  > ${escapeMarkdown(side.quote)}${attentionMarkdown(side)}${noteMarkdown(side, '  ', '  ')}`;
}

export function markdownStart(header: ReportHeader): string {
  const { counts } = header;
  return `# ${escapeMarkdown(header.project)}: who contradicts whom\n\nReview report generated by Gainsay on ${escapeMarkdown(header.generated)}. ${plural(counts.articles, 'article')}, ${plural(counts.claims, 'claim')}, ${plural(counts.contradictions, 'contradiction')}, ${plural(counts.corroborations, 'corroboration')}.${counts.needsAttention ? ` ${plural(counts.needsAttention, 'claim')} ${counts.needsAttention === 1 ? 'needs' : 'need'} attention: their offsets or quote do not match the article text.` : ''}\n\n`;
}

export function markdownSection(title: string, empty: string): string {
  return `## ${escapeMarkdown(title)}\n\n${empty ? `${escapeMarkdown(empty)}\n\n` : ''}`;
}

export function markdownPair(pair: ReportPair, verb: string): string {
  const items = pair.links
    .map((link) => `- **${LINK_STATUS_LABELS[link.status]}**\n\n  ${sideMarkdown(link.a)}\n\n  ${sideMarkdown(link.b)}${link.rationaleText ? `\n\n  Rationale: ${escapeMarkdown(link.rationaleText)}` : ''}\n`)
    .join('\n');
  return `### ${escapeMarkdown(pair.a.name)} ${verb} ${escapeMarkdown(pair.b.name)} (${pair.links.length}: ${statusLine(pair.links)})\n\n${items}\n`;
}

export function markdownActorClaims(actor: string, claims: ReportClaim[]): string {
  return `### ${escapeMarkdown(actor)} (${claims.length})\n\n${claims.map((c, i) => `${i + 1}. ${markdownOf(c.date ?? 'undated')}, ${c.source.markdown.outlet}, *${c.source.markdown.title}*${c.via ? ` (via ${markdownOf(c.via)})` : ''}: ${escapeMarkdown(c.quote)}${attentionMarkdown(c)}${noteMarkdown(c, '   ')}`).join('\n')}\n\n`;
}
