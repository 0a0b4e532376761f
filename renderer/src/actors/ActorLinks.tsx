import { useCallback, useEffect, useState } from 'react';
import { LINK_STATUSES, LINK_STATUS_LABELS, type LinkKind, type ReviewPage } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';
import { plural } from '../format';
import { ClaimSummary } from '../links/ClaimSummary';
import { DEFAULT_REVIEW, hrefFor } from '../router';

/** How many of an actor's links the page lists; the rest are one click away in the review list. */
const SHOWN = 50;

const TITLES: Record<LinkKind, string> = { contradicts: 'Contradictions', corroborates: 'Corroborations' };

/**
 * An actor's contradictions or corroborations, with the actor's own claim and the other side,
 * read through the review list's method (the chosen actor's claim comes first in every link).
 */
export function ActorLinks({ actorId, actorName, kind }: { actorId: string; actorName: string; kind: LinkKind }) {
  const [page, setPage] = useState<ReviewPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .call('links.review', { filters: { kind, statuses: [...LINK_STATUSES], actorId }, sort: 'date', descending: true, offset: 0, limit: SHOWN })
      .then(setPage, (e: Error) => setError(e.message));
  }, [actorId, kind]);
  useEffect(() => {
    load();
    return onProjectChanged(load);
  }, [load]);

  const title = TITLES[kind];
  const inReview = hrefFor({ view: 'review', query: { ...DEFAULT_REVIEW, filters: { kind, statuses: [...LINK_STATUSES], actorId } } });
  return (
    <section className="actor-links" aria-label={`${title} involving ${actorName}`}>
      <h3>
        {title} <span className="muted">({page?.total ?? '…'})</span>
      </h3>
      {error && <p className="field-error">{error}</p>}
      {page && page.total === 0 && <p className="empty">No {title.toLowerCase()} involving {actorName} yet.</p>}
      {page && page.total > 0 && (
        <>
          <ol className="actor-claims">
            {page.rows.map((link) => (
              <li key={link.id} className={`actor-link kind-${link.kind}`}>
                <span className={`status-badge status-${link.status}`}>{LINK_STATUS_LABELS[link.status]}</span>
                <div className="actor-link-sides">
                  <a href={hrefFor({ view: 'article', id: link.a.articleId, highlight: link.a.highlightId })} aria-label={`${actorName}’s claim: ${link.a.quote}`}>
                    <ClaimSummary side={link.a} quoteLength={140} />
                  </a>
                  <span className={`kind-badge kind-${link.kind}`}>{link.kind === 'contradicts' ? 'vs' : 'and'}</span>
                  <a href={hrefFor({ view: 'article', id: link.b.articleId, highlight: link.b.highlightId })} aria-label={`${link.b.actor.name}’s claim: ${link.b.quote}`}>
                    <ClaimSummary side={link.b} quoteLength={140} />
                  </a>
                </div>
              </li>
            ))}
          </ol>
          <a href={inReview}>{page.total > SHOWN ? `All ${plural(page.total, title.toLowerCase().slice(0, -1))} in Review` : 'Work through them in Review'}</a>
        </>
      )}
    </section>
  );
}
