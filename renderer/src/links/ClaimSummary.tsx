import type { ClaimSide } from '../../../shared/domain';
import { formatDate } from '../format';
import { actorColour } from '../reading/paint';
import { shortQuote } from './linking-basket';

/** One claim in a line or two: who (and through whom), where and when, and the quote. */
export function ClaimSummary({ side, quoteLength = 160 }: { side: ClaimSide; quoteLength?: number }) {
  return (
    <span className="claim-summary">
      <span className="claim-who">
        <span className={`actor-chip ${actorColour(side.actor.id)}`} aria-hidden="true" />
        {side.actor.name}
        {side.via && <span className="via"> via {side.via.name}</span>}
      </span>
      <span className="source-note">
        {[side.outlet || 'Unknown outlet', formatDate(side.date) || 'Undated', side.articleTitle].join(' · ')}
      </span>
      <span className="claim-quote">{shortQuote(side.quote, quoteLength)}</span>
    </span>
  );
}
