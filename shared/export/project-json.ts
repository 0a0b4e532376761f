/**
 * The Gainsay project JSON format (format version 1): the complete project, every record with
 * its id, so a project can be rebuilt exactly or merged into another. Offsets are Unicode code
 * points into the article text as stored. The JSON Schema in docs/ is generated from this.
 */
import { z } from 'zod';
import { ACTOR_KINDS, LINK_KINDS, LINK_STATUSES, SOURCE_KINDS } from '../domain';

export const PROJECT_FORMAT = 'gainsay-project';
export const PROJECT_FORMAT_VERSION = 1;

const id = z.string().uuid();
const timestamp = z.string().min(1);
const stamps = { createdAt: timestamp, updatedAt: timestamp };

export const articleRecord = z
  .object({
    id,
    title: z.string().min(1),
    outlet: z.string(),
    author: z.string(),
    publishedAt: z.string().nullable(),
    url: z.string(),
    language: z.string(),
    sourceName: z.string(),
    sourceKind: z.enum(SOURCE_KINDS),
    text: z.string().min(1),
    ...stamps,
  })
  .strict();

export const actorRecord = z
  .object({
    id,
    name: z.string().min(1),
    kind: z.enum(ACTOR_KINDS),
    role: z.string(),
    aliases: z.array(z.object({ id, alias: z.string().min(1), createdAt: timestamp }).strict()),
    ...stamps,
  })
  .strict();

export const tagRecord = z.object({ id, name: z.string().min(1), ...stamps }).strict();

export const highlightRecord = z
  .object({
    id,
    articleId: id,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
    ...stamps,
  })
  .strict();

export const claimRecord = z
  .object({
    id,
    highlightId: id,
    actorId: id,
    viaActorId: id.nullable(),
    claimedOn: z.string().nullable(),
    tagIds: z.array(id),
    noteJson: z.string(),
    noteText: z.string(),
    ...stamps,
  })
  .strict();

export const linkRecord = z
  .object({
    id,
    claimA: id,
    claimB: id,
    kind: z.enum(LINK_KINDS),
    status: z.enum(LINK_STATUSES),
    rationaleJson: z.string(),
    rationaleText: z.string(),
    createdBy: z.string(),
    ...stamps,
  })
  .strict();

export const projectDocument = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    formatVersion: z.literal(PROJECT_FORMAT_VERSION),
    appVersion: z.string(),
    exportedAt: timestamp,
    project: z.object({ name: z.string() }).strict(),
    articles: z.array(articleRecord),
    actors: z.array(actorRecord),
    tags: z.array(tagRecord),
    highlights: z.array(highlightRecord),
    claims: z.array(claimRecord),
    links: z.array(linkRecord),
  })
  .strict();

export type ProjectDocument = z.infer<typeof projectDocument>;
export type ArticleRecord = z.infer<typeof articleRecord>;
export type ActorRecord = z.infer<typeof actorRecord>;
export type TagRecord = z.infer<typeof tagRecord>;
export type HighlightRecord = z.infer<typeof highlightRecord>;
export type ClaimRecord = z.infer<typeof claimRecord>;
export type LinkRecord = z.infer<typeof linkRecord>;

/** The sections of the document in the order they are written and read. */
export const SECTIONS = ['articles', 'actors', 'tags', 'highlights', 'claims', 'links'] as const;
export type Section = (typeof SECTIONS)[number];
