import { plural } from '../format';
import { useSuggestionProgress } from './progress';

/** The status line of background suggesting: how many articles are done while it runs, or why it stopped. */
export function SuggestingStatus() {
  const progress = useSuggestionProgress();
  let text = '';
  if (progress?.error) text = progress.error;
  else if (progress?.running) text = `Suggesting claims: ${progress.done} of ${plural(progress.total, 'article')}`;
  // A live region that stays in the page, so that screen readers announce what is put in it.
  return (
    <p className={text ? 'suggesting-status' : 'suggesting-status empty-status'} role="status" aria-label="Suggesting claims in the background">
      {text}
    </p>
  );
}
