import { describe, expect, it } from 'vitest';
import { fileSize } from '../../shared/domain';
import { plural } from '../../shared/text/plural';

describe('plural', () => {
  it('says one thing in the singular and grouped counts in the plural', () => {
    expect(plural(1, 'claim')).toBe('1 claim');
    expect(plural(0, 'claim')).toBe('0 claims');
    expect(plural(12_345, 'corroboration')).toBe('12,345 corroborations');
    expect(plural(2, 'alias', 'aliases')).toBe('2 aliases');
  });
});

describe('fileSize', () => {
  it('gives a small file in KB or bytes, not as 0.0 MB', () => {
    expect(fileSize(12_288)).toBe('12 KB');
    expect(fileSize(700)).toBe('700 bytes');
    expect(fileSize(1)).toBe('1 byte');
    expect(fileSize(25 * 1024 * 1024)).toBe('25.0 MB');
  });
});
