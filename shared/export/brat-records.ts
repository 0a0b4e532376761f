/**
 * What Gainsay's brat export keeps beside the .ann files, in `gainsay-records.json`: the records
 * brat has no place for (article metadata, actors with kinds, roles and aliases, tags, notes,
 * link statuses and rationales, ids and timestamps) and each claim's exact span, since a T line
 * holds the span trimmed and split at line breaks. The .txt and .ann files stay the truth for
 * texts, spans and which links exist; a brat import of the folder reads both back losslessly.
 * The schema an import checks it with is in brat-records-schema.ts.
 */
export type { BratRecords } from './brat-records-schema';

export const BRAT_RECORDS_FILE = 'gainsay-records.json';
export const BRAT_RECORDS_FORMAT = 'gainsay-brat-records';
