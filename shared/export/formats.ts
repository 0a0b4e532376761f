import { plural } from '../text/plural';

/** The export formats, as `gainsay export --format` and the Export menu name them. */
export const EXPORT_FORMATS = ['sqlite', 'json', 'csv', 'w3c', 'brat', 'refi', 'report'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  sqlite: 'Project file copy (.gainsay)',
  json: 'Gainsay project JSON (.json)',
  csv: 'CSV tables (folder)',
  w3c: 'W3C Web Annotation (.jsonld)',
  brat: 'brat standoff (folder)',
  refi: 'REFI-QDA project (.qdpx)',
  report: 'Review report (HTML and Markdown)',
};

/**
 * What each format writes: one file (its extension and media type) or, for CSV and brat, a
 * folder (null). The report writes NAME.html and, beside it, NAME.md.
 */
export const EXPORT_FILES: Record<ExportFormat, { extension: string; type: string } | null> = {
  sqlite: { extension: 'gainsay', type: 'application/vnd.sqlite3' },
  json: { extension: 'json', type: 'application/json' },
  csv: null,
  w3c: { extension: 'jsonld', type: 'application/ld+json' },
  brat: null,
  refi: { extension: 'qdpx', type: 'application/zip' },
  report: { extension: 'html', type: 'text/html' },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return (EXPORT_FORMATS as readonly unknown[]).includes(value);
}

/** A finished export: where it went, and a line about claims that needed attention, if any. */
export interface ExportDone {
  name: string;
  notice: string | null;
}

/**
 * What an export did not write as it stands: claims whose offsets or quote do not hold on their
 * article's text (the app shows them as "needs attention"), and links left out with them. The
 * project file copy and JSON keep every record as it is, and do not check.
 */
export interface ExportOutcome {
  claimsNeedingAttention: number;
  linksLeftOut: number;
}

const leftOut = (links: number, claims: number) => `left out${links ? `, as ${links === 1 ? 'was the link' : `were the ${links} links`} attached to ${claims === 1 ? 'it' : 'them'}` : ''}`;

const HANDLING: Record<ExportFormat, ((links: number, claims: number) => string) | null> = {
  sqlite: null,
  json: null,
  csv: () => 'their rows have no start and end, and needs_attention is "yes"',
  w3c: leftOut,
  brat: leftOut,
  refi: leftOut,
  report: () => 'marked in the report',
};


/** One line for the export's result about claims that need attention, or null when there are none. */
export function attentionSummary(format: ExportFormat, outcome: ExportOutcome): string | null {
  const handling = HANDLING[format];
  if (!handling || outcome.claimsNeedingAttention === 0) return null;
  const n = outcome.claimsNeedingAttention;
  return `${plural(n, 'claim')} ${n === 1 ? 'needs' : 'need'} attention (offsets or quote do not hold on the article text): ${handling(outcome.linksLeftOut, n)}.`;
}
