import type { ActorKind } from '../../domain';
import type { Suggestion } from './types';

/** An actor as `suggestions.accept` names it: an existing one, or a new one to create (or reuse by name). */
export type AcceptedActor = { id: string } | { name: string; kind: ActorKind; role: string };

/** A suggestion as it is accepted: its span, its speaker and the channel it came through. */
export interface Acceptance {
  start: number;
  end: number;
  quote: string;
  actor: AcceptedActor;
  via: AcceptedActor | null;
}

/** The suggestion's speaker as the claim names it: an existing actor, or a new one to create. */
function speakerOf(s: Suggestion): AcceptedActor | null {
  const actor = s.source.actor;
  if (actor?.known) return { id: actor.id };
  if (actor) return { name: actor.name, kind: actor.kind, role: '' };
  // A description with no name ("the monitoring mission"): the source as written, to be edited.
  const written = s.source.text.trim();
  return written ? { name: written.slice(0, 300), kind: 'other', role: '' } : null;
}

/** How the suggestion is accepted as a claim; null when it has no speaker to name (then E, to name one). */
export function acceptanceOf(s: Suggestion): Acceptance | null {
  const actor = speakerOf(s);
  const channel = s.channel?.actor;
  const via = channel ? (channel.known ? { id: channel.id } : { name: channel.name, kind: channel.kind, role: '' }) : null;
  return actor ? { start: s.start, end: s.end, quote: s.quote, actor, via } : null;
}
