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
let stopWatching: (() => void) | null = null;

function load(): void {
  api.call('actors.list', {}).then(
    (actors) => {
      indexes = actorColourIndexes(actors);
      version++;
      for (const listener of listeners) listener();
    },
    // Colours are a help, not data: until the list can be read, actors get their fallback colour.
    () => undefined,
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!stopWatching) {
    load();
    // A claim can create actors, undo can remove them, a merge or import can add many.
    stopWatching = onProjectChanged((method) => {
      if (/^(actors|claims|history|project|suggestions)\./.test(method)) load();
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stopWatching?.();
      stopWatching = null;
    }
  };
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

