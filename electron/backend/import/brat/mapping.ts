import { z } from 'zod';
import { GainsayError } from '../../../../shared/errors';
import { MAX_NAME } from '../../../../shared/domain';

const names = z.array(z.string().min(1).max(200)).max(100);

/**
 * How brat types become Gainsay records (the CLI's --mapping FILE.json). Unknown keys are
 * refused, so a misspelt key is not silently ignored.
 */
export const bratMapping = z
  .object({
    /** Entity types each of whose spans is a claim. */
    claimEntities: names.default([]),
    /** Event types whose `claim` role is a claim, with the roles naming its actor and channel (spans whose text is the name). */
    events: z
      .array(z.object({ type: z.string().min(1), claim: z.string().min(1), actor: z.string().min(1).optional(), channel: z.string().min(1).optional() }).strict())
      .max(100)
      .default([]),
    /** Relation types joining a claim to a span whose text names its actor (either argument order). */
    actorRelations: names.default([]),
    /** Relation types joining a claim to a span whose text names the channel it was reported via. */
    channelRelations: names.default([]),
    /** Relation types between two claims that are links. */
    contradicts: names.default([]),
    corroborates: names.default([]),
    /** Read actor, channel, tags and note from AnnotatorNotes as Gainsay's brat export writes them. */
    gainsayNotes: z.boolean().default(false),
    /** The actor of a claim the mapping finds none for. */
    unknownActor: z.string().min(1).max(MAX_NAME).default('Unattributed'),
  })
  .strict();

export type BratMapping = z.infer<typeof bratMapping>;

/** The default: Gainsay's own brat export (with gainsay-records.json beside it when there is one). */
export const GAINSAY_BRAT_MAPPING: BratMapping = bratMapping.parse({ claimEntities: ['Claim'], contradicts: ['Contradicts'], corroborates: ['Corroborates'], gainsayNotes: true });

/** A mapping file's JSON checked against a format's mapping schema; one message lists what is wrong with it. */
export function parseMapping<T>(schema: z.ZodType<T>, file: string, text: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new GainsayError('invalid_input', `The mapping ${file} is not valid JSON (${(error as Error).message}).`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new GainsayError('invalid_input', `The mapping ${file} is not one Gainsay reads: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}.`);
  }
  return parsed.data;
}
