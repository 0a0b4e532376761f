import { useCallback, useEffect, useRef, useState } from 'react';
import type { Link, LinkStatus } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';
import type { ReviewQuery } from '../router';

export const PAGE = 100;

export interface ReviewRows {
  /** Rows matching the filters, and by status (leaving the status filter out). */
  total: number | null;
  counts: Record<LinkStatus, number>;
  /** The row at an index, if its page has been read. */
  row(index: number): Link | undefined;
  /** Reads the pages holding these rows, if not read yet. */
  want(first: number, last: number): void;
  error: string | null;
}

/**
 * The review list's rows, read a page at a time as the list scrolls to them (20,000 rows are
 * never read at once). A change to the project, here or through undo, reads the pages again.
 */
export function useReviewRows(query: ReviewQuery): ReviewRows {
  const [total, setTotal] = useState<number | null>(null);
  const [counts, setCounts] = useState<Record<LinkStatus, number>>({ open: 0, confirmed: 0, dismissed: 0 });
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, { generation: number; rows: Link[] }>());
  const loading = useRef(new Set<number>());
  /** Bumped whenever what was read may be stale; answers for an older generation are dropped. */
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, 0]);
  const key = JSON.stringify(query);

  const load = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const asked = generation.current;
      api.call('links.review', { ...query, offset: page * PAGE, limit: PAGE }).then(
        (result) => {
          if (asked !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, { generation: asked, rows: result.rows });
          setTotal(result.total);
          // Kept as the same object while unchanged, so the filters bar need not render again.
          setCounts((old) => (JSON.stringify(old) === JSON.stringify(result.counts) ? old : result.counts));
          setError(null);
          setVersion((v) => v + 1);
        },
        (e: Error) => {
          loading.current.delete(page);
          if (asked === generation.current) setError(e.message);
        },
      );
    },
    // The query is compared by value.
    [key],
  );

  const want = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      for (let page = Math.floor(first / PAGE); page <= Math.floor(Math.max(first, last) / PAGE); page++) {
        if (pages.current.get(page)?.generation !== generation.current) load(page);
      }
    },
    [load],
  );

  const reload = useCallback(
    (keepRows: boolean) => {
      generation.current++;
      loading.current.clear();
      // After a change the old rows stay on screen until their fresh copies arrive (no flicker);
      // after a change of filters they are dropped at once.
      if (!keepRows) {
        pages.current.clear();
        setTotal(null);
      }
      const [first, last] = visible.current;
      want(first, last);
      setVersion((v) => v + 1);
    },
    [want],
  );

  useEffect(() => {
    visible.current = [0, 0];
    reload(false);
    return onProjectChanged(() => reload(true));
  }, [reload]);

  return {
    total,
    counts,
    row: (index) => pages.current.get(Math.floor(index / PAGE))?.rows[index % PAGE],
    want,
    error,
  };
}
