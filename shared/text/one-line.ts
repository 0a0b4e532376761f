/** Text on one line for lists and names: runs of white space become one space, cut at `max` with an ellipsis. */
export function oneLine(text: string, max: number): string {
  // Most text has no white space but single spaces between words: it is kept as it is, no new string made.
  const flat = /\s\s|[^\S ]|^ | $/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A quotation on one line in quotation marks, without doubling the marks it has of its own (never “““…”). */
export function quotedLine(text: string, max: number): string {
  const flat = oneLine(text, max);
  const open = /^["“„«‘‚‹']/u.test(flat) ? '' : '“';
  const close = /["”»’›']$/u.test(flat) ? '' : '”';
  return `${open}${flat}${close}`;
}
