import type { SnippetPart } from '../domain';

/** All of `text` split into plain and matched parts. */
export function partsFor(text: string, ranges: Array<[number, number]>, from = 0, to = text.length): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > cursor) parts.push({ text: text.slice(cursor, s), match: false });
    parts.push({ text: text.slice(s, e), match: true });
    cursor = e;
  }
  if (cursor < to) parts.push({ text: text.slice(cursor, to), match: false });
  return parts;
}

/** A window of about `context` characters either side of the first match, cut at spaces. */
export function snippetAround(text: string, ranges: Array<[number, number]>, context = 90): SnippetPart[] {
  const first = ranges[0];
  if (!first) return [{ text: text.slice(0, context * 2).trimEnd() + (text.length > context * 2 ? ' …' : ''), match: false }];
  let from = Math.max(0, first[0] - context);
  let to = Math.min(text.length, first[1] + context);
  if (from > 0) from = Math.max(from, text.indexOf(' ', from) + 1 || from);
  if (to < text.length) to = Math.max(first[1], text.lastIndexOf(' ', to));
  // Never cut a surrogate pair in half.
  if (/[\udc00-\udfff]/.test(text[from] ?? '')) from--;
  if (/[\ud800-\udbff]/.test(text[to - 1] ?? '')) to++;
  const parts = partsFor(text, ranges, from, to).map((part) => ({ ...part, text: part.text.replace(/\n+/g, ' ') }));
  if (from > 0) parts.unshift({ text: '… ', match: false });
  if (to < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
