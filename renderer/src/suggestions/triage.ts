import type { Suggestion } from '../../../shared/assist/attribution/types';
import { acceptanceOf } from '../../../shared/assist/attribution/acceptance';
import { api } from '../api/client';

/**
 * Accepts an article's suggestions as claims (each with its actor and channel; the claim's date is
 * the article's) in one undoable step. Throws with the message to show when none can be.
 */
export async function acceptSuggestions(articleId: string, chosen: Suggestion[]): Promise<void> {
  const accepted = chosen.map(acceptanceOf).filter((a) => a !== null);
  if (accepted.length === 0) throw new Error('This suggestion has no speaker: press E to highlight it and name the actor yourself.');
  await api.call('suggestions.accept', { articleId, accepted });
}

/** Shows a rejected suggestion again. */
export async function restoreSuggestion(articleId: string, s: Suggestion): Promise<void> {
  await api.call('suggestions.restore', { articleId, start: s.start, end: s.end, quote: s.quote });
}

/** Rejects a suggestion for good. */
export async function rejectSuggestion(articleId: string, s: Suggestion): Promise<void> {
  await api.call('suggestions.reject', { articleId, start: s.start, end: s.end, quote: s.quote });
}

/** Highlights the suggestion's span, to be opened in the claim editor; returns the highlight's id. */
export async function highlightSuggestion(articleId: string, s: Suggestion): Promise<string> {
  return (await api.call('highlights.create', { articleId, start: s.start, end: s.end, quote: s.quote })).id;
}
