import { useState } from 'react';
import type { LinkKind } from '../../../shared/domain';
import { LinkDialog } from './LinkDialog';
import { quotedLine } from '../../../shared/text/one-line';
import { basket, useBasket } from './linking-basket';

/**
 * The claims chosen for linking, from whichever lists, and the buttons that link the two: a bar
 * docked at the foot of the window, with room kept for it below the page so it covers no text.
 */
export function LinkBar() {
  const chosen = useBasket();
  const [kind, setKind] = useState<LinkKind | null>(null);
  if (chosen.length === 0) return null;
  const [first, second] = chosen;
  return (
    <aside className="link-bar" aria-label="Claims chosen for linking">
      <span className="link-bar-title">Linking</span>
      {chosen.map((c) => (
        <span key={c.claimId} className="link-bar-claim">
          <strong>{c.actor}</strong> {quotedLine(c.quote, 60)}
          <button type="button" className="ghost" aria-label={`Put back ${c.actor}’s claim`} onClick={() => basket.remove(c.claimId)}>
            ✕
          </button>
        </span>
      ))}
      {second ? (
        <>
          <button type="button" onClick={() => setKind('contradicts')}>
            Link as contradicting…
          </button>
          <button type="button" className="secondary" onClick={() => setKind('corroborates')}>
            Link as corroborating…
          </button>
        </>
      ) : (
        <span className="muted">Choose a second claim in any list to link it to this one.</span>
      )}
      <button type="button" className="ghost" onClick={() => basket.clear()}>
        Clear
      </button>
      {kind && first && second && (
        <LinkDialog
          from={first}
          to={second}
          kind={kind}
          onClose={() => setKind(null)}
          onLinked={() => basket.linked()}
        />
      )}
    </aside>
  );
}
