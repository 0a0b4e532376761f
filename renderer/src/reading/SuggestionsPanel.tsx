import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Suggestion } from '../../../shared/assist/attribution/types';
import type { ActorKind, Article } from '../../../shared/domain';
import { oneLine } from '../../../shared/text/one-line';
import { api, onProjectChanged } from '../api/client';
import { FieldError } from '../components/FieldError';
import { AFTER_LAYOUT } from '../components/virtual-rect';
import type { TextIndex } from './text-index';

/** The CSS highlight that outlines suggestions (not "gs-": the highlight painter owns those names). */
const OUTLINE = 'suggestion-outline';

/** The suggestion's speaker as the claim names it: an existing actor, or a new one to create. */
function actorRef(s: Suggestion): { id: string } | { name: string; kind: ActorKind } | null {
  const actor = s.source.actor;
  if (actor?.known) return { id: actor.id };
  if (actor) return { name: actor.name, kind: actor.kind };
  // A description with no name ("the monitoring mission"): the source as written, to be edited.
  const written = s.source.text.trim();
  return written ? { name: written.slice(0, 300), kind: 'other' } : null;
}

/**
 * The article's suggested claims: outlined in the text with a dashed underline and listed here.
 * In the list, arrow keys or j/k move, Enter accepts the suggestion as a claim (its actor and
 * channel; the claim's date is the article's), X rejects it for good. Memoised: an article can
 * have thousands of suggestions, and the reading view redraws on every selection and highlight.
 */
export const SuggestionsPanel = memo(function SuggestionsPanel({ article, index, onEdit }: { article: Article; index: TextIndex | null; onEdit: (highlightId: string) => void }) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [skipped, setSkipped] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
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
  useEffect(() => {
    load();
    return onProjectChanged(load);
  }, [load]);

  // The list is read again after every change to the project, mostly unchanged: the outline (thousands
  // of ranges in a long article) is redrawn only when the spans differ.
  const spans = useMemo(() => suggestions.map((s) => `${s.start}-${s.end}`).join(' '), [suggestions]);
  useEffect(() => {
    if (!index) return;
    const ranges = suggestions.map((s) => index.spanFor(s.start, s.end)).filter((r): r is StaticRange => r !== null);
    CSS.highlights.set(OUTLINE, new Highlight(...ranges));
    return () => {
      CSS.highlights.delete(OUTLINE);
    };
  }, [index, spans]);

  const chosen = suggestions[Math.min(current, suggestions.length - 1)];

  // Only the rows in view (and a screenful either side) are drawn: a long article has thousands.
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: suggestions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 46,
    overscan: 20,
    getItemKey: (i) => `${suggestions[i]!.start}-${suggestions[i]!.end}`,
    ...AFTER_LAYOUT,
  });
  useEffect(() => {
    if (suggestions.length) virtualizer.scrollToIndex(Math.min(current, suggestions.length - 1), { align: 'auto' });
  }, [current, suggestions.length, virtualizer]);

  /** Accepts suggestions as claims in one undoable step. */
  async function accept(chosen: Suggestion[]) {
    const accepted = chosen.flatMap((s) => {
      const actor = actorRef(s);
      const channel = s.channel?.actor;
      const via = channel ? (channel.known ? { id: channel.id } : { name: channel.name, kind: channel.kind }) : null;
      return actor ? [{ start: s.start, end: s.end, quote: s.quote, actor, via }] : [];
    });
    if (accepted.length === 0) {
      setError('This suggestion has no speaker: press E to highlight it and name the actor yourself.');
      return;
    }
    setError(null);
    try {
      await api.call('suggestions.accept', { articleId: article.id, accepted });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  /** Highlights the suggestion's span and opens it in the claim editor, to set the actor or adjust the span. */
  async function edit(s: Suggestion) {
    setError(null);
    try {
      const highlight = await api.call('highlights.create', { articleId: article.id, start: s.start, end: s.end, quote: s.quote });
      onEdit(highlight.id);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function reject(s: Suggestion) {
    setError(null);
    try {
      await api.call('suggestions.reject', { articleId: article.id, start: s.start, end: s.end, quote: s.quote });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey || suggestions.length === 0) return;
    const last = suggestions.length - 1;
    const moves: Record<string, number> = { ArrowDown: current + 1, j: current + 1, ArrowUp: current - 1, k: current - 1, Home: 0, End: last };
    const move = moves[event.key];
    if (move !== undefined) setCurrent(Math.max(0, Math.min(last, move)));
    else if (event.key === 'Enter' && chosen) void accept([chosen]);
    else if (event.key.toLowerCase() === 'x' && chosen) void reject(chosen);
    else if (event.key.toLowerCase() === 'e' && chosen) void edit(chosen);
    else return;
    event.preventDefault();
    event.stopPropagation();
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
          <p className="hint">Arrow keys or j/k move, Enter accepts as a claim, X rejects, E edits the span or actor first.</p>
          <div
            ref={scroller}
            className="suggestion-list"
            role="listbox"
            aria-label="Suggested claims"
            tabIndex={0}
            aria-activedescendant={chosen ? `suggestion-${chosen.start}-${chosen.end}` : undefined}
            onKeyDown={onKey}
          >
            <div className="suggestion-rows" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map(({ index: i, key, start }) => {
                const s = suggestions[i]!;
                return (
                  <div
                    key={key}
                    ref={virtualizer.measureElement}
                    data-index={i}
                    id={`suggestion-${s.start}-${s.end}`}
                    role="option"
                    aria-selected={s === chosen}
                    aria-setsize={suggestions.length}
                    aria-posinset={i + 1}
                    className={s === chosen ? 'suggestion-item active' : 'suggestion-item'}
                    style={{ transform: `translateY(${start}px)` }}
                    onClick={() => setCurrent(i)}
                  >
                    <span className="claim-who">
                      {s.source.actor?.name ?? (s.source.text || 'No speaker found')}
                      {s.channel && <span className="via"> via {s.channel.actor.name}</span>}
                      <span className="muted"> · {Math.round(s.confidence * 100)}%</span>
                    </span>
                    <span className="claim-quote">{oneLine(s.quote, 160)}</span>
                  </div>
                );
              })}
            </div>
          </div>
          {chosen && (
            <div className="suggestion-actions">
              <button type="button" onClick={() => void accept([chosen])}>
                Accept as claim
              </button>
              <button type="button" className="secondary" onClick={() => void edit(chosen)}>
                Edit first
              </button>
              <button type="button" className="secondary" onClick={() => void reject(chosen)}>
                Reject
              </button>
            </div>
          )}
          <div className="suggestion-actions">
            <label>
              Confidence at least{' '}
              <input
                type="number"
                min={0}
                max={100}
                step={5}
                value={threshold}
                onChange={(event) => setThreshold(Math.max(0, Math.min(100, Number(event.target.value) || 0)))}
                aria-label="Lowest confidence to accept, in percent"
              />
              %
            </label>
            <button type="button" className="secondary" onClick={() => void accept(suggestions.filter((s) => s.confidence * 100 >= threshold))} disabled={!suggestions.some((s) => s.confidence * 100 >= threshold)}>
              Accept all {suggestions.filter((s) => s.confidence * 100 >= threshold).length}
            </button>
          </div>
        </>
      )}
    </section>
  );
});
