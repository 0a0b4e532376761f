import { useCallback, useEffect, useRef, useState } from 'react';
import { onProjectChanged } from '../api/client';

export const PAGE = 100;

/** One page as a list method answers it: the rows, the total, and whatever else it says (`Info`). */
export type PageAnswer<Row, Info> = Info & { total: number; rows: Row[] };

export interface PagedRows<Row, Info> {
  /** Rows matching the query (null while the first page is read). */
  total: number | null;
  /** What the first page said besides its rows (counts, facets), kept as one object while unchanged. */
  info: Info | null;
  /** The row at an index, if its page has been read. */
  row(index: number): Row | undefined;
  /** Reads the pages holding these rows, if not read yet. */
  want(first: number, last: number): void;
  error: string | null;
}

/**
 * A long list's rows, read a page at a time as the list scrolls to them (20,000 rows are never
 * read at once). `key` names the query: a new key drops the rows read; a change to the project,
 * here or through undo, reads the pages again, keeping the old rows on screen meanwhile.
 */
export function usePagedRows<Row, Info>(key: string, readPage: (offset: number, limit: number) => Promise<PageAnswer<Row, Info>>): PagedRows<Row, Info> {
  const [total, setTotal] = useState<number | null>(null);
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, { generation: number; rows: Row[] }>());
  const loading = useRef(new Set<number>());
  /** Bumped whenever what was read may be stale; answers for an older generation are dropped. */
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, 0]);
  const reader = useRef(readPage);
  reader.current = readPage;

  const load = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const asked = generation.current;
      reader.current(page * PAGE, PAGE).then(
        ({ rows, total: count, ...rest }) => {
          if (asked !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, { generation: asked, rows });
          setTotal(count);
          // From the first page only (a list may ask for its counts with that page alone), kept as
          // the same object while unchanged, so what shows it need not render again.
          if (page === 0) setInfo((old) => (JSON.stringify(old) === JSON.stringify(rest) ? old : (rest as unknown as Info)));
          setError(null);
          setVersion((v) => v + 1);
        },
        (e: Error) => {
          loading.current.delete(page);
          if (asked === generation.current) setError(e.message);
        },
      );
    },
    // The query is compared by its key.
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
      // after a change of query they are dropped at once.
      if (!keepRows) {
        pages.current.clear();
        setTotal(null);
      }
      const [first, last] = visible.current;
      want(first, last);
      // The first page carries the counts: read again even when scrolled away from it.
      if (first >= PAGE) load(0);
      setVersion((v) => v + 1);
    },
    [want, load],
  );

  useEffect(() => {
    visible.current = [0, 0];
    reload(false);
    return onProjectChanged(() => reload(true));
  }, [reload]);

  return {
    total,
    info,
    row: (index) => pages.current.get(Math.floor(index / PAGE))?.rows[index % PAGE],
    want,
    error,
  };
}
