import type Database from 'better-sqlite3';
import type { Acceptance } from '../../../../shared/assist/attribution/acceptance';
import { acceptanceOf } from '../../../../shared/assist/attribution/acceptance';
import type { SuggestionPage } from '../../../../shared/assist/attribution/types';
import { fold } from '../../../../shared/fold';
import type { Handlers } from '../../context';
import type { Project } from '../../project';
import { findByFoldedName, resolveActor } from '../actors/repository';
import { createHighlight, setClaim } from '../annotations/repository';
import { MAX_ACCEPTED_AT_ONCE, listSuggestions, oncePerSpan, prefillForSpan, rejectSuggestion, restoreRejected, rowsToAccept, suggestionsForArticle, suggestionsToAccept } from './repository';

/** Records a suggestion as a claim: a highlight tagged with its actor and channel (part of the caller's undoable step). */
function acceptOne(project: Project, articleId: string, s: Acceptance): void {
  const highlightId = createHighlight(project.db, project.anchors, articleId, s.start, s.end, s.quote);
  const actorId = resolveActor(project.db, s.actor);
  const viaActorId = s.via ? resolveActor(project.db, s.via) : null;
  setClaim(project.db, highlightId, { actorId, viaActorId: viaActorId === actorId ? null : viaActorId, tags: [], noteJson: '', noteText: '', claimedOn: null });
}

const acceptLabel = (n: number) => (n === 1 ? 'Accept suggested claim' : `Accept ${n} suggested claims`);

/** The project-wide list's rows as they are accepted: those with a speaker to name, once per span. */
function acceptancesOf(rows: SuggestionPage['rows']): Array<{ articleId: string; acceptance: Acceptance }> {
  const acceptable = rows.flatMap((row) => {
    const acceptance = acceptanceOf(row.suggestion);
    return acceptance ? [{ articleId: row.articleId, acceptance }] : [];
  });
  return oncePerSpan(acceptable, ({ articleId, acceptance }) => ({ articleId, ...acceptance }));
}

/** Names shown of the actors an acceptance would create; the rest are counted. */
const NEW_ACTORS_SHOWN = 50;

/** The actors accepting these would create: a speaker or channel that no actor's name or alias is. */
function newActorsOf(db: Database.Database, chosen: Array<{ acceptance: Acceptance }>): { total: number; names: string[] } {
  const names = new Map<string, string>();
  for (const { acceptance } of chosen) {
    for (const ref of [acceptance.actor, acceptance.via]) {
      if (!ref || 'id' in ref || names.has(fold(ref.name)) || findByFoldedName(db, ref.name)) continue;
      names.set(fold(ref.name), ref.name);
    }
  }
  return { total: names.size, names: [...names.values()].slice(0, NEW_ACTORS_SHOWN) };
}

export const suggestionHandlers: Pick<
  Handlers,
  'suggestions.forArticle' | 'suggestions.prefill' | 'suggestions.list' | 'suggestions.progress' | 'suggestions.reject' | 'suggestions.accept' | 'suggestions.countToAccept' | 'suggestions.acceptMatching' | 'suggestions.restore'
> = {
  'suggestions.accept': (input, { project, history }) => {
    // One undoable step; if any suggestion no longer fits the text, none is accepted.
    const accepted = oncePerSpan(input.accepted, (s) => ({ articleId: input.articleId, ...s }));
    history.record(acceptLabel(accepted.length), () => {
      for (const s of accepted) acceptOne(project, input.articleId, s);
    });
    return { accepted: accepted.length };
  },
  'suggestions.countToAccept': (input, { project }) => {
    const { rows, tooMany } = rowsToAccept(project.db, input);
    return { count: tooMany ? MAX_ACCEPTED_AT_ONCE : rows.length, tooMany, newActors: newActorsOf(project.db, acceptancesOf(rows)) };
  },
  'suggestions.acceptMatching': ({ expected, ...filters }, { project, history }) => {
    // Read and checked before the step begins, so a refusal leaves nothing in the history.
    const chosen = acceptancesOf(suggestionsToAccept(project.db, filters, expected));
    history.record(acceptLabel(chosen.length), () => {
      for (const { articleId, acceptance } of chosen) acceptOne(project, articleId, acceptance);
    });
    return { accepted: chosen.length };
  },
  'suggestions.forArticle': (input, { project }) => suggestionsForArticle(project.db, input.articleId),
  'suggestions.prefill': (input, { project }) => prefillForSpan(project.db, input),
  'suggestions.list': (input, { project }) => listSuggestions(project.db, input),
  'suggestions.progress': (_input, { project }) => project.suggesting.progress(),
  'suggestions.reject': (input, { project, history }) => {
    history.record('Reject a suggested claim', () => rejectSuggestion(project.db, input));
    return { rejected: true };
  },
  'suggestions.restore': (input, { project, history }) => {
    history.record('Restore a rejected suggestion', () => restoreRejected(project.db, input));
    return { restored: true };
  },
};
