/** Text on one line for lists and names: runs of white space become one space, cut at `max` with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A quotation on one line in quotation marks, without doubling the marks it has of its own (never “““…”). */
export function quotedLine(text: string, max: number): string {
  const flat = oneLine(text, max);
  const open = /^["“„«‘‚‹']/u.test(flat) ? '' : '“';
  const close = /["”»’›']$/u.test(flat) ? '' : '”';
  return `${open}${flat}${close}`;
}
