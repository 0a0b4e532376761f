/**
 * The one contract between the renderer and the backend. Every backend method is listed here with
 * its zod input schema and its output type. The Electron main process, the browser-mode server and
 * the CLI dispatch into one handler table typed from this object; the renderer's client is typed
 * from it too. Adding a method means: an entry here, its handler, and the UI that calls it.
 */
import { z } from 'zod';
import type { Extraction, SuggestionPage, SuggestionProgress } from './assist/attribution/types';
import type { ClaimPrefill } from './assist/claim-prefill';
import { EXPORT_FORMATS } from './export/formats';
import { annotationMapping, type AnnotationPreview } from './import-mappings';
import type { JobSnapshot } from './jobs';
import {
  ACTOR_KINDS,
  ARTICLE_SORTS,
  MAX_IMPORT_BYTES,
  type Actor,
  type ActorClaim,
  type ActorPair,
  type CandidatePair,
  type ClaimSide,
  type ClaimPage,
  CLAIM_SORTS,
  type Link,
  type ListedLink,
  type ReviewPage,
  LINK_KINDS,
  LINK_STATUSES,
  REVIEW_SORTS,
  type ActorMatch,
  type Article,
  type ArticleSummary,
  type ImportOutcome,
  type Highlight,
  type HighlightItem,
  type OpenedArticle,
  type Preferences,
  type ProjectInfo,
  type SearchResult,
  MAX_CLAIM_TAGS,
  MAX_WINDOW_PROJECT_JSON,
  MAX_LANGUAGE,
  MAX_NAME,
  MAX_TAG,
  MAX_QUOTE,
  MAX_URL,
} from './domain';
import { MAX_NOTE_JSON, MAX_NOTE_TEXT, noteProblem } from './notes/note-state';

/**
 * Declares a method: `method<Output>()(inputSchema)`, or `(inputSchema, CHANGES)` for one that
 * changes the project (clients refresh after those). The output exists only as a type.
 */
function method<Output>() {
  return <Schema extends z.ZodType>(input: Schema, changes: boolean = false) => ({
    input,
    changes,
    output: undefined as unknown as Output,
  });
}
const CHANGES = true;

/** A short human-entered name: trimmed, not empty, no control characters. */
const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NAME, `must be at most ${MAX_NAME} characters`)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

const noInput = z.object({}).strict();

const id = z.uuid('must be an id');

const actorKind = z.enum(ACTOR_KINDS);

/** A new actor's fields. */
const newActor = z
  .object({
    name,
    kind: actorKind,
    role: z.string().trim().max(MAX_NAME, `must be at most ${MAX_NAME} characters`).default(''),
  })
  .strict();

/** Where a claim names an actor: an existing one, or one to create in the same step. */
const actorRef = z.union([z.object({ id }).strict(), newActor]);

/** The project-wide Suggestions list's filters: one article, a speaker's name (folded), a lowest confidence. */
const suggestionFilters = {
  articleId: id.optional(),
  speaker: z.string().trim().max(MAX_NAME, `must be at most ${MAX_NAME} characters`).optional(),
  minConfidence: z.number().min(0).max(1).default(0),
};

/** A span of an article in Unicode code points, with the exact text it covers. */
const span = {
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: z.string().min(1).max(MAX_QUOTE),
};

const tagName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_TAG, `must be at most ${MAX_TAG} characters`)
  .refine((s) => !/[\u0000-\u001f\u007f,]/.test(s), 'must not contain commas or control characters');

const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

/** Free text metadata: trimmed, bounded, single line. */
const metaText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must be a single line of text');

const articleMeta = z
  .object({
    title: name,
    outlet: metaText(MAX_NAME),
    author: metaText(MAX_NAME),
    publishedAt: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be a date (YYYY-MM-DD)' })
      .nullable(),
    url: metaText(MAX_URL).refine((s) => s === '' || /^https?:\/\/\S+$/i.test(s), 'must be an http(s) address'),
    language: metaText(MAX_LANGUAGE),
  })
  .strict();

/** Base64 of at most MAX_IMPORT_BYTES (+ a little, so the size check can say how big it is). */
const fileData = z
  .string()
  .max(Math.ceil((MAX_IMPORT_BYTES * 1.5 * 4) / 3), 'is over the import size limit')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

const linkKind = z.enum(LINK_KINDS);
const linkStatus = z.enum(LINK_STATUSES);

/**
 * A note or rationale as the note editor makes it: Lexical editor state as JSON ('' for none).
 * Anything else (another editor's nodes, inline styles, oversize) is refused here, for every host.
 */
const noteJson = z
  .string()
  .max(MAX_NOTE_JSON, `must be at most ${MAX_NOTE_JSON.toLocaleString('en')} characters`)
  .superRefine((json, ctx) => {
    const problem = noteProblem(json);
    if (problem) ctx.addIssue({ code: 'custom', message: `the note ${problem}; nothing was saved` });
  });
/** The plain text of a note or rationale. */
const noteText = z.string().max(MAX_NOTE_TEXT, `must be at most ${MAX_NOTE_TEXT.toLocaleString('en')} characters`);

/** The note editor sends text only with its state: text alone would open as an empty editor and be lost on save. */
const stateWithText = (json: string | undefined, text: string | undefined) => !(json === '' && text);
const TEXT_WITHOUT_STATE = 'a note with text needs its editor state (JSON)';

/** A rationale: Lexical editor state as JSON and its plain text. */
const rationale = {
  rationaleJson: noteJson,
  rationaleText: noteText,
};

const reviewFilters = z
  .object({
    kind: linkKind.default('contradicts'),
    statuses: z.array(linkStatus).max(3).default([...LINK_STATUSES]),
    actorId: id.optional(),
    otherActorId: id.optional(),
    articleId: id.optional(),
    outlet: z.string().max(300).optional(),
    tag: z.string().max(100).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    text: z.string().max(1000).optional(),
  })
  .strict()
  .refine((f) => !f.otherActorId || f.actorId, { message: 'an actor pair needs both actors', path: ['otherActorId'] })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'the start date must not be after the end date', path: ['from'] });

const claimFilters = z
  .object({
    actorId: id.optional(),
    tag: z.string().max(MAX_TAG).optional(),
    articleId: id.optional(),
    outlet: z.string().max(MAX_NAME).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    text: z.string().max(1000).optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'the start date must not be after the end date', path: ['from'] });

export const contract = {
  'project.info': method<ProjectInfo>()(noInput),
  /** Merges a Gainsay project JSON export (by id; the project's records win conflicts). */
  'project.importJson': method<ImportOutcome>()(
    z.object({ name: z.string().min(1).max(1000), text: z.string().max(MAX_WINDOW_PROJECT_JSON, 'is too large to merge here; use gainsay import') }).strict(),
    CHANGES,
  ),

  'preferences.get': method<Preferences>()(noInput),
  // Not a change to the project: the preferences file lives in the app's data folder.
  'preferences.set': method<Preferences>()(z.object({ analystName: metaText(MAX_NAME) }).strict()),
  /** Merges a REFI-QDA .qdpx (QualCoder, MAXQDA, ATLAS.ti, NVivo, Gainsay) with the default mapping: codes under "Actors" are actors, under "Tags" tags. */
  'project.importQdpx': method<ImportOutcome>()(z.object({ name: z.string().min(1).max(1000), dataBase64: fileData }).strict(), CHANGES),

  'actors.list': method<Actor[]>()(noInput),
  'actors.create': method<Actor>()(newActor, CHANGES),
  'actors.get': method<Actor>()(z.object({ id }).strict()),
  'actors.update': method<Actor>()(newActor.extend({ id }), CHANGES),
  'actors.addAlias': method<Actor>()(z.object({ id, alias: name }).strict(), CHANGES),
  'actors.removeAlias': method<Actor>()(z.object({ id, alias: name }).strict(), CHANGES),
  'actors.merge': method<Actor>()(z.object({ sourceId: id, targetId: id }).strict(), CHANGES),
  /** Deletes an actor that no claim names (as speaker or channel); one that a claim names is refused. */
  'actors.delete': method<{ deleted: string }>()(z.object({ id }).strict(), CHANGES),
  'actors.match': method<ActorMatch[]>()(
    z.object({ text: z.string().max(300), limit: z.number().int().min(1).max(50).default(8) }).strict(),
  ),
  'actors.claims': method<ActorClaim[]>()(z.object({ id }).strict()),

  'highlights.list': method<HighlightItem[]>()(z.object({ articleId: id }).strict()),
  'highlights.create': method<Highlight>()(z.object({ articleId: id, ...span }).strict(), CHANGES),
  'highlights.move': method<Highlight>()(z.object({ id, ...span }).strict(), CHANGES),
  'highlights.delete': method<{ deleted: string }>()(z.object({ id }).strict(), CHANGES),

  'claims.set': method<Highlight>()(
    z
      .object({
        highlightId: id,
        actor: actorRef,
        via: actorRef.nullable().default(null),
        tags: z.array(tagName).max(MAX_CLAIM_TAGS).default([]),
        // Both left out: a claim being edited keeps its note (one that can only be shown as plain
        // text stays as it is); a new claim has none.
        noteJson: noteJson.optional(),
        noteText: noteText.optional(),
        claimedOn: isoDate.nullable().default(null),
      })
      .strict()
      .refine((c) => (c.noteJson === undefined) === (c.noteText === undefined), { message: 'a note needs both its JSON and its text', path: ['noteText'] })
      .refine((c) => stateWithText(c.noteJson, c.noteText), { message: TEXT_WITHOUT_STATE, path: ['noteJson'] }),
    CHANGES,
  ),
  'claims.remove': method<Highlight>()(z.object({ highlightId: id }).strict(), CHANGES),
  'tags.list': method<string[]>()(noInput),
  'claims.search': method<ClaimSide[]>()(
    z
      .object({
        text: z.string().max(1000).default(''),
        excludeClaimId: id.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        limit: z.number().int().min(1).max(200).default(30),
      })
      .strict(),
  ),

  'claims.list': method<ClaimPage>()(
    z
      .object({
        filters: claimFilters.default({}),
        sort: z.enum(CLAIM_SORTS).default('date'),
        descending: z.boolean().default(true),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        // The counts cost more than a page: a list asks for them with its first page only.
        counts: z.boolean().default(true),
      })
      .strict(),
  ),
  'actors.claimCounts': method<Record<string, number>>()(noInput),
  /** How many claims each actor passed on, as their channel. */
  'actors.passedOnCounts': method<Record<string, number>>()(noInput),

  'links.create': method<Link>()(
    z
      .object({ claimA: id, claimB: id, kind: linkKind, status: linkStatus.default('open'), ...rationale })
      .strict()
      .refine((l) => l.claimA !== l.claimB, { message: 'a claim cannot be linked to itself', path: ['claimB'] })
      .refine((l) => stateWithText(l.rationaleJson, l.rationaleText), { message: TEXT_WITHOUT_STATE, path: ['rationaleJson'] }),
    CHANGES,
  ),
  'links.update': method<Link>()(
    z
      .object({ id, kind: linkKind.optional(), status: linkStatus.optional(), rationaleJson: rationale.rationaleJson.optional(), rationaleText: rationale.rationaleText.optional() })
      .strict()
      .refine((u) => (u.rationaleJson === undefined) === (u.rationaleText === undefined), { message: 'a rationale needs both its JSON and its text', path: ['rationaleText'] })
      .refine((u) => stateWithText(u.rationaleJson, u.rationaleText), { message: TEXT_WITHOUT_STATE, path: ['rationaleJson'] }),
    CHANGES,
  ),
  'links.delete': method<{ deleted: string }>()(z.object({ id }).strict(), CHANGES),
  'links.get': method<Link>()(z.object({ id }).strict()),
  'links.forArticle': method<ListedLink[]>()(z.object({ articleId: id }).strict()),
  'links.review': method<ReviewPage>()(
    z
      .object({
        filters: reviewFilters,
        sort: z.enum(REVIEW_SORTS).default('date'),
        descending: z.boolean().default(true),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'links.pairs': method<ActorPair[]>()(
    z.object({ kind: linkKind.default('contradicts'), limit: z.number().int().min(1).max(500).default(50) }).strict(),
  ),
  'links.options': method<{ outlets: string[]; tags: string[]; actors: Array<{ id: string; name: string }>; articles: Array<{ id: string; title: string }> }>()(
    z.object({ kind: linkKind.default('contradicts') }).strict(),
  ),

  'candidates.list': method<CandidatePair[]>()(
    z
      .object({
        kind: linkKind.optional(),
        /** Only the pairs this claim makes (a claim's "possible contradictions"). */
        claimId: id.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'candidates.dismiss': method<{ dismissed: true }>()(
    z
      .object({ claimA: id, claimB: id })
      .strict()
      .refine((pair) => pair.claimA !== pair.claimB, { message: 'a claim cannot be paired with itself', path: ['claimB'] }),
    CHANGES,
  ),

  'history.state': method<{ undo: string | null; redo: string | null }>()(noInput),
  'history.undo': method<{ undone: string; undo: string | null; redo: string | null }>()(noInput, CHANGES),
  'history.redo': method<{ redone: string; undo: string | null; redo: string | null }>()(noInput, CHANGES),

  'articles.importFile': method<ImportOutcome>()(
    z.object({ name: z.string().min(1).max(1000), dataBase64: fileData }).strict(),
    CHANGES,
  ),
  'articles.paste': method<ImportOutcome>()(
    z
      .object({
        // A bound on the request only: the limit itself is on UTF-8 bytes, checked with a plain answer (pasteSizeRefusal).
        text: z.string().max(MAX_IMPORT_BYTES * 2, 'is far over the size limit for one article'),
        title: z.string().trim().max(MAX_NAME, `must be at most ${MAX_NAME} characters`).default(''),
      })
      .strict(),
    CHANGES,
  ),
  'articles.list': method<ArticleSummary[]>()(
    z
      .object({
        sort: z.enum(ARTICLE_SORTS).default('published'),
        descending: z.boolean().default(true),
        outlet: z.string().max(300).optional(),
      })
      .strict(),
  ),
  'articles.outlets': method<string[]>()(noInput),
  'articles.search': method<SearchResult>()(
    z
      .object({
        query: z.string().max(1000),
        limit: z.number().int().min(1).max(500).default(20),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  'articles.get': method<Article>()(z.object({ id }).strict()),
  /**
   * Everything the reading view needs to show an article, in one read: its text and details, its
   * highlights and its links (one round trip as it opens, instead of one per list).
   */
  'articles.open': method<OpenedArticle>()(z.object({ id }).strict()),
  'articles.update': method<ArticleSummary>()(z.object({ id, meta: articleMeta }).strict(), CHANGES),
  'articles.deletionImpact': method<{ highlights: number; claims: number; links: number }>()(
    z.object({ id }).strict(),
  ),
  /** Suggested claims for one article, less those rejected and those already highlighted. */
  'suggestions.forArticle': method<Extraction>()(z.object({ articleId: id }).strict()),
  /**
   * What the claim editor can fill in for a span, read from the sentence around it: speaker,
   * channel and date, each with the words it came from.
   */
  'suggestions.prefill': method<ClaimPrefill>()(
    z
      .object({ articleId: id, start: span.start, end: span.end })
      .strict()
      .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] }),
  ),
  /**
   * Suggestions across the project, surest first, less those rejected and those highlighted:
   * optionally in one article, by a speaker whose name contains `speaker` (folded like every search:
   * case, diacritics), at or above a confidence.
   */
  'suggestions.list': method<SuggestionPage>()(
    z
      .object({
        ...suggestionFilters,
        /** The rejected suggestions instead (to restore one). */
        rejected: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** How many suggestions "Accept all" would take with these filters (as suggestions.list filters), exactly up to 5,000. */
  /** How many suggestions Accept all would take (those the filters match, up to 5,000, less those over a claim), and the actors it would create (at most 50 named). */
  'suggestions.countToAccept': method<{ count: number; tooMany: boolean; newActors: { total: number; names: string[] } }>()(z.object(suggestionFilters).strict()),
  /**
   * Accepts every suggestion these filters match, across articles, in one undoable step, if they
   * are `expected` in number (the count the analyst confirmed); otherwise nothing is accepted.
   */
  'suggestions.acceptMatching': method<{ accepted: number }>()(
    z.object({ ...suggestionFilters, expected: z.number().int().min(1).max(5000) }).strict(),
    CHANGES,
  ),
  /** How far background suggesting has got (articles with current suggestions, of all). */
  'suggestions.progress': method<SuggestionProgress>()(noInput),
  /** Remembers a rejected suggestion by article, span and quote; it is never suggested again. */
  'suggestions.reject': method<{ rejected: true }>()(
    z
      .object({ articleId: id, ...span })
      .strict()
      .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] }),
    CHANGES,
  ),
  /** Forgets a suggestion's rejection, so that it is shown again (undoable, like the rejection). */
  'suggestions.restore': method<{ restored: true }>()(
    z
      .object({ articleId: id, ...span })
      .strict()
      .refine((s) => s.end > s.start, { message: 'end must be after start', path: ['end'] }),
    CHANGES,
  ),
  /**
   * Accepts suggestions as claims (each a highlight tagged with its actor and channel, dated as
   * its article) in one undoable step: one suggestion (Enter) or all above a confidence.
   */
  'suggestions.accept': method<{ accepted: number }>()(
    z
      .object({
        articleId: id,
        accepted: z
          .array(z.object({ ...span, actor: actorRef, via: actorRef.nullable().default(null) }).strict())
          .min(1)
          .max(5000),
      })
      .strict(),
    CHANGES,
  ),
  'articles.delete': method<{ highlights: number; claims: number; links: number }>()(z.object({ id }).strict(), CHANGES),

  /**
   * Jobs (shared/jobs.ts): long work that writes files, followed by progress events and stoppable.
   * The host decides where an export goes and what is imported (the desktop asks in its dialogs,
   * browser mode offers a download, the CLI was told), so the page never names a path; null when
   * the analyst cancelled the dialog. An import job changes the project as it goes; its events say
   * when to re-read.
   */
  'exports.start': method<JobSnapshot | null>()(
    z
      .object({
        format: z.enum(EXPORT_FORMATS),
        bom: z.boolean().default(false),
        raw: z.boolean().default(false),
        articleIds: z.array(id).min(1).max(100_000).optional(),
      })
      .strict(),
  ),
  'imports.start': method<JobSnapshot | null>()(z.object({ choose: z.enum(['files', 'folder']).default('files') }).strict()),
  /**
   * Another tool's annotations (a brat folder, a W3C file with its texts, a .qdpx), held for the
   * import dialog, and what they hold: the documents, the types found with counts, the default
   * mapping. `choose`: the host's open dialog chooses (desktop; null when cancelled); `files`: the
   * page sends the files the analyst chose (browser mode), by name, with the folder's name if a
   * folder was chosen. Nothing is imported yet.
   */
  'annotations.preview': method<AnnotationPreview | null>()(
    z.union([
      z.object({ choose: z.enum(['files', 'folder']) }).strict(),
      z
        .object({
          folder: z.string().trim().min(1).max(MAX_NAME).nullable().default(null),
          files: z.array(z.object({ name: z.string().min(1).max(1000), dataBase64: fileData }).strict()).min(1).max(10_000),
        })
        .strict()
        .refine((u) => u.files.reduce((sum, f) => sum + f.dataBase64.length, 0) <= Math.ceil((MAX_WINDOW_PROJECT_JSON * 4) / 3), {
          message: `the chosen files are over the ${MAX_WINDOW_PROJECT_JSON / 1024 / 1024} MB an import from the window takes; use gainsay import`,
          path: ['files'],
        }),
    ]),
  ),
  /** Imports annotations held by annotations.preview with the mapping given, as an import job (all or nothing). */
  'annotations.import': method<JobSnapshot>()(z.object({ id, mapping: annotationMapping }).strict()),
  /** Lets go of annotations held for the import dialog (it was closed without importing). */
  'annotations.discard': method<{ discarded: boolean }>()(z.object({ id }).strict()),
  'jobs.list': method<JobSnapshot[]>()(noInput),
  'jobs.cancel': method<{ cancelled: boolean }>()(z.object({ id }).strict()),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller sends (before defaults are applied). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = Contract[M]['output'];

export function isMethod(value: unknown): value is Method {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
