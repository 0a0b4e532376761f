/**
 * How another tool's annotations become Gainsay records: the mapping of each annotation format
 * (the JSON file `gainsay import --mapping` takes, and what the window's import dialog edits),
 * and what the dialog's preview shows of a file before it is imported. Unknown keys are refused,
 * so a misspelt key is not silently ignored. See docs/imports.md.
 */
import { z } from 'zod';
import { MAX_NAME } from './domain';

const names = z.array(z.string().min(1).max(200)).max(100);
const unknownActor = z.string().trim().min(1).max(MAX_NAME).default('Unattributed');

/** brat: which entity types, event roles and relation types are claims, actors, channels and links. */
export const bratMapping = z
  .object({
    /** Entity types each of whose spans is a claim. */
    claimEntities: names.default([]),
    /** Event types whose `claim` role is a claim, with the roles naming its actor and channel (spans whose text is the name). */
    events: z
      .array(z.object({ type: z.string().min(1).max(200), claim: z.string().min(1).max(200), actor: z.string().min(1).max(200).optional(), channel: z.string().min(1).max(200).optional() }).strict())
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
    unknownActor,
  })
  .strict();
export type BratMapping = z.infer<typeof bratMapping>;

/** The default: Gainsay's own brat export (with gainsay-records.json beside it when there is one). */
export const GAINSAY_BRAT_MAPPING: BratMapping = bratMapping.parse({ claimEntities: ['Claim'], contradicts: ['Contradicts'], corroborates: ['Corroborates'], gainsayNotes: true });

const purpose = z.string().min(1).max(100);

/** W3C Web Annotation: which body purposes name a claim's actor and channel, give its tags and its note. */
export const w3cMapping = z
  .object({
    actorPurpose: purpose.default('identifying'),
    channelPurpose: purpose.default('describing'),
    tagPurpose: purpose.default('tagging'),
    notePurpose: purpose.default('commenting'),
    unknownActor,
  })
  .strict();
export type W3cMapping = z.infer<typeof w3cMapping>;

/**
 * REFI-QDA: the codes under `actorCodes` are actors, those under `tagCodes` tags; every
 * PlainTextSelection of a text source is a claim, by the first actor code it is coded with (else
 * `unknownActor`), tagged with its tag codes.
 */
export const refiMapping = z
  .object({
    actorCodes: z.string().min(1).max(MAX_NAME).default('Actors'),
    tagCodes: z.string().min(1).max(MAX_NAME).default('Tags'),
    /** `actor-coded`: only selections coded with an actor are claims. */
    claims: z.enum(['every-selection', 'actor-coded']).default('every-selection'),
    unknownActor,
  })
  .strict();
export type RefiMapping = z.infer<typeof refiMapping>;

/** The annotation formats Gainsay imports besides articles and project JSON. */
export type AnnotationFormat = 'brat' | 'w3c' | 'refi';

export const ANNOTATION_FORMAT_LABELS: Record<AnnotationFormat, string> = { brat: 'brat standoff', w3c: 'W3C Web Annotation', refi: 'REFI-QDA project' };

/** Each format's mapping schema, and what it is without a mapping file. */
export const MAPPINGS = {
  brat: { schema: bratMapping, defaults: GAINSAY_BRAT_MAPPING },
  w3c: { schema: w3cMapping, defaults: w3cMapping.parse({}) },
  refi: { schema: refiMapping, defaults: refiMapping.parse({}) },
} as const;

export type AnnotationMapping = { format: 'brat'; mapping: BratMapping } | { format: 'w3c'; mapping: W3cMapping } | { format: 'refi'; mapping: RefiMapping };

/** A mapping as the import dialog sends it: the format and its mapping, checked by that format's schema. */
export const annotationMapping = z.discriminatedUnion('format', [
  z.object({ format: z.literal('brat'), mapping: bratMapping }).strict(),
  z.object({ format: z.literal('w3c'), mapping: w3cMapping }).strict(),
  z.object({ format: z.literal('refi'), mapping: refiMapping }).strict(),
]);

/**
 * A mapping file's JSON checked against a format's mapping schema: the mapping, or one message
 * that lists what is wrong with it.
 */
export function readMapping<F extends AnnotationFormat>(format: F, file: string, text: string): { mapping: z.infer<(typeof MAPPINGS)[F]['schema']> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `The mapping ${file} is not valid JSON (${(error as Error).message}).` };
  }
  const parsed = (MAPPINGS[format].schema as z.ZodType).safeParse(value);
  if (!parsed.success) {
    return { problem: `The mapping ${file} is not one Gainsay reads for ${ANNOTATION_FORMAT_LABELS[format]}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ')}.` };
  }
  return { mapping: parsed.data as z.infer<(typeof MAPPINGS)[F]['schema']> };
}

/** A name found in the file and how often. */
export interface Counted {
  name: string;
  count: number;
}

/**
 * What the import dialog shows of annotations before they are imported: how many documents, the
 * types found with their counts, and the mapping a plain import would use.
 */
export interface AnnotationPreview {
  /** Refers to the files the host holds for this import (annotations.import, annotations.discard). */
  id: string;
  format: AnnotationFormat;
  /** The folder or file, as the analyst chose it. */
  name: string;
  documents: number;
  /** brat: entity types, relation types, events with their roles, attributes, notes. */
  entities: Counted[];
  relations: Counted[];
  events: Array<Counted & { roles: Counted[] }>;
  attributes: Counted[];
  notes: number;
  /** W3C: selector kinds and body purposes. */
  selectors: Counted[];
  bodies: Counted[];
  /** REFI-QDA: codes (their branch and name, "Actors / Foreign Minister") and how many selections each codes. */
  codes: Counted[];
  /** Problems found while looking (the import lists them all, and writes nothing). */
  problems: string[];
  mapping: AnnotationMapping;
}
