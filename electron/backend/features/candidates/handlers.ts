import type { Handlers } from '../../context';
import { dismissCandidate, listCandidates } from './service';

/**
 * Contradiction candidates. Accepting one is `links.create` (an undoable step like any link);
 * a dismissal is remembered in the project, and is an undoable step too.
 */
export const candidateHandlers: Pick<Handlers, 'candidates.list' | 'candidates.dismiss'> = {
  'candidates.list': (input, { project }) => listCandidates(project.db, input),
  'candidates.dismiss': (input, { project, history }) => {
    history.record('Dismiss a candidate pair', () => dismissCandidate(project.db, input.claimA, input.claimB));
    return { dismissed: true };
  },
};
