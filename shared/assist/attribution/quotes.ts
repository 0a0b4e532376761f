/**
 * Quotations in double quotation marks (“ ” " « » „), UTF-16 spans including the marks. A quote
 * that runs over several paragraphs follows the news convention: no closing mark at the end of a
 * paragraph, an opening mark at the start of the next. Unbalanced marks never swallow the text:
 * an opening without a close ends nothing, and a quotation is at most MAX_QUOTE characters.
 */
export interface Quotation {
  s: number;
  e: number;
}

export const MAX_QUOTE = 6000;

const OPENING = new Set(['“', '«', '„']);
const CLOSING = new Set(['”', '»']);

export function findQuotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (open >= 0) {
        // Continues only if the next paragraph opens with a quotation mark.
        let j = i;
        while (j < text.length && /\s/.test(text[j]!)) j++;
        const next = text[j];
        if (next !== undefined && (OPENING.has(next) || next === '"') && j - open < MAX_QUOTE) {
          i = j; // the reopening mark belongs to the same quotation
          continue;
        }
        open = -1;
      }
      continue;
    }
    const straight = ch === '"';
    if (OPENING.has(ch) || (straight && open < 0)) {
      open = i;
    } else if (CLOSING.has(ch) || (straight && open >= 0)) {
      if (open >= 0 && i + 1 - open <= MAX_QUOTE) found.push({ s: open, e: i + 1 });
      open = -1;
    }
    if (open >= 0 && i - open > MAX_QUOTE) open = -1;
  }
  return found;
}
