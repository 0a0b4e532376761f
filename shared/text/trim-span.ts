/** A span of an article in code points, with the text it covers. */
export interface QuotedSpan {
  start: number;
  end: number;
  quote: string;
}

/**
 * The span without the whitespace and line breaks at either end, as brat and INCEpTION trim a
 * selection, so that a highlight never starts or ends on a space or between paragraphs; null when
 * the span is only whitespace. Whitespace characters are all in the Basic Multilingual Plane, so
 * what is cut in UTF-16 units is the same number of code points.
 */
export function trimSpan(span: QuotedSpan): QuotedSpan | null {
  const quote = span.quote.trim();
  if (!quote) return null;
  const leading = span.quote.length - span.quote.trimStart().length;
  const trailing = span.quote.length - span.quote.trimEnd().length;
  return { start: span.start + leading, end: span.end - trailing, quote };
}
