import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { AFTER_LAYOUT } from '../components/virtual-rect';
import type { ActorPair, LinkStatus, ListedLink } from '../../../shared/domain';
import { api } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FieldError } from '../components/FieldError';
import { plural } from '../format';
import { hrefFor, navigate, replaceRoute, type ReviewQuery } from '../router';
import { PairsSummary } from './PairsSummary';
import { RationaleDialog } from './RationaleDialog';
import { ReviewFiltersBar } from './ReviewFiltersBar';
import { ReviewRow } from './ReviewRow';
import { useReviewRows } from './useReviewRows';
import { useListFocus } from '../components/useListFocus';
import { useListPlace } from '../components/useListPlace';
import { onPairListKey } from './list-keys';

/** The height of a review row in pixels (see .review-row in styles.css). */
const ROW_HEIGHT = 240;

const STATUS_KEYS: Record<string, LinkStatus> = { c: 'confirmed', d: 'dismissed', o: 'open' };

/**
 * The review list: every contradiction (or corroboration) with both claims side by side,
 * filtered and sorted, virtualised for tens of thousands of rows, and worked through from the
 * keyboard: j/k or arrows move, c confirms, d dismisses, o reopens, Enter or 1 opens the earlier
 * source and 2 the later, e edits the rationale, / searches.
 */
export function ReviewView({ query }: { query: ReviewQuery }) {
  const key = JSON.stringify(query);
  const rows = useReviewRows(query);
  const [active, setActive] = useListPlace('review', key);
  const [editing, setEditing] = useState<ListedLink | null>(null);
  const [deleting, setDeleting] = useState<ListedLink | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const total = rows.total ?? 0;

  // Rows have one fixed height (quotes and rationale are clamped to it): measuring rows of
  // different heights makes the virtualiser re-add every row's offset, 20,000 of them, per row.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    ...AFTER_LAYOUT,
  });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (items.length) rows.want(items[0]!.index, items[items.length - 1]!.index);
  });
  // The triage keys work at once: the list takes the focus when it first appears.
  useListFocus({ scroller, search, total, active, setActive, scrollTo: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) });

  const current = rows.row(active);
  const change = useCallback((next: ReviewQuery) => replaceRoute({ view: 'review', query: next }), []);

  async function setStatus(link: ListedLink, status: LinkStatus) {
    if (link.status === status) return;
    try {
      await api.call('links.update', { id: link.id, status });
      setNotice(null);
      // A row that stays in the list is passed; one the status filter now hides makes room for the next.
      if (query.filters.statuses.includes(status)) setActive((i) => Math.min(i + 1, total - 1));
    } catch (e) {
      setNotice((e as Error).message);
    }
  }

  const open = (link: ListedLink, side: 'a' | 'b') => navigate({ view: 'article', id: link[side].articleId, highlight: link[side].highlightId });

  function onListKey(event: KeyboardEvent<HTMLDivElement>) {
    onPairListKey(event, { total, current, setActive, open }, (key, link) => {
      if (key in STATUS_KEYS) void setStatus(link, STATUS_KEYS[key]!);
      else if (key === 'e') setEditing(link);
      else if (key === 'Delete') setDeleting(link);
      else return false;
      return true;
    });
  }


  const { filters } = query;
  const choosePair = useCallback(
    (pair: ActorPair) => change({ ...query, filters: { kind: query.filters.kind, statuses: query.filters.statuses, actorId: pair.a.id, otherActorId: pair.b.id } }),
    [key],
  );
  const noun = filters.kind === 'contradicts' ? 'contradiction' : 'corroboration';

  return (
    <div className="review-layout">
      <section className="review" aria-labelledby="review-heading">
        <div className="review-head">
          <h2 id="review-heading">{filters.kind === 'contradicts' ? 'Contradictions' : 'Corroborations'}</h2>
          <span className="muted" aria-live="polite" data-testid="review-total">
            {rows.total === null ? 'Reading…' : plural(total, noun)}
          </span>
          <a className="review-switch" href={hrefFor({ view: 'candidates' })}>
            Candidates: pairs Gainsay proposes
          </a>
        </div>
        <ReviewFiltersBar query={query} counts={rows.counts} onChange={change} searchRef={search} />
        <div className="review-actions" role="toolbar" aria-label="Selected link">
          <button type="button" disabled={!current} onClick={() => current && setStatus(current, 'confirmed')} title="C">
            Confirm
          </button>
          <button type="button" className="secondary" disabled={!current} onClick={() => current && setStatus(current, 'dismissed')} title="D">
            Dismiss
          </button>
          <button type="button" className="secondary" disabled={!current} onClick={() => current && setStatus(current, 'open')} title="O">
            Reopen
          </button>
          <button type="button" className="secondary" disabled={!current} onClick={() => current && setEditing(current)} title="E">
            Edit rationale
          </button>
          <button type="button" className="secondary" disabled={!current} onClick={() => current && open(current, 'a')} title="1 or Enter">
            Open earlier source
          </button>
          <button type="button" className="secondary" disabled={!current} onClick={() => current && open(current, 'b')} title="2">
            Open later source
          </button>
          <button type="button" className="ghost" disabled={!current} onClick={() => current && setDeleting(current)} title="Delete">
            Delete link
          </button>
          <span className="hint keys-hint">j/k move · c confirm · d dismiss · o reopen · e rationale · 1 open the earlier source · 2 open the later source · / search · ? all keys</span>
        </div>
        <FieldError message={notice ?? rows.error} />
        {rows.total === 0 ? (
          <p className="empty">
            {Object.keys(filters).length > 2 || filters.statuses.length < 3
              ? `No ${noun}s match these filters.`
              : `No ${noun}s yet. In an article, select a claim and choose “${filters.kind === 'contradicts' ? 'Contradicts…' : 'Corroborates…'}”.`}
          </p>
        ) : (
          <div
            ref={scroller}
            className="review-scroller"
            role="listbox"
            aria-label={filters.kind === 'contradicts' ? 'Contradictions' : 'Corroborations'}
            tabIndex={0}
            aria-activedescendant={current ? `review-row-${active}` : undefined}
            onKeyDown={onListKey}
          >
            <div className="review-list" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const link = rows.row(item.index);
                return (
                  <div
                    key={item.key}
                    data-index={item.index}
                    id={`review-row-${item.index}`}
                    role="option"
                    aria-selected={item.index === active}
                    aria-setsize={total}
                    aria-posinset={item.index + 1}
                    aria-label={link ? `${link.a.actor.name} ${link.kind === 'contradicts' ? 'versus' : 'and'} ${link.b.actor.name}, ${link.status}` : 'Loading'}
                    className={`review-row${item.index === active ? ' active' : ''}${link ? ` status-${link.status}` : ''}`}
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => setActive(item.index)}
                    onDoubleClick={() => link && open(link, 'a')}
                  >
                    {link ? <ReviewRow link={link} /> : <div className="review-loading">Reading…</div>}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </section>
      <PairsSummary kind={filters.kind} actorId={filters.actorId} otherActorId={filters.otherActorId} onChoose={choosePair} />
      {editing && <RationaleDialog link={editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmDialog
          title="Delete this link?"
          action="Delete link"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            const link = deleting;
            setDeleting(null);
            await api.call('links.delete', { id: link.id }).catch((e: Error) => setNotice(e.message));
            scroller.current?.focus();
          }}
        >
          <p>
            The link between {deleting.a.actor.name}’s and {deleting.b.actor.name}’s claims, with its status and rationale, will be deleted. The claims stay. You can
            undo this.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
