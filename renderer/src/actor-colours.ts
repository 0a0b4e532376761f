import { useSyncExternalStore } from 'react';
import { ACTOR_STYLES, actorColourIndexes } from '../../shared/palette';
import { api, onProjectChanged } from './api/client';

/**
 * Every actor's colour class (c0–c23: colour and mark, see ACTOR_MARKS; 'u' for a highlight not yet a
 * claim), the same in every view:
 * read once from the actor list (see actorColourIndexes) and again when actors may have changed.
 */
let indexes = new Map<string, number>();
let version = 0;
const listeners = new Set<() => void>();

function sameColours(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, colour] of a) if (b.get(id) !== colour) return false;
  return true;
}

function load(): void {
  api.call('actors.list', {}).then(
    (actors) => {
      const next = actorColourIndexes(actors);
      // Read again after every claim saved, most of which change no colour: only a real change
      // redraws (a new version repaints the article's highlights and every listed claim).
      if (sameColours(indexes, next)) return;
      indexes = next;
      version++;
      for (const listener of listeners) listener();
    },
    // Colours are a help, not data: until the list can be read, actors get their fallback colour.
    () => undefined,
  );
}

let watching = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Read once, then again whenever actors may have changed (a claim can create actors, undo can
  // remove them, a merge or import can add many), whether or not a view shows colours then: a
  // view that opens (the reading view, each time an article is opened) finds them current.
  if (!watching) {
    watching = true;
    load();
    onProjectChanged((method) => {
      if (/^(actors|claims|history|project|suggestions)\./.test(method)) load();
    });
  }
  return () => listeners.delete(listener);
}

/** The colour class of an actor; one not in the list yet gets one from its id until it is. */
export function actorColour(actorId: string | undefined | null): string {
  if (!actorId) return 'u';
  const known = indexes.get(actorId);
  if (known !== undefined) return `c${known}`;
  let hash = 0;
  for (let i = 0; i < actorId.length; i++) hash = (hash * 31 + actorId.charCodeAt(i)) >>> 0;
  return `c${hash % ACTOR_STYLES}`;
}

/** Re-renders the caller when the colours change; returns a number that changes with them. */
export function useActorColours(): number {
  return useSyncExternalStore(subscribe, () => version);
}

