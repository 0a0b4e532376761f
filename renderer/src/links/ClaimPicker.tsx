import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ClaimSide } from '../../../shared/domain';
import { api } from '../api/client';
import { FieldError } from '../components/FieldError';
import { ClaimSummary } from './ClaimSummary';

/**
 * Finds a claim anywhere in the project by words of its quote, its actor (or an alias), the
 * channel, the outlet or a tag, optionally between two dates. Arrow keys move through the
 * results and Enter chooses one.
 */
export function ClaimPicker({ excludeClaimId, onChoose }: { excludeClaimId: string; onChoose: (claim: ClaimSide) => void }) {
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [results, setResults] = useState<ClaimSide[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    if (!text.trim()) {
      setResults(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api
        .call('claims.search', { text, excludeClaimId, from: from || undefined, to: to || undefined, limit: 40 })
        .then(
          (found) => {
            if (!current) return;
            setResults(found);
            setActive(0);
            setError(null);
          },
          (e: Error) => current && setError(e.message),
        );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, from, to, excludeClaimId]);

  function onKey(event: KeyboardEvent<HTMLInputElement>) {
    if (!results?.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(results.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // Ctrl+Enter is the dialog's: it links, and says so if no claim is chosen yet.
      event.preventDefault();
      onChoose(results[active]!);
    }
  }

  return (
    <div className="claim-picker">
      <label>
        Find the other claim
        <input
          type="search"
          role="combobox"
          aria-expanded={!!results?.length}
          aria-controls={listId}
          aria-activedescendant={results?.length ? `${listId}-${active}` : undefined}
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          placeholder="Words of the quote, an actor, outlet or tag"
        />
      </label>
      <div className="inline-form">
        <label>
          Made from
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          until
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <FieldError message={error} />
      <p className="hint" aria-live="polite">
        {results === null ? 'Type to search every claim in the project.' : results.length === 0 ? 'No claims match.' : `${results.length}${results.length === 40 ? '+' : ''} claims, newest recorded first.`}
      </p>
      <ul className="picker-results" id={listId} role="listbox" aria-label="Matching claims">
        {results?.map((claim, i) => (
          <li
            key={claim.claimId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => onChoose(claim)}
          >
            <ClaimSummary side={claim} />
          </li>
        ))}
      </ul>
    </div>
  );
}
