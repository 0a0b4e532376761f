import type { Handlers } from '../../context';
import { LINK_STATUS_LABELS, type Link } from '../../../../shared/domain';
import { searchClaims } from './claim-search';
import { actorPairs, createLink, deleteLink, getLink, linksForArticle, reviewOptions, updateLink } from './repository';
import { reviewPage } from './review';

/** "contradiction" or "corroboration", for undo labels. */
function noun(link: Pick<Link, 'kind'>): string {
  return link.kind === 'contradicts' ? 'contradiction' : 'corroboration';
}

const STATUS_VERBS = { open: 'Reopen', confirmed: 'Confirm', dismissed: 'Dismiss' } as const;

export const linkHandlers: Pick<
  Handlers,
  'claims.search' | 'links.create' | 'links.update' | 'links.delete' | 'links.get' | 'links.forArticle' | 'links.review' | 'links.pairs' | 'links.options'
> = {
  'claims.search': (input, { project }) => searchClaims(project.db, input),
  'links.create': (input, { project, history, preferences }) => {
    const id = history.record(`Link claims as ${input.kind === 'contradicts' ? 'contradicting' : 'corroborating'}`, () =>
      createLink(project.db, { ...input, createdBy: preferences.author() }),
    );
    return getLink(project.db, id);
  },
  'links.update': (input, { project, history }) => {
    const { id, ...change } = input;
    const before = getLink(project.db, id);
    const label =
      change.status !== undefined && change.status !== before.status
        ? `${STATUS_VERBS[change.status]} ${noun(before)}`
        : change.kind !== undefined && change.kind !== before.kind
          ? `Make it a ${noun({ kind: change.kind })}`
          : `Edit ${noun(before)} rationale`;
    history.record(label, () => updateLink(project.db, id, change));
    return getLink(project.db, id);
  },
  'links.delete': (input, { project, history }) => {
    const link = getLink(project.db, input.id);
    history.record(`Delete ${noun(link)} (${LINK_STATUS_LABELS[link.status].toLowerCase()})`, () => deleteLink(project.db, input.id));
    return { deleted: input.id };
  },
  'links.get': (input, { project }) => getLink(project.db, input.id),
  'links.forArticle': (input, { project }) => linksForArticle(project.db, input.articleId),
  'links.review': (input, { project }) =>
    reviewPage(project.db, input.filters, input.sort, input.descending, input.offset, input.limit),
  'links.pairs': (input, { project }) => actorPairs(project.db, input.kind, input.limit),
  'links.options': (input, { project }) => reviewOptions(project.db, input.kind),
};
