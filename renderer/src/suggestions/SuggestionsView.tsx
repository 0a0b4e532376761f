import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PercentInput } from '../components/PercentInput';
import { FieldError } from '../components/FieldError';
import { plural } from '../format';
import { NewActors } from './NewActors';
import { navigate } from '../router';
import { onSuggestionsMade } from './progress';
import { SuggestionList, type SuggestionItem } from './SuggestionList';

/** Rows asked for at a time as the list scrolls. */
const PAGE = 200;

interface Filters {
  articleId: string;
  speaker: string;
  /** Percent. */
  minConfidence: number;
  /** The rejected suggestions, to restore one, instead of those left to look at. */
  rejected: boolean;
}

/**
 * Suggestions across the project, surest first, filtered by article, speaker and confidence,
 * triaged from the keyboard like an article's own list (the same SuggestionList). Loaded a page
 * at a time as it scrolls; read again when the project changes or more articles are suggested.
 */
export function SuggestionsView() {
  const [filters, setFilters] = useState<Filters>({ articleId: '', speaker: '', minConfidence: 0, rejected: false });
  const [speakerTyped, setSpeakerTyped] = useState('');
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  const [items, setItems] = useState<SuggestionItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** How many "Accept all" would accept, and the actors it would create, while its confirmation is open. */
  const [confirming, setConfirming] = useState<{ count: number; newActors: { total: number; names: string[] } } | null>(null);
  const loading = useRef(false);

  const asked = useMemo(
    () => ({
      ...(filters.articleId ? { articleId: filters.articleId } : {}),
      ...(filters.speaker ? { speaker: filters.speaker } : {}),
      minConfidence: filters.minConfidence / 100,
    }),
    [filters],
  );
  const query = useCallback((offset: number, limit: number) => api.call('suggestions.list', { ...asked, rejected: filters.rejected, offset, limit }), [asked, filters.rejected]);

  async function askToAcceptAll() {
    setError(null);
    try {
      const { count, tooMany, newActors } = await api.call('suggestions.countToAccept', asked);
      if (tooMany) setError(`More than ${count.toLocaleString('en')} suggestions match; narrow the filters to accept them in one step.`);
      else if (count === 0) setError('No suggestions match these filters.');
      else setConfirming({ count, newActors });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function acceptAll(expected: number) {
    setConfirming(null);
    await api.call('suggestions.acceptMatching', { ...asked, expected }).catch((e: Error) => setError(e.message));
  }

  // From the top again, as many rows as were loaded (at most a few pages).
  const loaded = useRef(0);
  loaded.current = items?.length ?? 0;
  const reload = useCallback(() => {
    query(0, Math.min(500, Math.max(PAGE, loaded.current))).then(
      (page) => {
        setError(null);
        setTotal(page.total);
        setMore(page.more);
        setItems(page.rows);
      },
      (e: Error) => setError(e.message),
    );
  }, [query]);

  const loadMore = useCallback(() => {
    if (loading.current || !items || (items.length >= total && !more)) return;
    loading.current = true;
    query(items.length, PAGE)
      .then(
        (page) => {
          setTotal(page.total);
          setItems((loaded) => [...(loaded ?? []), ...page.rows]);
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => (loading.current = false));
  }, [items, total, more, query]);

  useEffect(() => {
    reload();
    const offChanged = onProjectChanged(reload);
    const offMade = onSuggestionsMade(reload);
    return () => {
      offChanged();
      offMade();
    };
  }, [reload]);

  useEffect(() => {
    api.call('articles.list', { sort: 'title', descending: false }).then(setArticles, (e: Error) => setError(e.message));
  }, []);

  // The speaker filter follows typing after a pause.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.speaker === speakerTyped.trim() ? f : { ...f, speaker: speakerTyped.trim() })), 250);
    return () => clearTimeout(timer);
  }, [speakerTyped]);

  return (
    <section className="review project-suggestions" aria-labelledby="project-suggestions-heading">
      <div className="review-head">
        <h2 id="project-suggestions-heading">Suggestions</h2>
        <span className="muted" aria-live="polite" data-testid="suggestions-total">
          {items === null ? 'Reading…' : `${more ? 'more than ' : ''}${plural(total, filters.rejected ? 'rejected suggestion' : 'suggested claim')}`}
        </span>
        <label className="inline-field">
          Article{' '}
          <select value={filters.articleId} onChange={(e) => setFilters({ ...filters, articleId: e.target.value })}>
            <option value="">All articles</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Speaker{' '}
          <input type="search" value={speakerTyped} maxLength={300} onChange={(e) => setSpeakerTyped(e.target.value)} placeholder="any" />
        </label>
        <label className="inline-field">
          Confidence at least{' '}
          <span className="with-unit">
            <PercentInput value={filters.minConfidence} label="Lowest confidence shown, in percent" onChange={(minConfidence) => setFilters({ ...filters, minConfidence })} /> %
          </span>
        </label>
        <label className="inline-field checkbox">
          <input type="checkbox" checked={filters.rejected} onChange={(e) => setFilters({ ...filters, rejected: e.target.checked })} /> Rejected
        </label>
        <button type="button" className="secondary" onClick={() => void askToAcceptAll()} disabled={filters.rejected || !items || items.length === 0}>
          Accept all shown…
        </button>
      </div>
      <FieldError message={error} />
      {confirming !== null && (
        <ConfirmDialog
          title={`Accept ${plural(confirming.count, 'suggested claim')}?`}
          action={`Accept ${confirming.count.toLocaleString('en')}`}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void acceptAll(confirming.count)}
        >
          <p>
            Every suggestion these filters show, in {filters.articleId ? 'this article' : 'every article'}, becomes a claim with its speaker and channel. Undo takes them
            all back in one step.
          </p>
          <NewActors {...confirming.newActors} />
        </ConfirmDialog>
      )}
      {items !== null && items.length === 0 ? (
        filters.rejected ? (
          <p className="empty">No rejected suggestions{filters.articleId || filters.speaker || filters.minConfidence ? ' match these filters' : ''}.</p>
        ) : (
          <p className="empty">No suggested claims{filters.articleId || filters.speaker || filters.minConfidence ? ' match these filters' : ' left to look at'}. Articles are suggested in the background after import; rejected suggestions and spans already highlighted are not shown.</p>
        )
      ) : (
        items && (
          <SuggestionList
            items={items}
            total={total}
            onEdit={(articleId, highlightId) => navigate({ view: 'article', id: articleId, highlight: highlightId })}
            onNearEnd={loadMore}
            className="suggestion-list-project"
            rejected={filters.rejected}
          />
        )
      )}
    </section>
  );
}
