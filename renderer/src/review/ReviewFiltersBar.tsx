import { memo, useEffect, useState } from 'react';
import { LINK_STATUS_LABELS, LINK_STATUSES, REVIEW_SORTS, type LinkKind, type LinkStatus, type ReviewFilters, type ReviewSort } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';
import type { ReviewQuery } from '../router';

type Options = Awaited<ReturnType<typeof loadOptions>>;
const loadOptions = (kind: LinkKind) => api.call('links.options', { kind });

const SORT_LABELS: Record<ReviewSort, string> = { date: 'Date of the later claim', actor: 'Actor', status: 'Status', updated: 'Last changed' };

/**
 * The review list's filters: status (with counts), actor and the actor on the other side,
 * article, outlet, tag, dates, words, and the order.
 */
export const ReviewFiltersBar = memo(function ReviewFiltersBar({
  query,
  counts,
  onChange,
  searchRef,
}: {
  query: ReviewQuery;
  counts: Record<LinkStatus, number>;
  onChange: (query: ReviewQuery) => void;
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const { filters } = query;
  const [options, setOptions] = useState<Options | null>(null);
  const [text, setText] = useState(filters.text ?? '');
  useEffect(() => {
    const load = () => loadOptions(filters.kind).then(setOptions, () => {});
    load();
    return onProjectChanged(load);
  }, [filters.kind]);
  // Words are applied as the analyst pauses, not on every key.
  useEffect(() => {
    if ((filters.text ?? '') === text) return;
    const timer = setTimeout(() => set({ text: text || undefined }), 250);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => setText(filters.text ?? ''), [filters.text]);

  function set(change: Partial<ReviewFilters>) {
    const next: ReviewFilters = { ...filters, ...change };
    if (!next.actorId) delete next.otherActorId;
    onChange({ ...query, filters: next });
  }
  /**
   * A click on a status shows only that status (clicked again while it is the only one shown, all
   * of them); with Ctrl, Cmd or Shift held it is added to or taken from those shown.
   */
  const chooseStatus = (status: LinkStatus, add: boolean) => {
    if (add) {
      set({ statuses: filters.statuses.includes(status) ? filters.statuses.filter((s) => s !== status) : LINK_STATUSES.filter((s) => s === status || filters.statuses.includes(s)) });
    } else {
      set({ statuses: filters.statuses.length === 1 && filters.statuses[0] === status ? [...LINK_STATUSES] : [status] });
    }
  };
  const select = (label: string, value: string | undefined, items: Array<{ value: string; label: string }>, onSelect: (v: string | undefined) => void, disabled = false) => (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onSelect(e.target.value || undefined)} disabled={disabled}>
        <option value="">Any</option>
        {items.map((item) => (
          <option key={item.value} value={item.value}>
            {item.label}
          </option>
        ))}
      </select>
    </label>
  );
  const actors = (options?.actors ?? []).map((a) => ({ value: a.id, label: a.name }));
  const filtered = Object.keys(filters).some((k) => !['kind', 'statuses'].includes(k)) || filters.statuses.length !== LINK_STATUSES.length;

  return (
    <div className="review-filters">
      <div className="review-filter-row">
        <div className="segmented-buttons" role="group" aria-label="Kind of link">
          {(['contradicts', 'corroborates'] as const).map((kind) => (
            <button key={kind} type="button" aria-pressed={filters.kind === kind} onClick={() => onChange({ ...query, filters: { kind, statuses: filters.statuses } })}>
              {kind === 'contradicts' ? 'Contradictions' : 'Corroborations'}
            </button>
          ))}
        </div>
        <div className="status-chips" role="group" aria-label="Status">
          {LINK_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              className={`status-chip status-${status}`}
              aria-pressed={filters.statuses.includes(status)}
              title={`Show only ${LINK_STATUS_LABELS[status].toLowerCase()}; Ctrl-click to add or remove`}
              onClick={(e) => chooseStatus(status, e.ctrlKey || e.metaKey || e.shiftKey)}
            >
              {LINK_STATUS_LABELS[status]} <span className="chip-count" data-testid={`status-count-${status}`}>{counts[status].toLocaleString()}</span>
            </button>
          ))}
        </div>
        <label className="review-search">
          <span className="visually-hidden">Search quotes and rationales</span>
          <input ref={searchRef} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search quotes and rationales  ( / )" />
        </label>
      </div>
      <div className="review-filter-row">
        {select('Actor (either side)', filters.actorId, actors, (actorId) => set({ actorId }))}
        {select('Against', filters.otherActorId, actors, (otherActorId) => set({ otherActorId }), !filters.actorId)}
        {select('Article', filters.articleId, (options?.articles ?? []).map((a) => ({ value: a.id, label: a.title })), (articleId) => set({ articleId }))}
        {select('Outlet', filters.outlet, (options?.outlets ?? []).map((o) => ({ value: o, label: o })), (outlet) => set({ outlet }))}
        {select('Tag', filters.tag, (options?.tags ?? []).map((t) => ({ value: t, label: t })), (tag) => set({ tag }))}
        <label>
          From
          <input type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => set({ from: e.target.value || undefined })} />
        </label>
        <label>
          To
          <input type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => set({ to: e.target.value || undefined })} />
        </label>
        <label>
          Sort by
          <select value={query.sort} onChange={(e) => onChange({ ...query, sort: e.target.value as ReviewSort })}>
            {REVIEW_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => onChange({ ...query, descending: !query.descending })} aria-label={`Order: ${query.descending ? 'descending' : 'ascending'}; change`}>
          {query.descending ? '↓ Descending' : '↑ Ascending'}
        </button>
        {filtered && (
          <button type="button" className="ghost" onClick={() => onChange({ ...query, filters: { kind: filters.kind, statuses: [...LINK_STATUSES] } })}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
});
