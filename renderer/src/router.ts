import { useEffect, useState } from 'react';

export type Route =
  | { view: 'library' }
  | { view: 'actors' }
  | { view: 'actor'; id: string }
  | { view: 'article'; id: string; highlight?: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export function parseRoute(hash: string): Route {
  const article = new RegExp(`^#/article/(${UUID})(?:/(${UUID}))?$`).exec(hash);
  if (article) return article[2] ? { view: 'article', id: article[1]!, highlight: article[2] } : { view: 'article', id: article[1]! };
  const actor = new RegExp(`^#/actor/(${UUID})$`).exec(hash);
  if (actor) return { view: 'actor', id: actor[1]! };
  if (hash === '#/actors') return { view: 'actors' };
  return { view: 'library' };
}

export function hrefFor(route: Route): string {
  switch (route.view) {
    case 'article':
      return `#/article/${route.id}${route.highlight ? `/${route.highlight}` : ''}`;
    case 'actor':
      return `#/actor/${route.id}`;
    default:
      return `#/${route.view}`;
  }
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
