/**
 * What Gainsay's brat export keeps beside the .ann files, in `gainsay-records.json`: the records
 * brat has no place for (article metadata, actors with kinds, roles and aliases, tags, notes,
 * link statuses and rationales, ids and timestamps) and each claim's exact span, since a T line
 * holds the span trimmed and split at line breaks. The .txt and .ann files stay the truth for
 * texts, spans and which links exist; a brat import of the folder reads both back losslessly.
 */
import { z } from 'zod';
import { actorRecord, articleRecord, claimRecord, highlightRecord, linkRecord, tagRecord } from './project-json';

export const BRAT_RECORDS_FILE = 'gainsay-records.json';
export const BRAT_RECORDS_FORMAT = 'gainsay-brat-records';

/** A brat entity or relation id of one document: T12, R3. */
export const bratId = (letter: 'T' | 'R') => z.string().regex(new RegExp(`^${letter}[1-9]\\d{0,8}$`));

export const bratRecords = z
  .object({
    format: z.literal(BRAT_RECORDS_FORMAT),
    formatVersion: z.literal(1),
    articles: z.array(articleRecord.omit({ text: true })),
    actors: z.array(actorRecord),
    tags: z.array(tagRecord),
    /** A claim's highlight, with the T line that shows it in its article's .ann. */
    highlights: z.array(highlightRecord.omit({ quote: true, prefix: true, suffix: true }).extend({ entity: bratId('T') }).strict()),
    claims: z.array(claimRecord),
    links: z.array(linkRecord),
  })
  .strict();

export type BratRecords = z.infer<typeof bratRecords>;
