import type { OpenedArticle } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';
import { parseRoute } from '../router';

/** The one opening asked for as the address changed, until the reading view takes it. */
let ahead: { id: string; opening: Promise<OpenedArticle> } | null = null;

/**
 * What the reading view shows as it opens an article (`articles.open`): the one asked for as the
 * address named it, or a new one. Taken once: a later view of the article asks again.
 */
export function takeOpening(id: string): Promise<OpenedArticle> {
  if (ahead?.id !== id) return api.call('articles.open', { id });
  const { opening } = ahead;
  ahead = null;
  return opening;
}

/**
 * Asks for an article's opening as soon as the address names it, in the address change's own
 * task: the view that shows it is drawn and mounted later, and a request sent from its mount
 * reaches the backend that much later. One asked for before a change to the project is
 * forgotten, since the view that takes it would not hear of that change.
 */
export function openArticlesAhead(): void {
  const articleIn = (hash: string) => {
    const route = parseRoute(hash);
    return route.view === 'article' ? route.id : null;
  };
  // The article the address named before (a hashchange made by replaceRoute has no oldURL).
  let shown = articleIn(window.location.hash);
  window.addEventListener('hashchange', () => {
    const id = articleIn(window.location.hash);
    // Another highlight of the article shown: the view stays (it is keyed by the article).
    const opens = id !== null && id !== shown;
    shown = id;
    ahead = opens ? { id, opening: api.call('articles.open', { id }) } : null;
    // A failure is shown by the view that takes it; one never taken is dropped unreported.
    ahead?.opening.catch(() => undefined);
  });
  onProjectChanged(() => (ahead = null));
}
