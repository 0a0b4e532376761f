import type { Handlers } from '../../context';
import { resolveActor } from '../actors/repository';
import {
  createHighlight,
  deleteHighlight,
  getHighlight,
  listHighlights,
  listTags,
  moveHighlight,
  removeClaim,
  setClaim,
} from './repository';

/** A short label for undo menus: the start of a quote. */
function short(quote: string): string {
  const flat = quote
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[“”"‘’'«»„]+|[“”"‘’'«»„]+$/g, '');
  return flat.length > 40 ? `“${flat.slice(0, 39)}…”` : `“${flat}”`;
}

/** Tags as typed, each once (the first spelling wins). */
function uniqueIgnoringCase(names: string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  return [...seen.values()];
}

export const annotationHandlers: Pick<
  Handlers,
  | 'highlights.list'
  | 'highlights.create'
  | 'highlights.move'
  | 'highlights.delete'
  | 'claims.set'
  | 'claims.remove'
  | 'tags.list'
  | 'history.state'
  | 'history.undo'
  | 'history.redo'
> = {
  'highlights.list': (input, { project }) => listHighlights(project.db, project.anchors, input.articleId),
  'highlights.create': (input, { project, history }) => {
    const id = history.record(`Highlight ${short(input.quote)}`, () =>
      createHighlight(project.db, project.anchors, input.articleId, input.start, input.end, input.quote),
    );
    return getHighlight(project.db, project.anchors, id);
  },
  'highlights.move': (input, { project, history }) => {
    history.record(`Adjust highlight ${short(input.quote)}`, () =>
      moveHighlight(project.db, project.anchors, input.id, input.start, input.end, input.quote),
    );
    return getHighlight(project.db, project.anchors, input.id);
  },
  'highlights.delete': (input, { project, history }) => {
    const highlight = getHighlight(project.db, project.anchors, input.id);
    history.record(`Delete ${highlight.claim ? 'claim' : 'highlight'} ${short(highlight.quote)}`, () =>
      deleteHighlight(project.db, input.id),
    );
    return { deleted: input.id };
  },
  'claims.set': (input, { project, history }) => {
    const highlight = getHighlight(project.db, project.anchors, input.highlightId);
    history.record(`${highlight.claim ? 'Edit' : 'Tag'} claim ${short(highlight.quote)}`, () => {
      const actorId = resolveActor(project.db, input.actor);
      const viaActorId = input.via ? resolveActor(project.db, input.via) : null;
      setClaim(project.db, input.highlightId, {
        actorId,
        viaActorId,
        tags: uniqueIgnoringCase(input.tags),
        noteJson: input.noteJson,
        noteText: input.noteText,
        claimedOn: input.claimedOn,
      });
    });
    return getHighlight(project.db, project.anchors, input.highlightId);
  },
  'claims.remove': (input, { project, history }) => {
    const highlight = getHighlight(project.db, project.anchors, input.highlightId);
    history.record(`Untag claim ${short(highlight.quote)}`, () => removeClaim(project.db, input.highlightId));
    return getHighlight(project.db, project.anchors, input.highlightId);
  },
  'tags.list': (_input, { project }) => listTags(project.db),
  'history.state': (_input, { project, history }) => history.state,
  'history.undo': (_input, { project, history }) => {
    const undone = history.undo();
    return { undone, ...history.state };
  },
  'history.redo': (_input, { project, history }) => {
    const redone = history.redo();
    return { redone, ...history.state };
  },
};
