import type { LinkStatus, ListedLink } from '../../../shared/domain';
import { api } from '../api/client';
import { usePagedRows } from '../components/usePagedRows';
import type { ReviewQuery } from '../router';

export interface ReviewRows {
  /** Rows matching the filters, and by status (leaving the status filter out). */
  total: number | null;
  counts: Record<LinkStatus, number>;
  /** The row at an index, if its page has been read. */
  row(index: number): ListedLink | undefined;
  /** Reads the pages holding these rows, if not read yet. */
  want(first: number, last: number): void;
  error: string | null;
}

const NO_COUNTS: Record<LinkStatus, number> = { open: 0, confirmed: 0, dismissed: 0 };

/** The review list's rows, read a page at a time (see usePagedRows). */
export function useReviewRows(query: ReviewQuery): ReviewRows {
  const rows = usePagedRows(JSON.stringify(query), (offset, limit) => api.call('links.review', { ...query, offset, limit }));
  return { ...rows, counts: rows.info?.counts ?? NO_COUNTS };
}
