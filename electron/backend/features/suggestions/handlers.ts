import type { Handlers } from '../../context';
import { resolveActor } from '../actors/repository';
import { createHighlight, setClaim } from '../annotations/repository';
import { listSuggestions, prefillForSpan, rejectSuggestion, suggestionsForArticle } from './repository';

export const suggestionHandlers: Pick<Handlers, 'suggestions.forArticle' | 'suggestions.prefill' | 'suggestions.list' | 'suggestions.progress' | 'suggestions.reject' | 'suggestions.accept'> = {
  'suggestions.accept': (input, { project, history }) => {
    const label = input.accepted.length === 1 ? 'Accept suggested claim' : `Accept ${input.accepted.length} suggested claims`;
    // One undoable step; if any suggestion no longer fits the text, none is accepted.
    history.record(label, () => {
      for (const s of input.accepted) {
        const highlightId = createHighlight(project.db, project.anchors, input.articleId, s.start, s.end, s.quote);
        const actorId = resolveActor(project.db, s.actor);
        const viaActorId = s.via ? resolveActor(project.db, s.via) : null;
        setClaim(project.db, highlightId, { actorId, viaActorId: viaActorId === actorId ? null : viaActorId, tags: [], noteJson: '', noteText: '', claimedOn: null });
      }
    });
    return { accepted: input.accepted.length };
  },
  'suggestions.forArticle': (input, { project }) => suggestionsForArticle(project.db, input.articleId),
  'suggestions.prefill': (input, { project }) => prefillForSpan(project.db, input),
  'suggestions.list': (input, { project }) => listSuggestions(project.db, input),
  'suggestions.progress': (_input, { project }) => project.suggesting.progress(),
  'suggestions.reject': (input, { project, history }) => {
    history.record('Reject a suggested claim', () => rejectSuggestion(project.db, input));
    return { rejected: true };
  },
};
