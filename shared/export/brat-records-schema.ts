/**
 * The schema a brat import checks `gainsay-records.json` with (brat-records.ts says what the file
 * is). Apart from it so that the export thread, which writes the file but never checks it, does
 * not load zod.
 */
import { z } from 'zod';
import { BRAT_RECORDS_FORMAT } from './brat-records';
import { actorRecord, articleRecord, claimRecord, highlightRecord, linkRecord, tagRecord } from './project-json';

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
