import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PREVIEW_LENGTH, type Highlight, type HighlightItem, type ListedLink, type OpenedArticle } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';
import { afterNextFrame } from '../after-frame';

/** The span of a highlight being added: known before the backend answers. */
export interface NewSpan {
  start: number;
  end: number;
  quote: string;
}

const PENDING = 'pending:';

/** Whether a listed highlight is one still being saved (it has no id in the project yet). */
export function isPending(id: string): boolean {
  return id.startsWith(PENDING);
}

/** Reading order, as the backend lists highlights: by start, longest first, then by id. */
function readingOrder(a: HighlightItem, b: HighlightItem): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function listed(highlight: Highlight): HighlightItem {
  const { quote, prefix: _prefix, suffix: _suffix, ...item } = highlight;
  return { ...item, preview: Array.from(quote).slice(0, PREVIEW_LENGTH).join('') };
}

/**
 * An article's highlights and links as it opened, read again whenever the project changes, and
 * `add`, which shows a new highlight at once: it is listed (and so painted) before the backend
 * answers, takes the backend's record when the answer arrives, and is taken out again if the
 * backend refuses it.
 */
export function useArticleHighlights(articleId: string, opening: Promise<OpenedArticle>, onError: (message: string) => void) {
  const [fetched, setFetched] = useState<HighlightItem[]>([]);
  const [links, setLinks] = useState<ListedLink[]>([]);
  /** Highlights added here that the last list read did not have yet: being saved, or just saved. */
  const [added, setAdded] = useState<HighlightItem[]>([]);
  const reads = useRef(0);
  const nextPending = useRef(0);
  /**
   * By id, each saved highlight in `added`: the last list read asked for before its save was
   * answered. A read asked for after that saw it saved, so one that lacks it lacks it for good
   * (undone, deleted, from this window or another) and it goes; an earlier read may lack it only
   * because it was not saved yet.
   */
  const savedAfterRead = useRef(new Map<string, number>());
  /** The ids of the last list read shown. */
  const fetchedIds = useRef(new Set<string>());

  /** Shows a read of the list if no later one was asked for (answers can arrive out of order). */
  const show = useCallback((read: number, list: HighlightItem[]) => {
    if (read !== reads.current) return;
    setFetched(list);
    const ids = (fetchedIds.current = new Set(list.map((h) => h.id)));
    /** Saved highlights this read may lack only because it was asked for before they were saved. */
    const notYetListed = new Set<string>();
    for (const [id, after] of savedAfterRead.current) {
      if (!ids.has(id) && read <= after) notYetListed.add(id);
      else savedAfterRead.current.delete(id);
    }
    setAdded((current) => current.filter((h) => isPending(h.id) || notYetListed.has(h.id)));
  }, []);
  const load = useCallback(() => {
    const read = ++reads.current;
    api.call('highlights.list', { articleId }).then((list) => show(read, list), (e: Error) => onError(e.message));
    api.call('links.forArticle', { articleId }).then(setLinks, (e: Error) => onError(e.message));
  }, [articleId, show]);
  /** The inputs of this hook's own `highlights.create` calls: their answers are taken by `add`. */
  const ownCreates = useRef(new Set<unknown>());
  useEffect(() => {
    const read = ++reads.current;
    opening.then(
      (opened) => {
        show(read, opened.highlights);
        if (read === reads.current) setLinks(opened.links);
      },
      (e: Error) => onError(e.message),
    );
    // Re-reading 2,000 highlights after each one added would only find the one `add` has, and
    // would keep the backend busy when the next one is added.
    return onProjectChanged((method, input) => {
      if (!(method === 'highlights.create' && ownCreates.current.has(input))) load();
    });
  }, [load, opening]);

  const highlights = useMemo(() => (added.length ? [...fetched, ...added].sort(readingOrder) : fetched), [fetched, added]);

  const add = useCallback(
    async (span: NewSpan): Promise<Highlight> => {
      const now = new Date().toISOString();
      const pending: HighlightItem = {
        id: `${PENDING}${++nextPending.current}`,
        articleId,
        start: span.start,
        end: span.end,
        status: 'ok',
        claim: null,
        preview: Array.from(span.quote).slice(0, PREVIEW_LENGTH).join(''),
        createdAt: now,
        updatedAt: now,
      };
      setAdded((current) => [...current, pending]);
      // The answer is taken (and what it sets off: the saved record listed, the editor opened and
      // what that reads) once the frame that shows the new highlight has been drawn, so a quick
      // answer does not delay that frame.
      const shown = new Promise<void>((resolve) => afterNextFrame(resolve));
      const input = { articleId, ...span };
      ownCreates.current.add(input);
      try {
        const created = await api.call('highlights.create', input);
        savedAfterRead.current.set(created.id, reads.current);
        await shown;
        // Unless a read shown meanwhile already lists it.
        setAdded((current) => current.flatMap((h) => (h !== pending ? [h] : fetchedIds.current.has(created.id) ? [] : [listed(created)])));
        return created;
      } catch (e) {
        await shown;
        setAdded((current) => current.filter((h) => h !== pending));
        throw e;
      } finally {
        ownCreates.current.delete(input);
      }
    },
    [articleId],
  );

  return { highlights, links, add };
}
