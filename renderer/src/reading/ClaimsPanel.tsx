import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { AFTER_LAYOUT } from '../components/virtual-rect';
import { afterNextFrame } from '../after-frame';
import type { Article, HighlightItem, ListedLink } from '../../../shared/domain';
import { sliceCodePoints } from '../../../shared/offsets';
import { oneLine } from '../../../shared/text/one-line';
import { ClaimLinks } from '../links/ClaimLinks';
import { plural } from '../format';
import { hrefFor } from '../router';
import { ClaimEditor } from './ClaimEditor';
import { actorColour, useActorColours } from '../actor-colours';
import { useHighlightsWithDrafts } from './claim-drafts';

function Who({ highlight }: { highlight: HighlightItem }) {
  const { claim } = highlight;
  useActorColours();
  return (
    <span className="claim-who">
      <span className={`actor-chip ${actorColour(claim?.actor.id)}`} aria-hidden="true" />
      {claim ? <span className="actor-name" title={claim.actor.name}>
          {claim.actor.name}
        </span> : <em>Highlight, not yet a claim</em>}
      {claim?.via && <span className="via"> via {claim.via.name}</span>}
    </span>
  );
}

/**
 * The article's highlights and claims in reading order, as a virtualised listbox (an article may
 * carry thousands): arrow keys or j/k move, Home/End jump, and the chosen one is shown in the
 * text and opened for editing above the list. Memoised: the reading view draws again on every
 * selection and as the text's index arrives, when the list has not changed.
 */
export const ClaimsPanel = memo(function ClaimsPanel({
  article,
  highlights,
  links,
  activeId,
  onActivate,
  selection,
  focusActor,
  returnToText,
}: {
  article: Article;
  highlights: HighlightItem[];
  /** Every link with a claim in this article. */
  links: ListedLink[];
  activeId: string | null;
  onActivate: (id: string) => void;
  selection: { start: number; end: number; quote: string } | null;
  focusActor: boolean;
  /** Puts the focus back in the text at a saved claim's end, if that is where it was opened from. */
  returnToText: (highlight: HighlightItem) => boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: highlights.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 8,
    getItemKey: (i) => highlights[i]!.id,
    ...AFTER_LAYOUT,
  });
  const activeIndex = highlights.findIndex((h) => h.id === activeId);
  const active = highlights[activeIndex];
  const claims = highlights.filter((h) => h.claim).length;
  const drafts = useHighlightsWithDrafts();
  // Saved from the editor, the claim is left where it was opened from: the text, or this list.
  const onSaved = useCallback(() => {
    if (active && !returnToText(active)) scroller.current?.focus();
  }, [active, returnToText]);
  const activeQuote = useMemo(() => (active ? sliceCodePoints(article.text, active.start, active.end) : ''), [article.text, active?.start, active?.end]);

  // The chosen row is scrolled to after the frame that shows the change: scrolling, the virtualiser
  // reads the list's scroll height, which before that frame lays out the whole page (the article
  // with its new highlight) in the middle of the change.
  useEffect(() => {
    if (activeIndex >= 0) return afterNextFrame(() => virtualizer.scrollToIndex(activeIndex, { align: 'auto' }));
  }, [activeIndex, virtualizer]);

  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    const last = highlights.length - 1;
    if (last < 0) return;
    const from = activeIndex < 0 ? -1 : activeIndex;
    const moves: Record<string, number> = { ArrowDown: from + 1, j: from + 1, ArrowUp: from - 1, k: from - 1, Home: 0, End: last };
    let next = moves[event.key];
    if (next === undefined) {
      if (event.key !== 'Enter' || !active) return;
      next = activeIndex;
    }
    event.preventDefault();
    onActivate(highlights[Math.max(0, Math.min(last, next))]!.id);
  }

  return (
    <aside className="claims-panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">
        Claims <span className="muted">{claims} of {highlights.length} highlights</span>
      </h2>
      {active && (
        <section className="claim-selected" aria-label="Selected highlight">
          <Who highlight={active} />
          {active.status === 'moved' && <p className="attention">Needs attention: the text at this position no longer matches the quote.</p>}
          {active.claim && (
            <a className="actor-link" href={hrefFor({ view: 'actor', id: active.claim.actor.id })}>
              All claims by {active.claim.actor.name}
            </a>
          )}
          <ClaimEditor
            key={`${active.id}:${active.updatedAt}:${active.claim?.updatedAt ?? ''}`}
            article={article}
            highlight={active}
            selection={selection}
            focusActor={focusActor}
            onSaved={onSaved}
          />
          <ClaimLinks article={article} highlight={active} quote={activeQuote} links={links} />
        </section>
      )}
      {highlights.length === 0 ? (
        <p className="empty">Select text in the article, then press H to highlight it or C to record it as a claim.</p>
      ) : (
        <div
          ref={scroller}
          className="claim-scroller"
          role="listbox"
          aria-label="Highlights and claims"
          tabIndex={0}
          aria-activedescendant={active ? `claim-option-${active.id}` : undefined}
          onKeyDown={onKey}
        >
          <div className="claim-list" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const h = highlights[item.index]!;
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  id={`claim-option-${h.id}`}
                  role="option"
                  aria-selected={h.id === activeId}
                  aria-setsize={highlights.length}
                  aria-posinset={item.index + 1}
                  className={h.id === activeId ? 'claim-item active' : 'claim-item'}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={() => onActivate(h.id)}
                >
                  <Who highlight={h} />
                  <span className="claim-quote">{oneLine(h.preview, 140)}</span>
                  {h.status === 'moved' && <span className="attention">Needs attention</span>}
                  {drafts.has(h.id) && <span className="draft-mark">Unsaved changes</span>}
                  {h.claim && h.claim.linkCount > 0 && <span className="link-count">{plural(h.claim.linkCount, 'link')}</span>}
                  {h.claim && h.claim.tags.length > 0 && (
                    <span className="claim-tags">
                      {h.claim.tags.map((t) => (
                        <span key={t} className="tag">
                          {t}
                        </span>
                      ))}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </aside>
  );
});
