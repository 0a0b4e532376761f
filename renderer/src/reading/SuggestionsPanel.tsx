import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { Suggestion } from '../../../shared/assist/attribution/types';
import type { Article } from '../../../shared/domain';
import type { Input } from '../../../shared/contract';
import { api, onProjectChanged } from '../api/client';
import { PercentInput } from '../components/PercentInput';
import { FieldError } from '../components/FieldError';
import { SuggestionList } from '../suggestions/SuggestionList';
import { acceptSuggestions } from '../suggestions/triage';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { NewActors } from '../suggestions/NewActors';
import { plural } from '../format';
import { afterNextFrame } from '../after-frame';

/**
 * The article's suggested claims: outlined in the text with a dashed underline and listed here
 * with keyboard triage (SuggestionList), and all above a chosen confidence accepted in one step.
 */
// Memoised: an article can have thousands of suggestions, and the reading view redraws on every selection and highlight.
export const SuggestionsPanel = memo(function SuggestionsPanel({
  article,
  onOutline,
  onEdit,
}: {
  article: Article;
  /** Outlines the suggestions' spans in the text (see HighlightPainter.outline). */
  onOutline: (spans: readonly Suggestion[]) => void;
  onEdit: (highlightId: string) => void;
}) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [skipped, setSkipped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [threshold, setThreshold] = useState(80);

  const load = useCallback(() => {
    api.call('suggestions.forArticle', { articleId: article.id }).then(
      (result) => {
        setSuggestions(result.suggestions);
        setSkipped(result.skipped);
      },
      (e: Error) => setError(e.message),
    );
  }, [article.id]);
  const shown = useRef(suggestions);
  shown.current = suggestions;
  useEffect(() => {
    // Asked for after the frame that shows the article: sent as the article is drawn, the request
    // (and the backend's work for it, which may be reading the whole text) delays that frame.
    const cancel = afterNextFrame(load);
    // A highlight hides the suggestion with its exact span: one added here over no suggestion's
    // span changes nothing, and re-reading a long article's suggestions keeps the backend busy.
    const stop = onProjectChanged((method, input) => {
      // This page's own calls come with their (typed, so well-formed) input.
      const created = method === 'highlights.create' ? (input as Input<'highlights.create'> | undefined) : undefined;
      if (created && !shown.current.some((s) => s.start === created.start && s.end === created.end)) return;
      load();
    });
    return () => {
      cancel();
      stop();
    };
  }, [load]);

  useEffect(() => onOutline(suggestions), [onOutline, suggestions]);

  const aboveThreshold = suggestions.filter((s) => s.confidence * 100 >= threshold);
  /** The suggestions to accept and the actors that would create, while the analyst confirms. */
  const [confirming, setConfirming] = useState<{ chosen: Suggestion[]; newActors: { total: number; names: string[] } } | null>(null);

  async function accept(chosen: Suggestion[]) {
    setConfirming(null);
    try {
      await acceptSuggestions(article.id, chosen);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  /** Accepts at once, unless that creates actors: they are named first, as the Suggestions tab's Accept all does. */
  async function acceptAll() {
    setError(null);
    const chosen = aboveThreshold;
    try {
      const { newActors } = await api.call('suggestions.countToAccept', { articleId: article.id, minConfidence: threshold / 100 });
      if (newActors.total > 0) setConfirming({ chosen, newActors });
      else await accept(chosen);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section className="suggestions" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">
        Suggestions <span className="muted">{suggestions.length}</span>
      </h3>
      <FieldError message={error} />
      {skipped && <p className="empty">{skipped}</p>}
      {suggestions.length === 0 && !skipped && <p className="empty">No suggested claims left in this article.</p>}
      {suggestions.length > 0 && (
        <>
          <SuggestionList
            items={suggestions.map((suggestion) => ({ articleId: article.id, suggestion }))}
            onEdit={(_articleId, highlightId) => onEdit(highlightId)}
            className="suggestion-list-article"
          />
          <div className="suggestion-actions">
            <label>
              Confidence at least{' '}
              <span className="with-unit">
                <PercentInput value={threshold} label="Lowest confidence to accept, in percent" onChange={setThreshold} /> %
              </span>
            </label>
            <button type="button" className="secondary" onClick={() => void acceptAll()} disabled={aboveThreshold.length === 0}>
              Accept all {aboveThreshold.length}
            </button>
          </div>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Accept ${plural(confirming.chosen.length, 'suggested claim')}?`}
          action={`Accept ${confirming.chosen.length.toLocaleString('en')}`}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void accept(confirming.chosen)}
        >
          <p>Each becomes a claim with its speaker and channel. Undo takes them all back in one step.</p>
          <NewActors {...confirming.newActors} />
        </ConfirmDialog>
      )}
    </section>
  );
});
