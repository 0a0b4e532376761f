/**
 * The first index in [0, count) for which `before(index)` is false, where `before` holds for a
 * leading run of indexes and for none after it: a binary search, e.g. a sorted list's lower
 * bound. `count` when `before` holds for every index.
 */
export function firstIndex(count: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
