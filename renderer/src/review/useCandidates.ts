import { useEffect, useState } from 'react';
import type { CandidatePair, LinkKind } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';

/** The most pairs a list shows: the contract's limit, and more than a session of triage. */
export const CANDIDATE_LIMIT = 500;

export interface Candidates {
  pairs: CandidatePair[] | null;
  error: string | null;
}

/**
 * Candidate pairs of the project (or of one claim), read again whenever the project changes, so
 * an accepted or dismissed pair leaves the list and a new claim's pairs join it.
 */
export function useCandidates(kind: LinkKind | undefined, claimId?: string, limit = CANDIDATE_LIMIT): Candidates {
  const [state, setState] = useState<Candidates>({ pairs: null, error: null });
  useEffect(() => {
    let current = true;
    const read = () =>
      api.call('candidates.list', { kind, claimId, limit }).then(
        (pairs) => current && setState({ pairs, error: null }),
        (e: Error) => current && setState((old) => ({ pairs: old.pairs, error: e.message })),
      );
    void read();
    const stop = onProjectChanged(() => void read());
    return () => {
      current = false;
      stop();
    };
  }, [kind, claimId, limit]);
  return state;
}
