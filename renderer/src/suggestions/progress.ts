import { useEffect, useState } from 'react';
import type { SuggestionProgress } from '../../../shared/assist/attribution/types';
import { api, onProjectChanged } from '../api/client';

const MADE = 'gainsay:suggestions-made';
/** How often progress is asked for while suggesting runs, and while it does not. */
const RUNNING_POLL_MS = 1000;
const IDLE_POLL_MS = 5000;

/** Calls `handler` whenever background suggesting has stored suggestions for more articles. */
export function onSuggestionsMade(handler: () => void): () => void {
  window.addEventListener(MADE, handler);
  return () => window.removeEventListener(MADE, handler);
}

/**
 * Background suggesting's progress, polled (every second while it runs, every few seconds
 * otherwise, which is also what starts it for articles imported by another way, and at once after
 * a change such as an import). Announces new
 * suggestions to the views that list them. Used once, by the app's status line.
 */
export function useSuggestionProgress(): SuggestionProgress | null {
  const [progress, setProgress] = useState<SuggestionProgress | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let lastDone = -1;
    // Only the latest call goes on polling: a change while one is under way starts another.
    let latest = 0;
    const poll = () => {
      clearTimeout(timer);
      const call = ++latest;
      api.call('suggestions.progress', {}).then(
        (next) => {
          if (stopped || call !== latest) return;
          if (lastDone >= 0 && next.done !== lastDone) window.dispatchEvent(new Event(MADE));
          lastDone = next.done;
          setProgress(next);
          timer = setTimeout(poll, next.running ? RUNNING_POLL_MS : IDLE_POLL_MS);
        },
        () => {
          if (!stopped && call === latest) timer = setTimeout(poll, IDLE_POLL_MS);
        },
      );
    };
    poll();
    const offChanged = onProjectChanged(poll);
    return () => {
      stopped = true;
      clearTimeout(timer);
      offChanged();
    };
  }, []);
  return progress;
}
