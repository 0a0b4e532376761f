import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIndex } from '../../shared/first-index';

describe('firstIndex', () => {
  it('is the lower bound a linear scan finds, in a sorted list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, target) => {
        const sorted = [...values].sort((x, y) => x - y);
        const scanned = sorted.findIndex((v) => v >= target);
        expect(firstIndex(sorted.length, (i) => sorted[i]! < target)).toBe(scanned === -1 ? sorted.length : scanned);
      }),
    );
  });

  it('is 0 for an empty range and never asks outside it', () => {
    const asked: number[] = [];
    expect(firstIndex(0, (i) => (asked.push(i), true))).toBe(0);
    expect(firstIndex(5, (i) => (asked.push(i), true))).toBe(5);
    expect(asked.every((i) => i >= 0 && i < 5)).toBe(true);
  });
});
