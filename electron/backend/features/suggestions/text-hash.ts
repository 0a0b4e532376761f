import { createHash } from 'node:crypto';

/** What identifies an article's text for a stored run: another text makes the run stale. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}
