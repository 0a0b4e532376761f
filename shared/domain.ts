/** Domain types shared by backend and renderer. Ids are UUIDs; timestamps are ISO-8601 UTC strings. */

export const ACTOR_KINDS = ['person', 'government', 'country', 'organisation', 'outlet', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  government: 'Government body',
  country: 'Country',
  organisation: 'Organisation',
  outlet: 'Media outlet',
  other: 'Other',
};

export interface Timestamps {
  createdAt: string;
  updatedAt: string;
}

export interface Actor extends Timestamps {
  id: string;
  name: string;
  kind: ActorKind;
  role: string;
  aliases: string[];
}

/** The analyst's own settings, the same in every project. */
export interface Preferences {
  /** The name recorded as who made a link ('' until set: the system's user name is used). */
  analystName: string;
  /** The operating system's user name, used while no name is set. */
  systemUser: string;
}

export interface ProjectCounts {
  articles: number;
  actors: number;
  claims: number;
  contradictions: number;
}

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  appVersion: string;
  counts: ProjectCounts;
}

export const SOURCE_KINDS = ['txt', 'md', 'html', 'pdf', 'docx', 'paste'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The editable metadata of an article. `publishedAt` is an ISO date (YYYY-MM-DD) or date-time. */
export interface ArticleMeta {
  title: string;
  outlet: string;
  author: string;
  publishedAt: string | null;
  url: string;
  language: string;
}

export interface ArticleSummary extends ArticleMeta, Timestamps {
  id: string;
  sourceName: string;
  sourceKind: SourceKind;
  /** Length of the text in Unicode code points. */
  length: number;
  claimCount: number;
  contradictionCount: number;
}

export interface Article extends ArticleSummary {
  /** The stored text: NFC, LF line endings, paragraphs separated by blank lines. Never changes. */
  text: string;
}

/** What the reading view shows as it opens an article, read at once (see `articles.open`). */
export interface OpenedArticle {
  article: Article;
  /** Its highlights in reading order, as `highlights.list` lists them. */
  highlights: HighlightItem[];
  /** Every link with a claim in it, as `links.forArticle` lists them. */
  links: ListedLink[];
}

/** A piece of a search snippet; `match` pieces are the words that matched. Plain text, never HTML. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SearchHit {
  article: ArticleSummary;
  titleParts: SnippetPart[];
  snippet: SnippetPart[];
}

export interface SearchResult {
  /** How many articles match in all. */
  total: number;
  /** The best matches, best first. */
  hits: SearchHit[];
}

export type ImportStatus = 'imported' | 'duplicate' | 'refused';

export interface ImportOutcome {
  name: string;
  status: ImportStatus;
  /** For imported and duplicate files: the article. */
  articleId?: string;
  title?: string;
  /** One line for the user: what happened, or why the file was refused. */
  message: string;
  /** A merged project JSON: records it had that differ from the project's (the project's kept). */
  conflicts?: string[];
  /** An imported annotation folder (brat): one line per document, "NAME: 12 claims, 3 links". */
  documents?: string[];
  /** An imported W3C file: annotations whose quote the text does not have, left out. */
  unanchored?: string[];
}

/** Longest names: titles, actors, aliases, roles, outlets, authors (characters). */
export const MAX_NAME = 300;
/** Longest tag name (characters). */
export const MAX_TAG = 100;
/** Most tags one claim has (a file written elsewhere may give one thousands: lists read this many). */
export const MAX_CLAIM_TAGS = 50;
/** Longest address and language tag kept with an article (characters). */
export const MAX_URL = 2000;
export const MAX_LANGUAGE = 35;

/** The largest file Gainsay imports. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/**
 * The longest article text, in code points. Every file within the import limit decodes to at most
 * this many (a code point takes at least one byte), so Gainsay stores none longer; one that a
 * project file carries beyond it was written by another tool, and is listed but not opened.
 */
export const MAX_ARTICLE_LENGTH = MAX_IMPORT_BYTES;

/**
 * The largest project JSON export merged through the app's window (its text travels in one
 * request, where escaping can double it); larger ones go through `gainsay import`.
 */
export const MAX_WINDOW_PROJECT_JSON = 32 * 1024 * 1024;

/** A named .json file is taken for a Gainsay project export, to be merged. */
export const isProjectJsonName = (name: string) => /\.json$/i.test(name);
/** A REFI-QDA project exchange file (QualCoder, MAXQDA, ATLAS.ti, NVivo, Gainsay's own export). */
export const isQdpxName = (name: string) => /\.qdpx$/i.test(name);

/** File types Gainsay imports; in folders, other files are passed over. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

export function hasSupportedExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot >= 0 && (SUPPORTED_EXTENSIONS as readonly string[]).includes(name.slice(dot).toLowerCase());
}

/** "12,345,678". */
export const count = (n: number) => n.toLocaleString('en');

/** A size for people: "12.3 MB", "12 KB", "512 bytes" (a small export read "0.0 MB"). */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return bytes === 1 ? '1 byte' : `${bytes} bytes`;
}

/** The refusal for a file over the size limit, or null. Checked before upload and in the backend. */
/** Why pasted text is refused for its size (UTF-8 bytes, as a file of it would be), or null. */
export function pasteSizeRefusal(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES
    ? `The pasted text is ${fileSize(bytes)}; Gainsay takes up to ${fileSize(MAX_IMPORT_BYTES)} in one article. Paste it in parts, one article each.`
    : null;
}

/** Text's size in UTF-8, as a file of it would be. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export function sizeRefusal(name: string, bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES
    ? `“${name}” is ${fileSize(bytes)}, over the ${fileSize(MAX_IMPORT_BYTES)} import limit.`
    : null;
}

export const ARTICLE_SORTS = ['published', 'title', 'outlet', 'added', 'claims', 'contradictions'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

/** An actor as shown beside a claim. */
export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
}

export interface ClaimInfo {
  id: string;
  actor: ActorRef;
  /** Through whom the claim reached this article (an agency citing a spokesman), if recorded. */
  via: ActorRef | null;
  tags: string[];
  /** Lexical editor state as JSON ('' for no note) and its plain text. */
  noteJson: string;
  noteText: string;
  /** When the claim was made: YYYY-MM-DD. */
  claimedOn: string | null;
  /** How many contradiction or corroboration links the claim takes part in. */
  linkCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Highlight extends Timestamps {
  id: string;
  articleId: string;
  /** Code point offsets into the article's stored text, end exclusive. */
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  /** 'moved' when the stored text at the offsets no longer reads as the quote. */
  status: 'ok' | 'moved';
  claim: ClaimInfo | null;
}

/** A highlight as listed beside its article: everything but the full quote and its context. */
export interface HighlightItem extends Omit<Highlight, 'quote' | 'prefix' | 'suffix'> {
  /** The start of the quote, for showing in lists. */
  preview: string;
}

/** Characters of a quote shown in lists. */
export const PREVIEW_LENGTH = 160;

/** How a typed name relates to an existing actor. */
export type ActorMatchKind = 'exact' | 'variant' | 'prefix';

export interface ActorMatch {
  actor: Actor;
  kind: ActorMatchKind;
  /** The name or alias that matched. */
  matched: string;
}

/** One of an actor's claims on the actor page. */
export interface ActorClaim {
  claimId: string;
  highlightId: string;
  articleId: string;
  articleTitle: string;
  outlet: string;
  publishedAt: string | null;
  claimedOn: string | null;
  quote: string;
  via: ActorRef | null;
  /** The actor's role in it: made the claim, or passed it on. */
  role: 'claimant' | 'via';
}

/** The longest quote a highlight may have (code points). */
export const MAX_QUOTE = 200_000;

/** Characters of context kept on each side of a highlight to verify and re-find it. */
export const ANCHOR_CONTEXT = 32;

export const LINK_KINDS = ['contradicts', 'corroborates'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export const LINK_KIND_LABELS: Record<LinkKind, string> = { contradicts: 'Contradicts', corroborates: 'Corroborates' };
export const LINK_STATUS_LABELS: Record<LinkStatus, string> = { open: 'Open', confirmed: 'Confirmed', dismissed: 'Dismissed' };

/** One side of a link (or a claim found by the link picker): the claim, where it stands, and who made it. */
export interface ClaimSide {
  claimId: string;
  highlightId: string;
  articleId: string;
  articleTitle: string;
  outlet: string;
  publishedAt: string | null;
  /** The date the claim was made, else the article's date (YYYY-MM-DD). */
  date: string | null;
  actor: ActorRef;
  via: ActorRef | null;
  tags: string[];
  /** The quote (shortened to QUOTE_IN_LISTS code points in lists) with its context either side. */
  quote: string;
  prefix: string;
  suffix: string;
}

/** Code points of a quote shown in link rows; longer quotes end with an ellipsis. */
export const QUOTE_IN_LISTS = 600;

/** A pair of claims the candidate scorer proposes (`a` the earlier), with its kind, score (0..1) and reasons. */
export interface CandidatePair {
  a: ClaimSide;
  b: ClaimSide;
  kind: LinkKind;
  score: number;
  reasons: string[];
}

export interface Link extends Timestamps {
  id: string;
  kind: LinkKind;
  status: LinkStatus;
  /** Lexical editor state as JSON ('' for none) and its plain text. */
  rationaleJson: string;
  rationaleText: string;
  createdBy: string;
  /** The two claims, earlier first (by date, then actor). Links are symmetric. */
  a: ClaimSide;
  b: ClaimSide;
}

/** Code points of a rationale's text shown in link lists; longer ones end with an ellipsis. */
export const RATIONALE_IN_LISTS = 2_000;

/**
 * A link as lists carry it (the Review's pages, an article's links): its rationale's plain text
 * cut to RATIONALE_IN_LISTS, without the editor state, which only editing needs (`links.get`).
 * A rationale may be 200,000 characters: a claim's hundred links once sent 40 MB to the window.
 */
export type ListedLink = Omit<Link, 'rationaleJson'>;

export const REVIEW_SORTS = ['date', 'actor', 'status', 'updated'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export interface ReviewFilters {
  kind: LinkKind;
  statuses: LinkStatus[];
  /** Either side's claim made by this actor. */
  actorId?: string;
  /** With actorId: the other side by this actor (an actor pair). */
  otherActorId?: string;
  articleId?: string;
  outlet?: string;
  tag?: string;
  /** The later claim's date within [from, to] (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
  /** Words or "phrases" in either quote or the rationale. */
  text?: string;
}

export interface ReviewPage {
  /** Links matching every filter. */
  total: number;
  /** Links matching every filter but the status, by status. */
  counts: Record<LinkStatus, number>;
  offset: number;
  rows: ListedLink[];
}

export const CLAIM_SORTS = ['date', 'actor', 'article', 'recorded'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/** What the Claims view lists: every filter is optional; all given must hold. */
export interface ClaimFilters {
  /** The actor who made the claim. */
  actorId?: string;
  tag?: string;
  articleId?: string;
  outlet?: string;
  /** Bounds of the claim's date (when it was made, else its article's date), YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Words or "phrases" found in the quote. */
  text?: string;
}

/** A claim in the Claims view: the claim with how many links of each kind it has. */
export interface ClaimRow extends ClaimSide {
  contradictions: number;
  corroborations: number;
}

/** One value of a filter with how many of the matching claims have it. */
export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export interface ClaimPage {
  /** Claims matching every filter. */
  total: number;
  offset: number;
  rows: ClaimRow[];
  /**
   * The matching claims counted by actor, tag, article and outlet, most claims first (choosing one
   * drills down); null unless asked for.
   */
  facets: { actors: FacetCount[]; tags: FacetCount[]; articles: FacetCount[]; outlets: FacetCount[] } | null;
}

/** A pair of actors and how often one's claims are linked to the other's. */
export interface ActorPair {
  a: ActorRef;
  b: ActorRef;
  total: number;
  counts: Record<LinkStatus, number>;
}
