/**
 * Quotations in double quotation marks (“ ” " « » „, and '' as some newspapers write them),
 * UTF-16 spans including the marks. A quote
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
        if (next !== undefined && (OPENING.has(next) || next === '"' || text.startsWith("''", j)) && j - open < MAX_QUOTE) {
          i = text.startsWith("''", j) ? j + 1 : j; // the reopening mark belongs to the same quotation
          continue;
        }
        open = -1;
      }
      continue;
    }
    // Two apostrophes make one straight double quotation mark.
    const doubled = ch === "'" && text[i + 1] === "'";
    const straight = ch === '"' || doubled;
    // Marks typed the wrong way round: ” opening a quotation ("”This is why …”"), “ closing one.
    const before = text[i - 1];
    const after = text[i + 1];
    const reversedOpening = CLOSING.has(ch) && open < 0 && (before === undefined || /\s/.test(before)) && after !== undefined && /\p{L}/u.test(after);
    const reversedClosing = OPENING.has(ch) && open >= 0 && (after === undefined || /[\s,.;:!?]/.test(after)) && before !== undefined && /[\p{L}\p{N}.,!?—–-]/u.test(before);
    if (reversedOpening) {
      open = i;
    } else if (reversedClosing) {
      if (i + 1 - open <= MAX_QUOTE) found.push({ s: open, e: i + 1 });
      open = -1;
    } else if (OPENING.has(ch) || (straight && open < 0)) {
      open = i;
      if (doubled) i++;
    } else if (CLOSING.has(ch) || (straight && open >= 0)) {
      const end = doubled ? i + 2 : i + 1;
      if (open >= 0 && end - open <= MAX_QUOTE) found.push({ s: open, e: end });
      open = -1;
      if (doubled) i++;
    }
    if (open >= 0 && i - open > MAX_QUOTE) open = -1;
  }
  return found;
}
