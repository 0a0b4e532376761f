import type { ActorKind } from '../../domain';

/** An actor as the extractor sees the project's registry. */
export interface RegistryActor {
  id: string;
  name: string;
  aliases: readonly string[];
  kind: ActorKind;
}

/** A half-open span of Unicode code points into the stored article text. */
export interface Span {
  start: number;
  end: number;
}

/** Who a source or channel mention was resolved to. */
export type ResolvedActor =
  | { known: true; id: string; name: string; kind: ActorKind }
  | { known: false; name: string; kind: ActorKind };

export interface SuggestedSource {
  /** The mention as written ("Kremlin spokesman Dmitry Pelkov", "he"), or null when none was found. */
  span: Span | null;
  text: string;
  actor: ResolvedActor | null;
}

export interface SuggestedChannel {
  span: Span;
  text: string;
  actor: ResolvedActor;
}

export interface Suggestion {
  /** The whole claim: from the first fragment's start to the last fragment's end. */
  start: number;
  end: number;
  quote: string;
  /** The content proper; more than one for split quotes (“…,” he said, “…”). */
  fragments: Span[];
  source: SuggestedSource;
  cue: Span | null;
  channel: SuggestedChannel | null;
  /** True when the content is a quotation in quotation marks. */
  direct: boolean;
  /** 0..1, higher is surer. */
  confidence: number;
}

export interface Extraction {
  version: number;
  suggestions: Suggestion[];
  /** Why there are no suggestions, when the text was not looked at (e.g. not English). */
  skipped: string | null;
}

/** How far background suggesting has got. */
export interface SuggestionProgress {
  /** Articles with current suggestions, of all the project's articles. */
  done: number;
  total: number;
  running: boolean;
  /** Why background suggesting stopped, if it failed (suggestions are then made when an article is opened). */
  error: string | null;
}

/** A suggestion in the project-wide list, with the article it is in. */
export interface ProjectSuggestion {
  articleId: string;
  articleTitle: string;
  suggestion: Suggestion;
}

/** One page of the project-wide list, and how many suggestions match the filters in all. */
export interface SuggestionPage {
  total: number;
  /** True when more match than `total` counts (counting stops at a cap). */
  more: boolean;
  rows: ProjectSuggestion[];
}
