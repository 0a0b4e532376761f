import type { ClaimSide } from '../../../shared/domain';
import { formatDate } from '../format';
import { actorColour, useActorColours } from '../actor-colours';
import { oneLine } from '../../../shared/text/one-line';

/** Who made a claim, in their colour, and through whom it was reported. */
export function ActorLine({ side }: { side: Pick<ClaimSide, 'actor' | 'via'> }) {
  useActorColours();
  return (
    <span className="claim-who">
      <span className={`actor-chip ${actorColour(side.actor.id)}`} aria-hidden="true" />
      <span className="actor-name" title={side.actor.name}>
        {side.actor.name}
      </span>
      {side.via && <span className="via"> via {side.via.name}</span>}
    </span>
  );
}

/** One claim in a line or two: who (and through whom), where and when, and the quote. */
export function ClaimSummary({ side, quoteLength = 160 }: { side: ClaimSide; quoteLength?: number }) {
  return (
    <span className="claim-summary">
      <ActorLine side={side} />
      <span className="source-note">
        {[side.outlet || 'Unknown outlet', formatDate(side.date) || 'Undated', side.articleTitle].join(' · ')}
      </span>
      <span className="claim-quote">{oneLine(side.quote, quoteLength)}</span>
    </span>
  );
}
