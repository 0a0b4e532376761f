import type { ClaimPrefill } from '../../../shared/assist/claim-prefill';
import { api } from '../api/client';

/** The one reading asked for ahead, until the claim editor takes it. */
let ahead: { key: string; reading: Promise<ClaimPrefill | null> } | null = null;

function ask(articleId: string, start: number, end: number): Promise<ClaimPrefill | null> {
  return api.call('suggestions.prefill', { articleId, start, end }).catch(() => null);
}

/**
 * Starts reading a span's sentence as C is pressed, while its highlight is being saved: the
 * backend answers in order, so the reading comes before the reloads that saving sets off (the
 * suggestions list reads the whole article again), and the claim editor opens filled in sooner.
 */
export function readSentenceAhead(articleId: string, start: number, end: number): void {
  ahead = { key: `${articleId}:${start}:${end}`, reading: ask(articleId, start, end) };
}

/** The speaker, channel and date for a span: the reading started ahead for it, or a new one. */
export function readSentence(articleId: string, start: number, end: number): Promise<ClaimPrefill | null> {
  const key = `${articleId}:${start}:${end}`;
  if (ahead?.key !== key) return ask(articleId, start, end);
  const { reading } = ahead;
  ahead = null;
  return reading;
}
