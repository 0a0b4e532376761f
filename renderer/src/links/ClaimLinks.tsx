import { useState } from 'react';
import { LINK_KIND_LABELS, LINK_STATUS_LABELS, type Article, type HighlightItem, type LinkKind, type ListedLink } from '../../../shared/domain';
import { api } from '../api/client';
import { FieldError } from '../components/FieldError';
import { plural } from '../format';
import { hrefFor } from '../router';
import { ClaimSummary } from './ClaimSummary';
import { LinkDialog } from './LinkDialog';
import { PossibleContradictions } from './PossibleContradictions';
import { basket, useBasket, type BasketClaim } from './linking-basket';

/**
 * The selected claim's links (each with the other side's actor, outlet and quote, and a way to
 * open it), and the ways to make new ones: the picker, or setting the claim aside to link it to
 * a claim chosen in another list.
 */
export function ClaimLinks({ article, highlight, quote, links }: { article: Article; highlight: HighlightItem; quote: string; links: ListedLink[] }) {
  const [linking, setLinking] = useState<LinkKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = useBasket();
  const claim = highlight.claim;
  const mine = claim ? links.filter((l) => l.a.claimId === claim.id || l.b.claimId === claim.id) : [];
  const self: BasketClaim | null = claim ? { claimId: claim.id, actor: claim.actor.name, quote, articleTitle: article.title } : null;
  const isChosen = !!claim && chosen.some((c) => c.claimId === claim.id);

  function startLink(kind: LinkKind) {
    if (!claim) {
      setError('Only claims can be linked. Record who made this highlight first (Claimed by, above), then link it.');
      document.querySelector<HTMLInputElement>('.claim-selected form [role="combobox"]')?.focus();
      return;
    }
    setError(null);
    setLinking(kind);
  }

  return (
    <>
      <section className="claim-links" aria-label="Links of this claim">
        <h3>
          Links <span className="muted">{plural(mine.length, 'link')}</span>
        </h3>
        <div className="link-actions">
          <button type="button" className="secondary" onClick={() => startLink('contradicts')}>
            Contradicts…
          </button>
          <button type="button" className="secondary" onClick={() => startLink('corroborates')}>
            Corroborates…
          </button>
          {self && (
            <button type="button" className="ghost" aria-pressed={isChosen} onClick={() => basket.toggle(self)} title="Set this claim aside, then choose another in any list to link the two">
              {isChosen ? 'Chosen for linking' : 'Choose for linking'}
            </button>
          )}
        </div>
        <FieldError message={error} />
        {mine.length > 0 && (
          <ul className="link-list">
            {mine.map((link) => {
              const other = link.a.claimId === claim!.id ? link.b : link.a;
              return (
                <li key={link.id} className={`link-item kind-${link.kind}`}>
                  <span className="link-meta">
                    <span className={`kind-badge kind-${link.kind}`}>{LINK_KIND_LABELS[link.kind]}</span>
                    <span className={`status-badge status-${link.status}`}>{LINK_STATUS_LABELS[link.status]}</span>
                  </span>
                  <ClaimSummary side={other} quoteLength={140} />
                  {link.rationaleText && <span className="link-rationale">{link.rationaleText}</span>}
                  <span className="row-actions">
                    <a href={hrefFor({ view: 'article', id: other.articleId, highlight: other.highlightId })}>
                      Open {other.actor.name}’s claim{other.articleId === article.id ? '' : ` in ${other.outlet || 'its article'}`}
                    </a>
                    <button type="button" className="ghost" onClick={() => api.call('links.delete', { id: link.id }).catch((e: Error) => setError(e.message))}>
                      Remove link
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {linking && self && <LinkDialog from={self} kind={linking} onClose={() => setLinking(null)} />}
      </section>
      {claim && <PossibleContradictions article={article} claimId={claim.id} />}
    </>
  );
}
