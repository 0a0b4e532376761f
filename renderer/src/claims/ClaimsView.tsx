import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CLAIM_SORTS, type ClaimFilters, type ClaimRow, type ClaimSort } from '../../../shared/domain';
import { oneLine } from '../../../shared/text/one-line';
import { api } from '../api/client';
import { useListFocus } from '../components/useListFocus';
import { useListPlace } from '../components/useListPlace';
import { usePagedRows } from '../components/usePagedRows';
import { FieldError } from '../components/FieldError';
import { formatDate, plural } from '../format';
import { ActorLine } from '../links/ClaimSummary';
import { actorColour, useActorColours } from '../actor-colours';
import { navigate, replaceRoute, type ClaimsQuery } from '../router';
import { moveKey } from '../review/list-keys';
import { ClaimFacets } from './ClaimFacets';

/** The height of a claim row in pixels (see .claim-row in styles.css): one height, so the virtualiser never measures. */
const ROW_HEIGHT = 100;

const SORT_LABELS: Record<ClaimSort, string> = { date: 'Date of the claim', actor: 'Actor', article: 'Article', recorded: 'Order recorded' };

function ClaimLine({ claim }: { claim: ClaimRow }) {
  useActorColours();
  return (
    <>
      <div className="claim-row-head">
        <ActorLine side={claim} />
        <span className="source-note">
          {[claim.outlet || 'Unknown outlet', formatDate(claim.date) || 'Undated', claim.articleTitle].join(' · ')}
        </span>
      </div>
      <p className="claim-row-quote">
        <span className={`actor-tint ${actorColour(claim.actor.id)}`}>{oneLine(claim.quote, 400)}</span>
      </p>
      <div className="claim-row-foot">
        {claim.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
        {claim.contradictions > 0 && <span className="kind-badge kind-contradicts">{plural(claim.contradictions, 'contradiction')}</span>}
        {claim.corroborations > 0 && <span className="kind-badge kind-corroborates">{plural(claim.corroborations, 'corroboration')}</span>}
      </div>
    </>
  );
}

/**
 * Every claim in the project, like a QDA tool's retrieved segments: filtered by actor, tag,
 * article, outlet, date and words, sorted, counted, virtualised, and read from the keyboard
 * (j/k or arrows move, Enter opens the claim in its article, / searches).
 */
export function ClaimsView({ query }: { query: ClaimsQuery }) {
  const key = JSON.stringify(query);
  const rows = usePagedRows(key, (offset, limit) => api.call('claims.list', { ...query, offset, limit, counts: offset === 0 }));
  const [active, setActive] = useListPlace('claims', key);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [words, setWords] = useState(query.filters.text ?? '');
  const total = rows.total ?? 0;
  const { filters } = query;

  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (items.length) rows.want(items[0]!.index, items[items.length - 1]!.index);
  });
  useListFocus({ scroller, search, total, active, setActive, scrollTo: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) });

  const change = useCallback((next: ClaimsQuery) => replaceRoute({ view: 'claims', query: next }), []);
  const setFilters = (next: ClaimFilters) => {
    for (const name of Object.keys(next) as Array<keyof ClaimFilters>) if (!next[name]) delete next[name];
    change({ ...query, filters: next });
  };
  // Words are applied once typing pauses, so the list is not read again for every key.
  useEffect(() => {
    if (words.trim() === (filters.text ?? '')) return;
    const timer = setTimeout(() => setFilters({ ...filters, text: words.trim() || undefined }), 250);
    return () => clearTimeout(timer);
  }, [words]);

  const current = rows.row(active);
  const open = (claim: ClaimRow) => navigate({ view: 'article', id: claim.articleId, highlight: claim.highlightId });

  function onListKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey || total === 0) return;
    if (moveKey(event.key, total, setActive)) event.preventDefault();
    else if (event.key === 'Enter' && current) {
      event.preventDefault();
      open(current);
    }
  }

  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="claims-layout">
      <ClaimFacets facets={rows.info?.facets ?? null} filters={filters} onChange={setFilters} />
      <section className="review claims" aria-labelledby="claims-heading">
        <div className="review-head">
          <h2 id="claims-heading">Claims</h2>
          <span className="muted" aria-live="polite" data-testid="claims-total">
            {rows.total === null ? 'Reading…' : plural(total, 'claim')}
          </span>
        </div>
        <div className="review-filters claims-filters" role="search" aria-label="Claim filters">
          <div className="review-filter-row">
            <label className="review-search">
              Words in the quote
              <input ref={search} type="search" value={words} onChange={(e) => setWords(e.target.value)} placeholder="/ to search" />
            </label>
            <label>
              From
              <input type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => setFilters({ ...filters, from: e.target.value || undefined })} />
            </label>
            <label>
              To
              <input type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => setFilters({ ...filters, to: e.target.value || undefined })} />
            </label>
            <label>
              Sort by
              <select value={query.sort} onChange={(e) => change({ ...query, sort: e.target.value as ClaimSort })}>
                {CLAIM_SORTS.map((sort) => (
                  <option key={sort} value={sort}>
                    {SORT_LABELS[sort]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="secondary" onClick={() => change({ ...query, descending: !query.descending })} aria-label={`Order: ${query.descending ? 'descending' : 'ascending'}; change`}>
              {query.descending ? '↓ Descending' : '↑ Ascending'}
            </button>
            {filtered && (
              <button
                type="button"
                className="ghost"
                onClick={() => {
                  setWords('');
                  change({ ...query, filters: {} });
                }}
              >
                Clear filters
              </button>
            )}
          </div>
          <span className="hint keys-hint">j/k or ↑/↓ move · Enter opens the claim in its article · / search</span>
        </div>
        <FieldError message={rows.error} />
        {rows.total === 0 ? (
          <p className="empty">{filtered ? 'No claims match these filters.' : 'No claims yet. In an article, select what was said and press C.'}</p>
        ) : (
          <div
            ref={scroller}
            className="review-scroller claims-scroller"
            role="listbox"
            aria-label="Claims"
            tabIndex={0}
            aria-activedescendant={current ? `claim-row-${active}` : undefined}
            onKeyDown={onListKey}
          >
            <div className="review-list" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const claim = rows.row(item.index);
                return (
                  <div
                    key={item.key}
                    id={`claim-row-${item.index}`}
                    role="option"
                    aria-selected={item.index === active}
                    aria-setsize={total}
                    aria-posinset={item.index + 1}
                    aria-label={claim ? `${claim.actor.name}: ${oneLine(claim.quote, 80)}` : 'Loading'}
                    className={`review-row claim-row${item.index === active ? ' active' : ''}`}
                    style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => setActive(item.index)}
                    onDoubleClick={() => claim && open(claim)}
                  >
                    {claim ? <ClaimLine claim={claim} /> : <div className="review-loading">Reading…</div>}
                  </div>
                );
              })}
            </div>
          </div>
        )}
      </section>
    </div>
  );
}
