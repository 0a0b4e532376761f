/**
 * A suggestion in the form its row is stored in (store.ts): the columns from start_cp to body.
 * Background suggesting builds it on the extractor's worker thread, so that the backend's thread
 * receives flat rows of strings and numbers, cheaper to receive from another thread than nested
 * suggestions, and has only to insert them.
 */
import type { Extraction, Suggestion } from '../../../../shared/assist/attribution/types';
import { MAX_NAME } from '../../../../shared/domain';
import { fold } from '../../../../shared/fold';

/** start_cp, end_cp, quote, speaker, speaker_key, confidence, body: the body is the rest of the suggestion as JSON. */
export type StoredSuggestion = [start: number, end: number, quote: string, speaker: string, speakerKey: string, confidence: number, body: string];

/** An extraction as stored: its version and skip reason, and its suggestions' rows in order. */
export interface StoredExtraction {
  version: number;
  skipped: string | null;
  rows: StoredSuggestion[];
}

/** The name the project-wide list shows and filters by: the resolved actor, else the source as written. */
export function speakerOf(s: Pick<Suggestion, 'source'>): string {
  return (s.source.actor?.name ?? s.source.text).slice(0, MAX_NAME);
}

function storedSuggestion(s: Suggestion): StoredSuggestion {
  const speaker = speakerOf(s);
  const body = { fragments: s.fragments, source: s.source, cue: s.cue, channel: s.channel, direct: s.direct };
  return [s.start, s.end, s.quote, speaker, fold(speaker), s.confidence, JSON.stringify(body)];
}

export function storedForm(extraction: Extraction): StoredExtraction {
  return { version: extraction.version, skipped: extraction.skipped, rows: extraction.suggestions.map(storedSuggestion) };
}
