import type { Handlers } from '../../context';
import { claimCountsByActor, claimPage } from './claim-list';

export const claimListHandlers: Pick<Handlers, 'claims.list' | 'actors.claimCounts' | 'actors.passedOnCounts'> = {
  'claims.list': (input, { project }) => claimPage(project.db, input.filters, input.sort, input.descending, input.offset, input.limit, input.counts),
  'actors.claimCounts': (_input, { project }) => claimCountsByActor(project.db),
  'actors.passedOnCounts': (_input, { project }) => claimCountsByActor(project.db, 'via_actor_id'),
};
