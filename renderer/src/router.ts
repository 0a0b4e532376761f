import { useEffect, useState } from 'react';

export type Route = { view: 'library' } | { view: 'actors' } | { view: 'article'; id: string };

export function parseRoute(hash: string): Route {
  const article = /^#\/article\/([0-9a-f-]{36})$/.exec(hash);
  if (article) return { view: 'article', id: article[1]! };
  if (hash === '#/actors') return { view: 'actors' };
  return { view: 'library' };
}

export function hrefFor(route: Route): string {
  return route.view === 'article' ? `#/article/${route.id}` : `#/${route.view}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** The current view, from the URL hash (so reload and back/forward keep the place). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
