import type { CandidatePair } from '../../../shared/domain';
import { Side } from './ReviewRow';

const KIND_WORDS = { contradicts: 'possible contradiction', corroborates: 'possible corroboration' } as const;

/** One proposed pair: both claims side by side, as in the review list, with why it is proposed. */
export function CandidateRow({ pair }: { pair: CandidatePair }) {
  return (
    <>
      <div className="review-row-head">
        <span className={`kind-badge kind-${pair.kind}`}>{KIND_WORDS[pair.kind]}</span>
        <span className="review-pair">
          {pair.a.actor.name} {pair.kind === 'contradicts' ? 'vs' : 'and'} {pair.b.actor.name}
        </span>
        <span className="muted review-changed">score {pair.score.toFixed(2)}</span>
      </div>
      <div className="review-sides">
        <Side side={pair.a} label="Earlier claim" />
        <Side side={pair.b} label="Later claim" />
      </div>
      <p className="review-rationale candidate-reasons">
        <span className="field-label">Why</span> {pair.reasons.join(' · ')}
      </p>
    </>
  );
}
