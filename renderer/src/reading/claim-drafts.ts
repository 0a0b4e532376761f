import { useSyncExternalStore } from 'react';
import type { ActorChoice } from '../components/ActorPicker';
import type { NoteValue } from '../components/NoteEditor';

/** What the analyst has typed into a claim's editor and not yet saved. */
export interface ClaimDraft {
  actor: ActorChoice;
  via: ActorChoice;
  tags: string;
  claimedOn: string;
  /** Null when the note was not edited: saving leaves the stored note as it is. */
  note: NoteValue | null;
}

/**
 * Unsaved claim edits by highlight, for this window: the editor is made anew for each highlight
 * it shows, and what was typed into it stays here until it is saved or discarded, so choosing
 * another claim (or leaving the article) loses nothing; closing or reloading the tab asks first.
 * Drafts are not steps of the project's history: Undo and Redo change what is stored, and a
 * draft stays on top of it until saved (one step) or discarded.
 */
const drafts = new Map<string, ClaimDraft>();
const listeners = new Set<() => void>();
/** The highlights with a draft; a new set only when one is added or removed (not on every key). */
let withDrafts: ReadonlySet<string> = new Set();

// Closing or reloading the tab would lose them: the browser asks first, as the desktop shell does
// for its window (electron/main/main.ts, will-prevent-unload).
const warn = (event: BeforeUnloadEvent) => event.preventDefault();

function changed(): void {
  withDrafts = new Set(drafts.keys());
  if (drafts.size > 0) window.addEventListener('beforeunload', warn);
  else window.removeEventListener('beforeunload', warn);
  for (const listener of listeners) listener();
}

export function draftFor(highlightId: string): ClaimDraft | undefined {
  return drafts.get(highlightId);
}

export function keepDraft(highlightId: string, draft: ClaimDraft): void {
  const isNew = !drafts.has(highlightId);
  drafts.set(highlightId, draft);
  if (isNew) changed();
}

export function dropDraft(highlightId: string): void {
  if (drafts.delete(highlightId)) changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The highlights that have unsaved edits, redrawn only when that set changes. */
export function useHighlightsWithDrafts(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => withDrafts);
}
