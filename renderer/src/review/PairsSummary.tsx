import { memo, useEffect, useState } from 'react';
import type { ActorPair, LinkKind } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';
import { plural } from '../format';

/** Who contradicts (or corroborates) whom: actor pairs by count, each opening the list for that pair. */
export const PairsSummary = memo(function PairsSummary({
  kind,
  actorId,
  otherActorId,
  onChoose,
}: {
  kind: LinkKind;
  /** The pair the list is filtered by, if any. */
  actorId?: string;
  otherActorId?: string;
  onChoose: (pair: ActorPair) => void;
}) {
  const [pairs, setPairs] = useState<ActorPair[] | null>(null);
  useEffect(() => {
    const load = () => api.call('links.pairs', { kind, limit: 30 }).then(setPairs, () => setPairs([]));
    load();
    return onProjectChanged(load);
  }, [kind]);
  const heading = kind === 'contradicts' ? 'Who contradicts whom' : 'Who corroborates whom';
  return (
    <section className="pairs" aria-labelledby="pairs-heading">
      <h3 id="pairs-heading">{heading}</h3>
      {pairs?.length === 0 && <p className="empty">No links yet.</p>}
      <ul>
        {pairs?.map((pair) => {
          const active = (actorId === pair.a.id && otherActorId === pair.b.id) || (actorId === pair.b.id && otherActorId === pair.a.id);
          return (
            <li key={`${pair.a.id} ${pair.b.id}`}>
              <button type="button" className={active ? 'pair active' : 'pair'} aria-pressed={active} onClick={() => onChoose(pair)}>
                <span className="pair-names">
                  {pair.a.name} <span className="muted">{kind === 'contradicts' ? 'vs' : '&'}</span> {pair.b.name}
                </span>
                <span className="pair-count" aria-label={`${plural(pair.total, 'link')}, ${pair.counts.open} open`}>
                  {pair.total}
                  {pair.counts.open > 0 && <span className="pair-open">{pair.counts.open} open</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
