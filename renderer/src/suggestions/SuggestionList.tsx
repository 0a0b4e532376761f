import { useVirtualizer } from '@tanstack/react-virtual';
import { AFTER_LAYOUT } from '../components/virtual-rect';
import { afterNextFrame } from '../after-frame';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Suggestion } from '../../../shared/assist/attribution/types';
import { oneLine } from '../../../shared/text/one-line';
import { FieldError } from '../components/FieldError';
import { acceptSuggestions, highlightSuggestion, rejectSuggestion, restoreSuggestion } from './triage';

export interface SuggestionItem {
  articleId: string;
  /** Shown when the list spans articles. */
  articleTitle?: string;
  suggestion: Suggestion;
}

const keyOf = (item: SuggestionItem) => `${item.articleId}-${item.suggestion.start}-${item.suggestion.end}`;

/**
 * Suggested claims with keyboard triage, for one article or the whole project: arrow keys or j/k
 * move, Enter accepts the suggestion as a claim (its actor and channel; the claim's date is the
 * article's), X rejects it for good, E highlights it and hands the highlight to `onEdit` to set
 * the actor or adjust the span first. Rejected suggestions (`rejected`) are restored with Enter
 * or R. Virtualised: only the rows in view are drawn.
 */
export function SuggestionList({
  items,
  total = items.length,
  onEdit,
  onNearEnd,
  className,
  rejected = false,
}: {
  items: SuggestionItem[];
  /** How many there are in all, when `items` is the part loaded so far. */
  total?: number;
  onEdit: (articleId: string, highlightId: string) => void;
  /** Called when the rows in view come near the end of `items` (to load more). */
  onNearEnd?: () => void;
  className: string;
  /** The items are rejected suggestions, to be restored. */
  rejected?: boolean;
}) {
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 10,
    getItemKey: (i) => keyOf(items[i]!),
    ...AFTER_LAYOUT,
  });
  const index = Math.max(0, Math.min(current, items.length - 1));
  const chosen = items[index];
  const rows = virtualizer.getVirtualItems();
  const lastInView = rows[rows.length - 1]?.index ?? 0;

  // After the frame that shows the list: scrolling, the virtualiser reads the list's scroll height,
  // which before that frame lays out the whole page (in the reading view, the article opening).
  useEffect(() => {
    if (items.length > 0) return afterNextFrame(() => virtualizer.scrollToIndex(index, { align: 'auto' }));
  }, [index, items.length > 0]);
  useEffect(() => {
    if (onNearEnd && lastInView >= items.length - 20) onNearEnd();
  }, [lastInView, items.length, onNearEnd]);

  async function act(what: () => Promise<void>) {
    setError(null);
    try {
      await what();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const accept = (item: SuggestionItem) => act(() => acceptSuggestions(item.articleId, [item.suggestion]));
  const reject = (item: SuggestionItem) => act(() => rejectSuggestion(item.articleId, item.suggestion));
  const restore = (item: SuggestionItem) => act(() => restoreSuggestion(item.articleId, item.suggestion));
  const edit = (item: SuggestionItem) => act(async () => onEdit(item.articleId, await highlightSuggestion(item.articleId, item.suggestion)));

  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey || items.length === 0) return;
    const last = items.length - 1;
    const moves: Record<string, number> = { ArrowDown: index + 1, j: index + 1, ArrowUp: index - 1, k: index - 1, Home: 0, End: last };
    const move = moves[event.key];
    if (move !== undefined) setCurrent(Math.max(0, Math.min(last, move)));
    else if (rejected) {
      if ((event.key === 'Enter' || event.key.toLowerCase() === 'r') && chosen) void restore(chosen);
      else return;
    } else if (event.key === 'Enter' && chosen) void accept(chosen);
    else if (event.key.toLowerCase() === 'x' && chosen) void reject(chosen);
    else if (event.key.toLowerCase() === 'e' && chosen) void edit(chosen);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <>
      <FieldError message={error} />
      <p className="hint">
        {rejected ? 'Arrow keys or j/k move, Enter or R restores the suggestion.' : 'Arrow keys or j/k move, Enter accepts as a claim, X rejects, E edits the span or actor first.'}
      </p>
      <div
        ref={scroller}
        className={`suggestion-list ${className}`}
        role="listbox"
        aria-label="Suggested claims"
        tabIndex={0}
        aria-activedescendant={chosen ? `suggestion-${keyOf(chosen)}` : undefined}
        onKeyDown={onKey}
      >
        <div className="suggestion-rows" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const item = items[row.index]!;
            const s = item.suggestion;
            return (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                id={`suggestion-${keyOf(item)}`}
                role="option"
                aria-selected={row.index === index}
                aria-setsize={total}
                aria-posinset={row.index + 1}
                className={row.index === index ? 'suggestion-item active' : 'suggestion-item'}
                style={{ transform: `translateY(${row.start}px)` }}
                onClick={() => setCurrent(row.index)}
              >
                <span className="claim-who">
                  {s.source.actor?.name ?? (s.source.text || 'No speaker found')}
                  {s.channel && <span className="via"> via {s.channel.actor.name}</span>}
                  <span className="muted"> · {Math.round(s.confidence * 100)}%</span>
                  {item.articleTitle !== undefined && <span className="muted"> · {oneLine(item.articleTitle, 80)}</span>}
                </span>
                <span className="claim-quote">{oneLine(s.quote, 160)}</span>
              </div>
            );
          })}
        </div>
      </div>
      {chosen && rejected && (
        <div className="suggestion-actions">
          <button type="button" onClick={() => void restore(chosen)}>
            Restore suggestion
          </button>
        </div>
      )}
      {chosen && !rejected && (
        <div className="suggestion-actions">
          <button type="button" onClick={() => void accept(chosen)}>
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
    </>
  );
}
