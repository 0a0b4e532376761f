import { foldEachChar } from './fold';

/**
 * The text the full-text index sees: the stored text folded as every search key is
 * (shared/fold.ts), so that a query folded the same way finds it in any spelling the folding
 * joins (strasse finds Straße, lukasiewicz Łukasiewicz). Search results are marked up from the
 * stored text, never from this copy.
 */
export function searchText(text: string): string {
  return foldEachChar(text);
}
