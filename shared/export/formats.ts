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
