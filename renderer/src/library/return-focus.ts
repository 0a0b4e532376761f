import { useEffect, useRef, type RefObject } from 'react';
import { hrefFor } from '../router';
import { focusIsLost } from '../keyboard';

/** The article last open in the reading view, until the Library has come back to it. */
let lastRead: string | null = null;

export function rememberReading(articleId: string): void {
  lastRead = articleId;
}

/**
 * Back in the Library from an article (by ← Library, or the browser's Back), the focus is on that
 * article's row, or on the Library's heading if the article is gone (deleted). The link followed
 * went with the reading view and left the focus on the page body, where no key does anything.
 * A focus that is somewhere else already (a tab of the navigation, a field) stays there.
 */
export function useFocusOnReturn(listed: boolean, table: RefObject<HTMLElement | null>, heading: RefObject<HTMLElement | null>): void {
  const from = useRef(lastRead);
  useEffect(() => {
    const id = from.current;
    if (!listed || id === null) return;
    from.current = lastRead = null;
    if (!focusIsLost()) return;
    const row = table.current?.querySelector<HTMLElement>(`a[href="${hrefFor({ view: 'article', id })}"]`);
    (row ?? heading.current)?.focus();
  }, [listed]);
}
