/** What an export did not write as it stands: claims whose span does not hold, and links that need them. */
export interface AttentionTally {
  claims: number;
  links: number;
}

export const newTally = (): AttentionTally => ({ claims: 0, links: 0 });
