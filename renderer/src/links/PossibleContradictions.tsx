import { useState } from 'react';
import type { Article } from '../../../shared/domain';
import { api } from '../api/client';
import { FieldError } from '../components/FieldError';
import { useCandidates } from '../review/useCandidates';
import { hrefFor } from '../router';
import { ClaimSummary } from './ClaimSummary';

/** How many a claim shows: the few worth a look, not a second review list. */
const SHOWN = 5;

/**
 * The selected claim's possible contradictions, proposed by Gainsay with the reason, each to
 * accept (an open contradiction, undoable), dismiss (remembered) or open.
 */
export function PossibleContradictions({ article, claimId }: { article: Article; claimId: string }) {
  const { pairs, error } = useCandidates('contradicts', claimId, SHOWN);
  const [notice, setNotice] = useState<string | null>(null);
  if (!pairs || pairs.length === 0) return <FieldError message={error} />;
  const act = (call: Promise<unknown>) => call.then(() => setNotice(null), (e: Error) => setNotice(e.message));
  return (
    <section className="possible-links" aria-label="Possible contradictions">
      <h3>
        Possible contradictions <span className="muted">proposed by Gainsay</span>
      </h3>
      <FieldError message={notice ?? error} />
      <ul className="link-list">
        {pairs.map((pair) => {
          const other = pair.a.claimId === claimId ? pair.b : pair.a;
          return (
            <li key={other.claimId} className="link-item kind-contradicts">
              <ClaimSummary side={other} quoteLength={140} />
              <span className="link-rationale">{pair.reasons.join(' · ')}</span>
              <span className="row-actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => act(api.call('links.create', { claimA: claimId, claimB: other.claimId, kind: 'contradicts', status: 'open', rationaleJson: '', rationaleText: '' }))}
                >
                  Accept as contradiction
                </button>
                <button type="button" className="ghost" onClick={() => act(api.call('candidates.dismiss', { claimA: claimId, claimB: other.claimId }))}>
                  Dismiss
                </button>
                <a href={hrefFor({ view: 'article', id: other.articleId, highlight: other.highlightId })}>
                  Open {other.actor.name}’s claim{other.articleId === article.id ? '' : ` in ${other.outlet || 'its article'}`}
                </a>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
