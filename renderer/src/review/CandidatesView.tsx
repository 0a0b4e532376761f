import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CandidatePair, LinkKind } from '../../../shared/domain';
import { api } from '../api/client';
import { FieldError } from '../components/FieldError';
import { useListFocus } from '../components/useListFocus';
import { plural } from '../format';
import { DEFAULT_REVIEW, hrefFor, navigate } from '../router';
import { CandidateRow } from './CandidateRow';
import { useCandidates } from './useCandidates';
import { onPairListKey } from './list-keys';
import { focusIsLost } from '../keyboard';

/** The height of a candidate row in pixels, as a review row (see .review-row in styles.css). */
const ROW_HEIGHT = 240;

const NOUNS: Record<LinkKind, string> = { contradicts: 'contradiction', corroborates: 'corroboration' };

/**
 * Candidates: pairs of claims Gainsay proposes as contradictions or corroborations, best first,
 * triaged from the keyboard like the review list: j/k or arrows move, c accepts as a
 * contradiction, s as a corroboration (each an open link, undoable), d dismisses (remembered),
 * Enter or 1 opens the earlier source and 2 the later. Nothing is linked until accepted.
 */
export function CandidatesView() {
  const [kind, setKind] = useState<LinkKind | undefined>('contradicts');
  const { pairs, error } = useCandidates(kind);
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  const total = pairs?.length ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 4 });
  const items = virtualizer.getVirtualItems();
  // c, s and d work at once: the list takes the focus when it first has pairs.
  useListFocus({ scroller, total, active, setActive, scrollTo: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) });
  const current = pairs?.[active];
  // The last pair accepted or dismissed takes the list away, and the focus it had with it: the
  // message that none is left takes it, rather than the page body, where no key does anything.
  const noneLeft = useRef<HTMLParagraphElement>(null);
  const hadPairs = useRef(false);
  useEffect(() => {
    if (total > 0) hadPairs.current = true;
    else if (pairs !== null && hadPairs.current && focusIsLost()) noneLeft.current?.focus();
  }, [pairs, total]);

  // An accepted or dismissed pair leaves the list and the next one takes its place.
  async function accept(pair: CandidatePair, as: LinkKind) {
    try {
      await api.call('links.create', { claimA: pair.a.claimId, claimB: pair.b.claimId, kind: as, status: 'open', rationaleJson: '', rationaleText: '' });
      setNotice(null);
      setDone(`Linked ${pair.a.actor.name} and ${pair.b.actor.name} as an open ${NOUNS[as]}.`);
    } catch (e) {
      setNotice((e as Error).message);
    }
  }

  async function dismiss(pair: CandidatePair) {
    try {
      await api.call('candidates.dismiss', { claimA: pair.a.claimId, claimB: pair.b.claimId });
      setNotice(null);
      setDone(`Dismissed the pair of ${pair.a.actor.name} and ${pair.b.actor.name}; it will not be proposed again.`);
    } catch (e) {
      setNotice((e as Error).message);
    }
  }

  const open = (pair: CandidatePair, side: 'a' | 'b') => navigate({ view: 'article', id: pair[side].articleId, highlight: pair[side].highlightId });

  function onListKey(event: KeyboardEvent<HTMLDivElement>) {
    onPairListKey(event, { total, current, setActive, open }, (key, pair) => {
      if (key === 'c') void accept(pair, 'contradicts');
      else if (key === 's') void accept(pair, 'corroborates');
      else if (key === 'd') void dismiss(pair);
      else return false;
      return true;
    });
  }


  const noun = kind ? `possible ${NOUNS[kind]}` : 'candidate pair';
  return (
    <section className="review candidates" aria-labelledby="candidates-heading">
      <div className="review-head">
        <h2 id="candidates-heading">Candidates</h2>
        <span className="muted" aria-live="polite" data-testid="candidates-total">
          {pairs === null ? 'Reading…' : plural(total, noun)}
        </span>
        <label className="inline-field">
          Show{' '}
          <select value={kind ?? 'both'} onChange={(e) => { setKind(e.target.value === 'both' ? undefined : (e.target.value as LinkKind)); setActive(0); }}>
            <option value="contradicts">possible contradictions</option>
            <option value="corroborates">possible corroborations</option>
            <option value="both">both</option>
          </select>
        </label>
        <a className="review-switch" href={hrefFor({ view: 'review', query: DEFAULT_REVIEW })}>
          Back to the links
        </a>
      </div>
      <div className="review-actions" role="toolbar" aria-label="Selected candidate">
        <button type="button" disabled={!current} onClick={() => current && accept(current, 'contradicts')} title="C">
          Accept as contradiction
        </button>
        <button type="button" className="secondary" disabled={!current} onClick={() => current && accept(current, 'corroborates')} title="S">
          Accept as corroboration
        </button>
        <button type="button" className="secondary" disabled={!current} onClick={() => current && dismiss(current)} title="D">
          Dismiss
        </button>
        <button type="button" className="secondary" disabled={!current} onClick={() => current && open(current, 'a')} title="1 or Enter">
          Open earlier source
        </button>
        <button type="button" className="secondary" disabled={!current} onClick={() => current && open(current, 'b')} title="2">
          Open later source
        </button>
        <span className="hint keys-hint">j/k move · c contradiction · s corroboration · d dismiss · 1 open the earlier source · 2 open the later source · ? all keys</span>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {done}
      </p>
      <FieldError message={notice ?? error} />
      {pairs !== null && total === 0 ? (
        <p className="empty" ref={noneLeft} tabIndex={-1}>
          No {noun}s to look at. Gainsay proposes pairs as claims are recorded; pairs already linked or dismissed are not shown.
        </p>
      ) : (
        <div
          ref={scroller}
          className="review-scroller"
          role="listbox"
          aria-label="Candidate pairs"
          tabIndex={0}
          aria-activedescendant={current ? `candidate-row-${active}` : undefined}
          onKeyDown={onListKey}
        >
          <div className="review-list" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const pair = pairs![item.index]!;
              return (
                <div
                  key={`${pair.a.claimId}-${pair.b.claimId}`}
                  data-index={item.index}
                  id={`candidate-row-${item.index}`}
                  role="option"
                  aria-selected={item.index === active}
                  aria-setsize={total}
                  aria-posinset={item.index + 1}
                  aria-label={`${pair.a.actor.name} ${pair.kind === 'contradicts' ? 'versus' : 'and'} ${pair.b.actor.name}, ${NOUNS[pair.kind]}, score ${pair.score.toFixed(2)}`}
                  className={`review-row candidate-row kind-${pair.kind}${item.index === active ? ' active' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => setActive(item.index)}
                  onDoubleClick={() => open(pair, 'a')}
                >
                  <CandidateRow pair={pair} />
                </div>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
