/**
 * The Gainsay project JSON format (format version 1): the complete project, every record with
 * its id, so a project can be rebuilt exactly or merged into another. Offsets are Unicode code
 * points into the article text as stored. The JSON Schema in docs/ is generated from this.
 */
import { z } from 'zod';
import { ACTOR_KINDS, LINK_KINDS, LINK_STATUSES, MAX_NAME, MAX_TAG, SOURCE_KINDS } from '../domain';
import { MAX_NOTE_JSON, MAX_NOTE_TEXT } from '../notes/note-limits';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION } from './project-format';

export { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, SECTIONS, sectionCount, type Section } from './project-format';

/** A record's id: a UUID, as Gainsay makes them. */
export const recordId = z.string().uuid();
const id = recordId;
const timestamp = z.string().min(1).max(64);
/**
 * Every string has a bound, as in the app's own methods: a file may carry anything. (An
 * article's text is bounded in code points by the importer, which counts them only when needed.)
 */
const text = (max: number) => z.string().max(max);
const NAME = MAX_NAME;
const NOTE_JSON = MAX_NOTE_JSON;
const NOTE_TEXT = MAX_NOTE_TEXT;
const stamps = { createdAt: timestamp, updatedAt: timestamp };

export const articleRecord = z
  .object({
    id,
    title: text(NAME).min(1),
    outlet: text(NAME),
    author: text(NAME),
    publishedAt: text(64).nullable(),
    url: text(2000),
    language: text(35),
    sourceName: text(1000),
    sourceKind: z.enum(SOURCE_KINDS),
    text: z.string().min(1),
    ...stamps,
  })
  .strict();

export const actorRecord = z
  .object({
    id,
    name: text(NAME).min(1),
    kind: z.enum(ACTOR_KINDS),
    role: text(NAME),
    aliases: z.array(z.object({ id, alias: text(NAME).min(1), createdAt: timestamp }).strict()).max(1000),
    ...stamps,
  })
  .strict();

export const tagRecord = z.object({ id, name: text(MAX_TAG).min(1), ...stamps }).strict();

export const highlightRecord = z
  .object({
    id,
    articleId: id,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: text(200_000).min(1),
    prefix: text(1000),
    suffix: text(1000),
    ...stamps,
  })
  .strict();

export const claimRecord = z
  .object({
    id,
    highlightId: id,
    actorId: id,
    viaActorId: id.nullable(),
    claimedOn: text(64).nullable(),
    tagIds: z.array(id).max(50),
    noteJson: text(NOTE_JSON),
    noteText: text(NOTE_TEXT),
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
    rationaleJson: text(NOTE_JSON),
    rationaleText: text(NOTE_TEXT),
    createdBy: text(NAME),
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
