/**
 * Offsets in Gainsay are Unicode code points into the stored text (what the W3C Web Annotation
 * model, brat and Python count). JavaScript strings, the DOM and Lexical count UTF-16 code units.
 * This is the one place that converts between them.
 */

import { firstIndex } from './first-index';

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Code points in `text` before UTF-16 index `index` (an index inside a pair counts the pair as before). */
export function utf16ToCodePoint(text: string, index: number): number {
  let points = 0;
  const end = Math.min(index, text.length);
  for (let i = 0; i < end; i++) {
    if (isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      if (i + 1 >= end) return points + 1;
      i++;
    }
    points++;
  }
  return points;
}

/** The UTF-16 index of code point `point` in `text` (clamped to the end). */
export function codePointToUtf16(text: string, point: number): number {
  let i = 0;
  for (let seen = 0; seen < point && i < text.length; seen++) {
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Slices `text` by code point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return text.slice(codePointToUtf16(text, start), codePointToUtf16(text, end));
}

/**
 * Code point ↔ UTF-16 conversion for one long text without walking it each time: the positions
 * of its surrogate pairs (emoji and other astral characters) are found once, and every lookup is
 * a binary search over them.
 */
export class OffsetMap {
  /** UTF-16 index of each surrogate pair, ascending. */
  private readonly pairs: number[] = [];
  /** Code points in the text. */
  readonly length: number;

  constructor(readonly text: string) {
    for (const match of text.matchAll(/[\ud800-\udbff][\udc00-\udfff]/g)) this.pairs.push(match.index);
    this.length = text.length - this.pairs.length;
  }

  /** The UTF-16 index of code point `point` (clamped to the end). */
  toUtf16(point: number): number {
    const p = Math.max(0, Math.min(point, this.length));
    // Pairs before the target: the k-th pair (0-based) starts at code point pairs[k] - k.
    return p + firstIndex(this.pairs.length, (k) => this.pairs[k]! - k < p);
  }

  /** The code point offset of UTF-16 index `unit` (an index inside a pair counts the pair as before). */
  toCodePoint(unit: number): number {
    return Math.min(unit, this.text.length) - firstIndex(this.pairs.length, (k) => this.pairs[k]! + 1 < unit);
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
