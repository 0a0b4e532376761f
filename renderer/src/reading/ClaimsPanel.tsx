import { useRef, type KeyboardEvent } from 'react';
import type { Article, Highlight } from '../../../shared/domain';
import { hrefFor } from '../router';
import { ClaimEditor } from './ClaimEditor';
import { actorColour } from './paint';

function preview(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ');
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}

/**
 * The article's highlights and claims in reading order. Arrow keys (or j/k) move between them;
 * Enter or a click shows one in the text; the selected one opens for editing.
 */
export function ClaimsPanel({
  article,
  highlights,
  activeId,
  onActivate,
  selection,
  focusActor,
}: {
  article: Article;
  highlights: Highlight[];
  activeId: string | null;
  onActivate: (id: string) => void;
  selection: { start: number; end: number; quote: string } | null;
  focusActor: boolean;
}) {
  const list = useRef<HTMLOListElement>(null);
  const claims = highlights.filter((h) => h.claim).length;

  function onKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = event.key === 'ArrowDown' || event.key === 'j' ? 1 : event.key === 'ArrowUp' || event.key === 'k' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(highlights.length - 1, index + step));
    const button = list.current?.querySelectorAll<HTMLButtonElement>('.claim-item-button')[next];
    button?.focus();
    onActivate(highlights[next]!.id);
  }

  return (
    <aside className="claims-panel" aria-labelledby="claims-heading">
      <h2 id="claims-heading">
        Claims <span className="muted">{claims} of {highlights.length} highlights</span>
      </h2>
      {highlights.length === 0 && (
        <p className="empty">Select text in the article, then press H to highlight it or C to record it as a claim.</p>
      )}
      <ol className="claim-list" ref={list} aria-label="Highlights and claims">
        {highlights.map((h, index) => {
          const active = h.id === activeId;
          return (
            <li key={h.id} className={active ? 'claim-item active' : 'claim-item'}>
              <button
                type="button"
                className="claim-item-button"
                aria-current={active ? 'true' : undefined}
                onClick={() => onActivate(h.id)}
                onKeyDown={(e) => onKey(e, index)}
              >
                <span className="claim-who">
                  <span className={`actor-chip ${actorColour(h.claim?.actor.id)}`} aria-hidden="true" />
                  {h.claim ? h.claim.actor.name : <em>Highlight, not yet a claim</em>}
                  {h.claim?.via && <span className="via"> via {h.claim.via.name}</span>}
                </span>
                <span className="claim-quote">{preview(h.quote)}</span>
                {h.status === 'moved' && <span className="attention">Needs attention: the text here no longer matches the quote</span>}
                {h.claim && h.claim.tags.length > 0 && (
                  <span className="claim-tags">
                    {h.claim.tags.map((t) => (
                      <span key={t} className="tag">
                        {t}
                      </span>
                    ))}
                  </span>
                )}
              </button>
              {active && (
                <>
                  {h.claim && (
                    <a className="actor-link" href={hrefFor({ view: 'actor', id: h.claim.actor.id })}>
                      All claims by {h.claim.actor.name}
                    </a>
                  )}
                  <ClaimEditor key={`${h.id}:${h.updatedAt}:${h.claim?.updatedAt ?? ''}`} article={article} highlight={h} selection={selection} focusActor={focusActor} />
                </>
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
