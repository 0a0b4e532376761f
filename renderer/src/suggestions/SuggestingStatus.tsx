import { useSuggestionProgress } from './progress';

/**
 * The status line of background suggesting, for when it has stopped for good and why. Its progress
 * while it runs is a job's, in the jobs panel (with Stop suggesting), and is not said twice.
 */
export function SuggestingStatus() {
  const progress = useSuggestionProgress();
  const text = progress?.error ?? '';
  // A live region that stays in the page, so that screen readers announce what is put in it.
  return (
    <p className={text ? 'suggesting-status' : 'suggesting-status empty-status'} role="status" aria-label="Suggesting claims in the background">
      {text}
    </p>
  );
}
