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
