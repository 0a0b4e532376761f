import type { Suggestion } from '../../../shared/assist/attribution/types';
import type { ActorKind } from '../../../shared/domain';
import { api } from '../api/client';

/** The suggestion's speaker as the claim names it: an existing actor, or a new one to create. */
function actorRef(s: Suggestion): { id: string } | { name: string; kind: ActorKind } | null {
  const actor = s.source.actor;
  if (actor?.known) return { id: actor.id };
  if (actor) return { name: actor.name, kind: actor.kind };
  // A description with no name ("the monitoring mission"): the source as written, to be edited.
  const written = s.source.text.trim();
  return written ? { name: written.slice(0, 300), kind: 'other' } : null;
}

/**
 * Accepts an article's suggestions as claims (each with its actor and channel; the claim's date is
 * the article's) in one undoable step. Throws with the message to show when none can be.
 */
export async function acceptSuggestions(articleId: string, chosen: Suggestion[]): Promise<void> {
  const accepted = chosen.flatMap((s) => {
    const actor = actorRef(s);
    const channel = s.channel?.actor;
    const via = channel ? (channel.known ? { id: channel.id } : { name: channel.name, kind: channel.kind }) : null;
    return actor ? [{ start: s.start, end: s.end, quote: s.quote, actor, via }] : [];
  });
  if (accepted.length === 0) throw new Error('This suggestion has no speaker: press E to highlight it and name the actor yourself.');
  await api.call('suggestions.accept', { articleId, accepted });
}

/** Rejects a suggestion for good. */
export async function rejectSuggestion(articleId: string, s: Suggestion): Promise<void> {
  await api.call('suggestions.reject', { articleId, start: s.start, end: s.end, quote: s.quote });
}

/** Highlights the suggestion's span, to be opened in the claim editor; returns the highlight's id. */
export async function highlightSuggestion(articleId: string, s: Suggestion): Promise<string> {
  return (await api.call('highlights.create', { articleId, start: s.start, end: s.end, quote: s.quote })).id;
}
